import CEspeakNG
import EditionCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The loop a worker process runs (`edition worker`): read a request, have it spoken, reply,
/// until the parent closes the pipe.
///
/// espeak-ng 1.51 carries state from one utterance to the next inside a process, so the same
/// sentence sounds different after different ones. The worker therefore initialises the
/// engine once and never speaks itself: for each request it forks a child from that pristine
/// state, which speaks the request's texts (a run: `SynthesisJob`), writes the reply and exits.
/// Every chunk's audio is then a function of its text, the run's texts before it and the
/// settings alone, and an engine abort or hang costs one child, not the worker.
public enum Worker {
    /// Environment switch for tests: the speaking process aborts on any text containing this
    /// string, as espeak-ng 1.51 does on some odd inputs.
    public static let crashTrigger = "EDITION_FAULT_CRASH_ON"
    /// Environment switch for tests: the speaking process sleeps forever on any text
    /// containing this string, so the chunk's deadline expires.
    public static let hangTrigger = "EDITION_FAULT_HANG_ON"

    /// A request carried across `exec` when the worker restarts for other settings.
    static let carriedRequest = "EDITION_WORKER_REQUEST"

    public static func run(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) throws {
        let engine = try SpeechEngine()
        let environment = ProcessInfo.processInfo.environment
        let speaker = ForkedSpeaker(engine: engine, parent: input, output: output,
                                    crashOn: environment[crashTrigger].flatMap { $0.isEmpty ? nil : $0 },
                                    hangOn: environment[hangTrigger].flatMap { $0.isEmpty ? nil : $0 })
        warmUp(sampleRate: engine.sampleRate)
        let decoder = JSONDecoder()
        // The voice is loaded here, before the children are forked, so no child pays for it; the
        // engine state a child starts from is then "initialised, this voice loaded", the same
        // for every chunk in these settings. For other settings the worker starts afresh (exec,
        // same process and pipes) rather than load a second voice over the first.
        var primed: EngineSettings?
        var carried = environment[carriedRequest].flatMap { Data(base64Encoded: $0) }
        unsetenv(carriedRequest)
        while let header = try carried ?? Frame.read(from: input)?.header {
            carried = nil
            let reply: ForkedSpeaker.Reply
            do {
                let request = try decoder.decode(SynthesisRequest.self, from: header)
                if let primed, primed != request.settings {
                    restart(carrying: header)
                    try SynthesisReply.failing(.engine("the worker could not restart for another voice: \(String(cString: strerror(errno)))"),
                                               sampleRate: engine.sampleRate).write(to: output)
                    continue
                }
                if primed == nil {
                    do { try engine.apply(request.settings); primed = request.settings } catch {
                        let failure: ChunkFailure = if case SynthesisError.unknownVoice(let name) = error { .unknownVoice(name) }
                            else { .engine(error.localizedDescription) }
                        try SynthesisReply.failing(failure, sampleRate: engine.sampleRate).write(to: output)
                        continue
                    }
                }
                // nil: the parent closed the pipe while the chunk was being spoken.
                guard let spoken = speaker.speak(request) else { return }
                reply = spoken
            } catch {
                reply = .frame(SynthesisReply.failing(.engine("unreadable request: \(error)"), sampleRate: engine.sampleRate))
            }
            try reply.write(to: output)
        }
    }

    /// Replaces this process with a fresh worker (same pid, same pipes to the parent), which
    /// speaks `request` first. Returns only if exec fails, which then fails the chunk.
    private static func restart(carrying request: Data) {
        setenv(carriedRequest, request.base64EncodedString(), 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv(carriedRequest)
    }

    /// Runs once, in the worker, the Swift code every child runs after speaking (trimming, and
    /// encoding the reply), so that the runtime's one-time lookups are done before the forks and
    /// not again in every child. Touches nothing of espeak-ng's.
    private static func warmUp(sampleRate: Int) {
        var trimmer = SilenceTrimmer(sampleRate: sampleRate)
        var kept = 0
        [Int16(0), 300, -300, 0].withUnsafeBufferPointer { trimmer.add($0) { kept += $0.count } }
        let range = trimmer.finish { kept += $0.count }
        let words = Take(sampleRate: sampleRate, samples: [], words: [WordEvent(textPosition: 0, length: 1, sample: 1)])
            .words(trimmedTo: range)
        _ = try? JSONEncoder().encode(SynthesisReply(sampleRate: sampleRate, takes: [.init(samples: kept, words: words)], failure: nil))
        _ = try? JSONDecoder().decode(SynthesisRequest.self, from: JSONEncoder().encode(
            SynthesisRequest(texts: [""], settings: EngineSettings(voice: "en"), deadline: 1)))
    }
}

/// Speaks each request in a child forked from the worker, whose engine is initialised and
/// has never spoken. The worker's only other thread is espeak-ng's idle command-queue thread
/// (fifo.c), parked in a condition wait and holding no lock, so the child may run Swift
/// freely (a child that deadlocked all the same would only miss its deadline).
struct ForkedSpeaker {
    /// A reply on its way to the parent: the child's, as it sent it, or one the worker made.
    enum Reply {
        case relayed(RelayBuffer)
        case frame(Frame)

