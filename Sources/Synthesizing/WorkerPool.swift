import EditionCore
import Foundation

/// What to speak, and how.
public struct SynthesisJob: Sendable {
    public var text: String
    public var settings: EngineSettings

    public init(text: String, settings: EngineSettings) {
        self.text = text
        self.settings = settings
    }
}

/// A chunk's audio, and why it is silence if the engine could not speak it.
public struct SynthesisOutcome: Sendable {
    public var take: Take
    public var failure: String?
}

/// Speaks chunks on several worker processes at once and hands the results back in order.
/// espeak-ng cannot run in threads, so each slot is a thread driving its own process.
public final class WorkerPool: @unchecked Sendable {
    /// espeak-ng 1.51 always synthesizes at this rate (espeak_ng_GetSampleRate).
    public static let engineSampleRate = 22050

    public let jobs: Int
    private let slots: [SupervisedWorker]
    private let condition = NSCondition()

    /// `executable` is the `edition` binary, re-run as `edition worker`.
    public init(executable: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                environment: [String: String] = [:]) {
        self.jobs = max(1, jobs)
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        slots = (0..<self.jobs).map { _ in SupervisedWorker(executable: executable, environment: env) }
    }

    deinit { slots.forEach { $0.stop() } }

    /// Speaks `work` and calls `deliver` for each, in order, on the calling thread, while the
    /// workers go on with the next ones.
    public func synthesize(_ work: [SynthesisJob], deliver: (Int, SynthesisOutcome) throws -> Void) throws {
        let stream = self.stream()
        defer { stream.close() }
        var delivered = 0
        for job in work {
            stream.submit(job)
            if stream.pending >= stream.window { try deliver(delivered, try stream.next()); delivered += 1 }
        }
        while delivered < work.count { try deliver(delivered, try stream.next()); delivered += 1 }
    }

    /// Opens a stream on the workers: submit jobs as they are made, take the outcomes back in
    /// the order submitted. The caller keeps at most `window` jobs pending, so memory stays flat
    /// however many chunks a programme has.
    public func stream() -> SynthesisStream {
        let stream = SynthesisStream(window: jobs * 4, condition: condition)
        stream.state.running = slots.count
        for slot in slots {
            let thread = Thread { [condition] in Self.drive(slot, stream.state, condition) }
            thread.stackSize = 1 << 20
            thread.start()
        }
        return stream
    }

    private static func drive(_ slot: SupervisedWorker, _ state: StreamState, _ condition: NSCondition) {
        condition.lock()
        defer { state.running -= 1; condition.broadcast(); condition.unlock() }
        while true {
            while !state.closed && state.error == nil && state.queued[state.next] == nil { condition.wait() }
            guard !state.closed, state.error == nil, let job = state.queued.removeValue(forKey: state.next) else { return }
            let index = state.next
            state.next += 1
            condition.unlock()
            let result = Result { try slot.speak(job.text, settings: job.settings, sampleRate: engineSampleRate) }
            condition.lock()
            switch result {
            case .success(let (take, failure)): state.results[index] = SynthesisOutcome(take: take, failure: failure)
            case .failure(let error): state.error = state.error ?? error
            }
            condition.broadcast()
        }
    }
}

/// Jobs in, outcomes out in the same order; see `WorkerPool.stream()`. Used from one thread.
public final class SynthesisStream: @unchecked Sendable {
    /// How many jobs to keep pending to keep every worker busy.
    public let window: Int
    fileprivate let state = StreamState()
    private let condition: NSCondition
    private var submitted = 0
    private var taken = 0

    fileprivate init(window: Int, condition: NSCondition) {
        self.window = window
        self.condition = condition
    }

    /// Submitted and not yet taken back.
    public var pending: Int { submitted - taken }

    public func submit(_ job: SynthesisJob) {
        condition.lock()
        state.queued[submitted] = job
        submitted += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The outcome of the oldest job not yet taken; waits for it.
    public func next() throws -> SynthesisOutcome {
        precondition(taken < submitted, "nothing submitted")
        condition.lock()
        defer { condition.unlock() }
        while state.results[taken] == nil && state.error == nil { condition.wait() }
        if let error = state.error { throw error }
        let outcome = state.results.removeValue(forKey: taken)!
        taken += 1
        return outcome
    }

    /// Stops the workers' threads (each finishes the chunk in hand) and waits for them.
    public func close() {
        condition.lock()
        state.closed = true
        condition.broadcast()
        while state.running > 0 { condition.wait() }
        condition.unlock()
    }
}

/// Shared between a stream's threads; guarded by the pool's condition.
private final class StreamState: @unchecked Sendable {
    var queued: [Int: SynthesisJob] = [:]
    var next = 0
    var results: [Int: SynthesisOutcome] = [:]
    var error: Error?
    var closed = false
    var running = 0
}
