import EditionCore
import Foundation

/// A worker slot that survives its process, as MaryTTS's ExternalModule does: each chunk has
/// a deadline; a chunk that crashes, hangs or is refused is retried once in a sanitized form
/// (on a new worker if the old one was lost); if that fails too, a short silence stands in.
/// Owned and driven by one pool thread, so it is deliberately not `Sendable`.
final class SupervisedWorker {
    let executable: String
    let environment: [String: String]
    /// Readable when the pool shuts down: every wait on the worker ends.
    let interrupt: Int32?
    /// Told the pid of each worker started, and nil when it is gone.
    let onProcess: (pid_t?) -> Void
    private var process: WorkerProcess?

    init(executable: String, environment: [String: String], interrupt: Int32?,
         onProcess: @escaping (pid_t?) -> Void = { _ in }) {
        self.executable = executable
        self.environment = environment
        self.interrupt = interrupt
        self.onProcess = onProcess
    }

    /// The pool is shutting down; the chunk has no outcome.
    struct Interrupted: Error {}

    /// A job posted and not yet collected.
    private struct Posted {
        enum State {
            /// Sent to this process, whose reply has not been read.
            case sent(WorkerProcess)
            /// Its first answer, read early (see `drain`) or known when it was sent.
            case answered(WorkerProcess.Answer)
            case error(any Error)
        }
        var job: SynthesisJob
        var state: State
    }
    private var posted: [Posted] = []

    /// Sends `job` to the worker now, so that it is spoken as soon as the jobs posted before it
    /// are: the worker then never waits for this thread between two jobs. `collect()` returns
    /// the outcomes of posted jobs, oldest first.
    func post(_ job: SynthesisJob) {
        do {
            let worker = try running()
            let answer = worker.send(job.texts, settings: job.settings, deadline: Self.deadline(job.texts), interrupt: interrupt)
            if let answer { note(answer) }
            posted.append(Posted(job: job, state: answer.map { .answered($0) } ?? .sent(worker)))
        } catch {
            posted.append(Posted(job: job, state: .error(error)))
        }
    }

    /// The outcomes of the oldest job posted: one per chunk, in order. Throws only
    /// `SynthesisError.workerStart` (no worker can be started), `SynthesisError.unknownVoice`
    /// (no chunk in these settings can be spoken: the run's error, not a chunk's) and
    /// `Interrupted`; everything else that goes wrong with a chunk is in its outcome. A run that
    /// fails is spoken again a chunk at a time, so that only the chunk at fault pays for it.
    func collect(sampleRate: Int) throws -> [SynthesisOutcome] {
        let job = posted.removeFirst()
        let first: WorkerProcess.Answer
        switch job.state {
        case .sent(let worker) where worker === process: first = receive(job.job.texts, from: worker)
        case .sent: first = .unsent("its worker was replaced before it answered")
        case .answered(let answer): first = answer
        case .error(let error): throw error
        }
        return try outcomes(job.job, first: first, sampleRate: sampleRate)
    }

    private func outcomes(_ job: SynthesisJob, first: WorkerProcess.Answer, sampleRate: Int) throws -> [SynthesisOutcome] {
        let failure: ChunkFailure
        switch try settle(first, job.texts, job.settings) {
        case .success(let takes): return takes.map { SynthesisOutcome(take: $0, speaker: process?.pid) }
        case .failure(.unknownVoice(let name)): throw SynthesisError.unknownVoice(name)
        case .failure(let why): failure = why
        }
        if job.texts.count == 1 { return [try recover(job.texts[0], job.settings, from: failure, sampleRate: sampleRate)] }
        return try job.texts.enumerated().map { k, text in
            var outcome = try speak(text, job.settings, sampleRate: sampleRate)
            outcome.outOfRun = k > 0   // the first chunk of a run is spoken from the pristine engine either way
            return outcome
        }
    }