        func write(to fd: Int32) throws {
            switch self {
            case .relayed(let buffer): try buffer.write(to: fd)
            case .frame(let frame): try frame.write(to: fd)
            }
        }
    }

    let engine: SpeechEngine
    /// The pipe from the parent: while a child speaks, its end means the parent is stopping
    /// this worker (data on it is the next request, which waits its turn).
    let parent: Int32
    let output: Int32
    let crashOn: String?
    let hangOn: String?
    let relay = RelayBuffer()

    /// The reply frame for `request`, or nil if the parent went away meanwhile. A child that
    /// dies, or exceeds the request's deadline (it is then killed), gives a failure reply.
    func speak(_ request: SynthesisRequest) -> Reply? {
        let sampleRate = engine.sampleRate
        func failing(_ failure: ChunkFailure) -> Reply { .frame(SynthesisReply.failing(failure, sampleRate: sampleRate)) }
        guard let fds = closeOnExecPipe() else { return failing(.engine("pipe: \(String(cString: strerror(errno)))")) }
        // A run's PCM (megabytes) fits in a 1 MB pipe in a few turns instead of one per 64 KB:
        // the child and the worker take turns far less often. Best effort: the default still works.
        widenPipe(fds.write)
        let worker = getpid()
        let pid = fork()
        if pid == 0 {
            close(fds.read)
            speakAndExit(request, to: fds.write, worker: worker)
        }
        close(fds.write)
        defer { close(fds.read) }
        guard pid > 0 else { return failing(.engine("fork: \(String(cString: strerror(errno)))")) }
        let wait = FrameWait(deadline: .now + .seconds(request.deadline), watch: parent, hangUpOnly: true)
        do {
            let whole = try relay.readStreamedReply(from: fds.read, wait)
            let status = ExitStatus.wait(for: pid) ?? ExitStatus(raw: -1)
            if whole, status.exitedCleanly { return .relayed(relay) }
            return failing(.crashed(Self.death(status)))
        } catch FrameError.interrupted {
            Glibc.kill(pid, SIGKILL)
            _ = ExitStatus.wait(for: pid)
            return nil
        } catch FrameError.timedOut {
            Glibc.kill(pid, SIGKILL)
            _ = ExitStatus.wait(for: pid)
            return failing(.timedOut(seconds: request.deadline))
        } catch {
            // The child closed its end halfway: it is dead or dying (kill makes sure).
            Glibc.kill(pid, SIGKILL)
            let status = ExitStatus.wait(for: pid) ?? ExitStatus(raw: -1)
            return failing(.crashed(Self.death(status)))
        }
    }

    /// "killed by signal 6"; a child that exited without a whole reply says so.
    private static func death(_ status: ExitStatus) -> String {
        status.signal == nil ? "\(status) without a complete reply" : "\(status)"
    }

    /// The child: dies with the worker, speaks, writes the reply, exits.
    private func speakAndExit(_ request: SynthesisRequest, to pipe: Int32, worker: pid_t) -> Never {
        _ = edition_die_with_parent(SIGKILL)
        if getppid() != worker { _exit(1) }  // the worker died before the line above
        // Nothing the engine does may touch the worker's pipes to the parent.
        let null = open("/dev/null", O_RDWR)
        if null >= 0 { dup2(null, parent); dup2(null, output); close(null) }
        if let hangOn, request.texts.contains(where: { $0.contains(hangOn) }) { while true { pause() } }
        if let crashOn, request.texts.contains(where: { $0.contains(crashOn) }) { abort() }
        var reply = SynthesisReply(sampleRate: engine.sampleRate, takes: [], failure: nil)
        // The PCM goes to the worker as the engine makes it, trimmed on the way: a buffer for
        // the whole take would cost this process a page fault per 4 KB. (Samples go as they lie
        // in memory: little-endian on every platform this runs on.)
        let out = PCMBlockWriter(fd: pipe)
        do {
            for text in request.texts {
                var trimmer = SilenceTrimmer(sampleRate: engine.sampleRate)
                let words = try engine.speak(text, settings: request.settings) { block in
                    trimmer.add(block) { out.write($0) }
                }
                let kept = trimmer.finish { out.write($0) }
                reply.takes.append(.init(samples: kept.count,
                                         words: Take(sampleRate: engine.sampleRate, samples: [], words: words).words(trimmedTo: kept)))
            }
        } catch {
            reply.failure = .engine(error.localizedDescription)
        }
        out.finish(header: (try? JSONEncoder().encode(reply)) ?? Data())
        _exit(out.ok ? 0 : 1)
    }
}
