import EditionCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One running worker process (`edition worker`), seen from the parent, driven by one thread.
/// The pipes are close-on-exec from birth (pipe2), so no other process spawned meanwhile
/// inherits them: when this worker dies, the parent sees end of stream at once.
final class WorkerProcess {
    let pid: pid_t
    private let toWorker: Int32
    private let fromWorker: Int32
    private var running = true

    /// How long past a chunk's deadline the parent waits for the worker, which enforces the
    /// deadline on its own child first: enough for a worker started just now to load espeak-ng.
    static let grace = 2.0
    /// How long `stop()` waits for the worker to leave on its own before killing it.
    static let stopWait = Duration.seconds(1)

    init(executable: String, arguments: [String] = ["worker"], environment: [String: String]) throws {
        guard let input = closeOnExecPipe() else { throw SynthesisError.workerStart(String(cString: strerror(errno))) }
        guard let output = closeOnExecPipe() else {
            let why = String(cString: strerror(errno))
            close(input.read); close(input.write)
            throw SynthesisError.workerStart(why)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copies the worker keeps.
        posix_spawn_file_actions_adddup2(&actions, input.read, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output.write, STDOUT_FILENO)
        // espeak-ng's abort message ("stack smashing detected") is not the user's business.
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(input.read); close(output.write)
        guard status == 0 else {
            close(input.write); close(output.read)
            throw SynthesisError.workerStart("\(executable): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        toWorker = input.write
        fromWorker = output.read
        // Replies are megabytes: a 1 MB pipe passes one in a few turns (best effort).
        widenPipe(fromWorker)
        // Writes wait in poll, against the deadline, never in write itself.
        _ = fcntl(toWorker, F_SETFL, fcntl(toWorker, F_GETFL) | O_NONBLOCK)
    }

    /// What became of one request.
    enum Answer {
        /// One take per text, in order.
        case spoken([Take])
        /// The chunk failed; `lost` says the worker is gone or unusable (it has been stopped).
        case failed(ChunkFailure, lost: Bool)
        /// The worker had died before the request reached it (EPIPE); it has been reaped.
        case unsent(String)
        /// `interrupt` became readable: the pool is shutting down.
        case interrupted
    }

    /// Sends one request (a chunk, or a run of them) and waits for its audio until `deadline`
    /// seconds (plus `grace`) have passed or `interrupt` becomes readable. A worker that misses
    /// the deadline is killed.
    func speak(_ texts: [String], settings: EngineSettings, deadline: Double, interrupt: Int32?) -> Answer {
        send(texts, settings: settings, deadline: deadline, interrupt: interrupt)
            ?? receive(texts.count, deadline: deadline, interrupt: interrupt)
    }

    /// Sends one request without waiting for its reply: nil once sent, else what became of it.
    /// The worker answers requests in the order sent, one at a time; a request sent while it
    /// speaks another waits in the pipe, so the worker starts on it the moment it has replied.
    func send(_ texts: [String], settings: EngineSettings, deadline: Double, interrupt: Int32?) -> Answer? {
        let wait = FrameWait(deadline: .now + .seconds(deadline + Self.grace), watch: interrupt)
        do {
            let header = try JSONEncoder().encode(SynthesisRequest(texts: texts, settings: settings, deadline: deadline))
            try Frame(header: header, payload: Data()).write(to: toWorker, wait)
            return nil
        } catch FrameError.closed {
            return .unsent(died())
        } catch FrameError.interrupted {
            return .interrupted
        } catch {
            kill()
            return .failed(.timedOut(seconds: deadline), lost: true)
        }
    }

    /// Waits for the reply to the oldest request sent and not yet answered (`count` texts) until
    /// `deadline` seconds (plus `grace`) from now: the worker starts on a request only once it
    /// has answered the one before.
    func receive(_ count: Int, deadline: Double, interrupt: Int32?) -> Answer {
        let wait = FrameWait(deadline: .now + .seconds(deadline + Self.grace), watch: interrupt)
        let frame: Frame
        do {
            guard let read = try Frame.read(from: fromWorker, wait) else { return .failed(.crashed(died()), lost: true) }
            frame = read
        } catch FrameError.interrupted {
            return .interrupted
        } catch FrameError.timedOut {
            kill()
            return .failed(.timedOut(seconds: deadline), lost: true)
        } catch FrameError.malformed(let why) {
            kill()
            return .failed(.engine("malformed reply: \(why)"), lost: true)
        } catch {
            return .failed(.crashed(died()), lost: true)
        }
        guard let reply = try? JSONDecoder().decode(SynthesisReply.self, from: frame.header) else {
            kill()
            return .failed(.engine("malformed reply: unreadable header"), lost: true)
        }
        if let failure = reply.failure { return .failed(failure, lost: false) }
        guard reply.takes.count == count, reply.takes.allSatisfy({ $0.samples >= 0 }),
              2 * reply.takes.reduce(0, { $0 + $1.samples }) == frame.payload.count else {
            kill()
            return .failed(.engine("malformed reply: takes do not match the request"), lost: true)
        }
        var start = frame.payload.startIndex
        return .spoken(reply.takes.map { spoken in
            defer { start += 2 * spoken.samples }
            return Take(sampleRate: reply.sampleRate, samples: Take.samples(from: frame.payload[start..<(start + 2 * spoken.samples)]),
                        words: spoken.words)
        })
    }

    /// The worker closed its pipe: it is exiting. Collects how it ended, waiting a moment at most.
    private func died() -> String {
        closePipes()
        let until = ContinuousClock.now + Self.stopWait
        while ContinuousClock.now < until {
            if let status = ExitStatus.wait(for: pid, blocking: false) { running = false; return status.description }
            usleep(2_000)
        }
        kill()
        return "closed its pipe"
    }

    /// Stops at once: SIGKILL (its child dies with it), reaped now if it is already gone,
    /// else by a background thread. Never blocks.
    func kill() {
        guard running else { return }
        running = false
        closePipes()
        Glibc.kill(pid, SIGKILL)
        Reaper.reap(pid)
    }

    /// Stops politely: end of input makes the worker kill and reap any child it has and exit;
    /// if it has not gone within `stopWait` (stopped, or hung), `kill()`.
    func stop() {
        guard running else { return }
        closePipes()
        let until = ContinuousClock.now + Self.stopWait
        while ContinuousClock.now < until {
            if ExitStatus.wait(for: pid, blocking: false) != nil { running = false; return }
            usleep(2_000)
        }
        kill()
    }

    private var pipesOpen = true
    private func closePipes() {
        guard pipesOpen else { return }
        pipesOpen = false
        close(toWorker); close(fromWorker)
    }

    deinit { stop() }
}

/// Collects killed workers that have not exited yet, so none is left a zombie and no caller waits.
enum Reaper {
    static func reap(_ pid: pid_t) {
        if ExitStatus.wait(for: pid, blocking: false) != nil { return }
        BlockingThread.run(stackSize: 64 << 10) { _ = ExitStatus.wait(for: pid) }
    }
}
