import EditionCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One running worker process (`edition worker`), seen from the parent.
/// Pipes are close-on-exec so a sibling worker never holds them open: when this worker
/// dies, the parent sees end-of-stream at once instead of hanging.
final class WorkerProcess {
    let pid: pid_t
    private let toWorker: Int32
    private let fromWorker: Int32
    private var reaped = false
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()
    private static let spawnLock = NSLock()

    init(executable: String, arguments: [String] = ["worker"], environment: [String: String]) throws {
        // Pipes are made and marked close-on-exec under one lock, so a worker spawned by
        // another thread in between cannot inherit them.
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0 else { throw SynthesisError.workerStart(String(cString: strerror(errno))) }
        guard pipe(&output) == 0 else {
            close(input[0]); close(input[1])
            throw SynthesisError.workerStart(String(cString: strerror(errno)))
        }
        for fd in input + output { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO)
        // espeak-ng's abort message ("stack smashing detected") is not the user's business.
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(input[0]); close(output[1])
        guard status == 0 else {
            close(input[1]); close(output[0])
            throw SynthesisError.workerStart("\(executable): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        toWorker = input[1]
        fromWorker = output[0]
    }

    /// Sends one chunk and waits for its audio. Throws `workerDied` if the process is gone.
    func speak(_ text: String, settings: EngineSettings) throws -> Take {
        do {
            let header = try encoder.encode(SynthesisRequest(text: text, settings: settings))
            try Frame(header: header, payload: Data()).write(to: toWorker)
            guard let frame = try Frame.read(from: fromWorker) else { throw FrameError.closed("end of stream") }
            let reply = try decoder.decode(SynthesisReply.self, from: frame.header)
            if let error = reply.error { throw SynthesisError.engine(error) }
            return Take(sampleRate: reply.sampleRate, samples: Take.samples(from: frame.payload), words: reply.words)
        } catch let error as FrameError {
            throw SynthesisError.workerDied("\(error); \(reap())")
        }
    }

    /// Closes the pipes and collects the exit status; the worker exits on end of input.
    @discardableResult
    func reap(kill signal: Int32? = nil) -> String {
        guard !reaped else { return "already stopped" }
        reaped = true
        close(toWorker); close(fromWorker)
        if let signal { Glibc.kill(pid, signal) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signalled = status & 0x7f
        if signalled != 0 && signalled != 0x7f { return "killed by signal \(signalled)" }
        return "exited with status \((status >> 8) & 0xff)"
    }

    deinit { reap() }
}
