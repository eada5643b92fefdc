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

    /// Speaks a job's chunks: one outcome per chunk, in order. Throws only
    /// `SynthesisError.workerStart` (no worker can be started), `SynthesisError.unknownVoice`
    /// (no chunk in these settings can be spoken: the run's error, not a chunk's) and
    /// `Interrupted`; everything else that goes wrong with a chunk is in its outcome. A run that
    /// fails is spoken again a chunk at a time, so that only the chunk at fault pays for it.
    func speak(_ job: SynthesisJob, sampleRate: Int) throws -> [SynthesisOutcome] {
        if job.texts.count > 1 {
            switch try attempt(job.texts, job.settings) {
            case .success(let takes): return takes.map { SynthesisOutcome(take: $0, speaker: process?.pid) }
            case .failure(.unknownVoice(let name)): throw SynthesisError.unknownVoice(name)
            case .failure: break
            }
        }
        return try job.texts.enumerated().map { k, text in
            var outcome = try speak(text, job.settings, sampleRate: sampleRate)
            outcome.outOfRun = k > 0   // the first chunk of a run is spoken from the pristine engine either way
            return outcome
        }
    }

    /// One chunk on its own: as written, else sanitized, else silence.
    private func speak(_ text: String, _ settings: EngineSettings, sampleRate: Int) throws -> SynthesisOutcome {
        let first: ChunkFailure
        switch try attempt([text], settings) {
        case .success(let takes): return SynthesisOutcome(take: takes[0], speaker: process?.pid)
        case .failure(.unknownVoice(let name)): throw SynthesisError.unknownVoice(name)
        case .failure(let failure): first = failure
        }
        switch try attempt([ChunkSanitizer.sanitize(text)], settings) {
        case .success(let takes):
            return SynthesisOutcome(take: takes[0], failure: first, source: .sanitizedRetry, speaker: process?.pid)
        case .failure(let second):
            let silence = Take.silence(milliseconds: WorkerPool.standInMilliseconds, sampleRate: sampleRate)
            return SynthesisOutcome(take: silence, failure: first, retryFailure: second, source: .silence)
        }
    }

    /// One try on a live worker: a take per text. A worker found dead before it got the
    /// request (killed while idle) is replaced and the request sent again: the chunks
    /// themselves have not failed. A run's deadline is its whole text's.
    private func attempt(_ texts: [String], _ settings: EngineSettings, resent: Bool = false) throws -> Result<[Take], ChunkFailure> {
        let worker = try running()
        switch worker.speak(texts, settings: settings, deadline: WorkerPool.deadline(for: texts.joined(separator: " ")), interrupt: interrupt) {
        case .spoken(let takes):
            return .success(takes)
        case .failed(let failure, let lost):
            if lost { process = nil; onProcess(nil) }
            return .failure(failure)
        case .unsent(let how):
            process = nil
            onProcess(nil)
            return resent ? .failure(.crashed(how)) : try attempt(texts, settings, resent: true)
        case .interrupted:
            throw Interrupted()
        }
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