    /// One chunk on its own: as written, else sanitized, else silence.
    private func speak(_ text: String, _ settings: EngineSettings, sampleRate: Int) throws -> SynthesisOutcome {
        switch try attempt([text], settings) {
        case .success(let takes): return SynthesisOutcome(take: takes[0], speaker: process?.pid)
        case .failure(.unknownVoice(let name)): throw SynthesisError.unknownVoice(name)
        case .failure(let failure): return try recover(text, settings, from: failure, sampleRate: sampleRate)
        }
    }

    /// A chunk that failed once: sanitized, else silence.
    private func recover(_ text: String, _ settings: EngineSettings, from first: ChunkFailure, sampleRate: Int) throws -> SynthesisOutcome {
        switch try attempt([ChunkSanitizer.sanitize(text)], settings) {
        case .success(let takes):
            return SynthesisOutcome(take: takes[0], failure: first, source: .sanitizedRetry, speaker: process?.pid)
        case .failure(let second):
            let silence = Take.silence(milliseconds: WorkerPool.standInMilliseconds, sampleRate: sampleRate)
            return SynthesisOutcome(take: silence, failure: first, retryFailure: second, source: .silence)
        }
    }

    /// One try on a live worker, now: a take per text. The replies to jobs posted ahead are
    /// read first, so this request's reply is the next one.
    private func attempt(_ texts: [String], _ settings: EngineSettings) throws -> Result<[Take], ChunkFailure> {
        drain()
        let worker = try running()
        let answer = worker.speak(texts, settings: settings, deadline: Self.deadline(texts), interrupt: interrupt)
        note(answer)
        return try settle(answer, texts, settings)
    }

    /// What an answer means for its texts. A worker found dead before it got the request
    /// (killed while idle) is replaced and the request sent again: the chunks themselves have
    /// not failed.
    private func settle(_ answer: WorkerProcess.Answer, _ texts: [String], _ settings: EngineSettings,
                        resent: Bool = false) throws -> Result<[Take], ChunkFailure> {
        switch answer {
        case .spoken(let takes): return .success(takes)
        case .failed(let failure, _): return .failure(failure)
        case .interrupted: throw Interrupted()
        case .unsent(let how):
            if resent { return .failure(.crashed(how)) }
            drain()
            let again = try running().speak(texts, settings: settings, deadline: Self.deadline(texts), interrupt: interrupt)
            note(again)
            return try settle(again, texts, settings, resent: true)
        }
    }

    /// Reads now the replies to every job posted to the live worker, keeping them for
    /// `collect`, so that the next request sent is the next one answered.
    private func drain() {
        for k in posted.indices {
            guard case .sent(let worker) = posted[k].state, worker === process else { continue }
            posted[k].state = .answered(receive(posted[k].job.texts, from: worker))
        }
    }

    private func receive(_ texts: [String], from worker: WorkerProcess) -> WorkerProcess.Answer {
        let answer = worker.receive(texts.count, deadline: Self.deadline(texts), interrupt: interrupt)
        note(answer)
        return answer
    }

    /// A worker an answer says is gone is forgotten at once: what was sent to it is resent.
    private func note(_ answer: WorkerProcess.Answer) {
        switch answer {
        case .failed(_, lost: true), .unsent:
            process = nil
            onProcess(nil)
        default: break
        }
    }

    /// A run's deadline is its whole text's.
    private static func deadline(_ texts: [String]) -> Double {
        WorkerPool.deadline(for: texts.joined(separator: " "))
    }

    private func running() throws -> WorkerProcess {
        if let process { return process }
        let started = try WorkerProcess(executable: executable, environment: environment)
        process = started
        onProcess(started.pid)
        return started
    }

    /// Stops the worker (it kills any child it has first); see `WorkerProcess.stop()`.
    func stop() {
        guard let process else { return }
        process.stop()
        self.process = nil
        onProcess(nil)
    }
}
