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

    /// Speaks `jobs` and calls `deliver` for each, in order, on the calling thread, while the
    /// workers go on with the next ones. At most a few chunks per worker wait in memory.
    public func synthesize(_ work: [SynthesisJob], deliver: (Int, SynthesisOutcome) throws -> Void) throws {
        guard !work.isEmpty else { return }
        let state = PoolState(count: work.count, window: jobs * 4)
        let active = min(jobs, work.count)
        state.running = active
        for slot in slots.prefix(active) {
            let thread = Thread { [condition] in
                Self.drive(slot, work, state, condition)
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        defer {
            condition.lock()
            state.cancelled = true
            condition.broadcast()
            while state.running > 0 { condition.wait() }
            condition.unlock()
        }

        for index in 0..<work.count {
            condition.lock()
            while state.results[index] == nil && state.error == nil { condition.wait() }
            if let error = state.error { condition.unlock(); throw error }
            let outcome = state.results.removeValue(forKey: index)!
            state.delivered = index + 1
            condition.broadcast()
            condition.unlock()
            try deliver(index, outcome)
        }
    }

    private static func drive(_ slot: SupervisedWorker, _ work: [SynthesisJob], _ state: PoolState, _ condition: NSCondition) {
        condition.lock()
        defer { state.running -= 1; condition.broadcast(); condition.unlock() }
        while true {
            while !state.cancelled && state.next < work.count && state.next >= state.delivered + state.window {
                condition.wait()
            }
            guard !state.cancelled, state.error == nil, state.next < work.count else { return }
            let index = state.next
            state.next += 1
            condition.unlock()
            let result = Result { try slot.speak(work[index].text, settings: work[index].settings, sampleRate: engineSampleRate) }
            condition.lock()
            switch result {
            case .success(let (take, failure)): state.results[index] = SynthesisOutcome(take: take, failure: failure)
            case .failure(let error): state.error = state.error ?? error
            }
            condition.broadcast()
        }
    }
}

/// Shared between the pool's threads; guarded by the pool's condition.
private final class PoolState: @unchecked Sendable {
    let count: Int
    let window: Int
    var next = 0
    var delivered = 0
    var results: [Int: SynthesisOutcome] = [:]
    var error: Error?
    var cancelled = false
    var running = 0

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }
}
