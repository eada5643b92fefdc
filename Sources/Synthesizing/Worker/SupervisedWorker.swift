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

    /// Speaks one chunk. Throws only `SynthesisError.workerStart` (no worker can be started),
    /// `SynthesisError.unknownVoice` (no chunk in these settings can be spoken: the run's error,
    /// not a chunk's) and `Interrupted`; everything else that goes wrong with the chunk itself
    /// is in the outcome.
    func speak(_ job: SynthesisJob, sampleRate: Int) throws -> SynthesisOutcome {
        let first: ChunkFailure
        switch try attempt(job.text, job.settings) {
        case .success(let take): return SynthesisOutcome(take: take, speaker: process?.pid)
        case .failure(.unknownVoice(let name)): throw SynthesisError.unknownVoice(name)
        case .failure(let failure): first = failure
        }
        switch try attempt(ChunkSanitizer.sanitize(job.text), job.settings) {
        case .success(let take):
            return SynthesisOutcome(take: take, failure: first, source: .sanitizedRetry, speaker: process?.pid)
        case .failure(let second):
            let silence = Take.silence(milliseconds: WorkerPool.standInMilliseconds, sampleRate: sampleRate)
            return SynthesisOutcome(take: silence, failure: first, retryFailure: second, source: .silence)
        }
    }

    /// One try on a live worker. A worker found dead before it got the request (killed while
    /// idle) is replaced and the request sent again: the chunk itself has not failed.
    private func attempt(_ text: String, _ settings: EngineSettings, resent: Bool = false) throws -> Result<Take, ChunkFailure> {
        let worker = try running()
        switch worker.speak(text, settings: settings, deadline: WorkerPool.deadline(for: text), interrupt: interrupt) {
        case .spoken(let take):
            return .success(take)
        case .failed(let failure, let lost):
            if lost { process = nil; onProcess(nil) }
            return .failure(failure)
        case .unsent(let how):
            process = nil
            onProcess(nil)
            return resent ? .failure(.crashed(how)) : try attempt(text, settings, resent: true)
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
