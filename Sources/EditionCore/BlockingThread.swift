import Foundation
import Synchronization

// The project's one concurrency vocabulary besides `Mutex`. Blocking C calls (espeak-ng over
// pipes, libsndfile encoders) belong on threads of their own, not on Swift's cooperative pool,
// which has as few threads as cores and must never be blocked. `Thread` and `NSCondition`
// appear nowhere else in the sources.

/// Starts work on a dedicated thread; join it with `Joinable.wait()`.
public enum BlockingThread {
    /// How much nicer than the process these threads run (0: the same). A service sets it so
    /// that answering requests wins the CPU over narration; worker processes spawned from these
    /// threads inherit it, since Linux keeps the nice value per thread and children copy it.
    /// Threads started from these threads keep the same level rather than adding to it.
    public static var niceness: Int32 {
        get { nicenessValue.load(ordering: .relaxed) }
        set {
            let value = max(0, min(19, newValue))
            nicenessValue.store(value, ordering: .relaxed)
            targetNice.store(min(19, threadNice() + value), ordering: .relaxed)
        }
    }
    private static let nicenessValue = Atomic<Int32>(0)
    private static let targetNice = Atomic<Int32>(0)

    @discardableResult
    public static func run<T: Sendable>(stackSize: Int = 8 << 20,
                                        _ work: @escaping @Sendable () throws -> T) -> Joinable<T> {
        let joinable = Joinable<T>()
        let target = niceness > 0 ? targetNice.load(ordering: .relaxed) : nil
        let thread = Thread {
            if let target, threadNice() < target { setThreadNice(target) }
            joinable.state.update { $0 = Result(catching: work) }
        }
        thread.stackSize = stackSize
        thread.start()
        return joinable
    }

    /// Runs every piece of work on its own thread and waits for all; the first error (in
    /// order) is thrown once all have ended.
    public static func all<T: Sendable>(_ work: [@Sendable () throws -> T], stackSize: Int = 8 << 20) throws -> [T] {
        let joinables = work.map { run(stackSize: stackSize, $0) }
        let results = joinables.map { $0.wait() }
        return try results.map { try $0.get() }
    }
}

// The calling thread's nice value, and setting it: on Linux the value is per thread, and
// PRIO_PROCESS with `who` 0 addresses the calling thread alone (the kernel's `current`).
private func threadNice() -> Int32 {
    #if os(Linux)
    errno = 0
    let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
    return errno == 0 ? value : 0
    #else
    return 0
    #endif
}

private func setThreadNice(_ value: Int32) {
    #if os(Linux)
    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, value)
    #endif
}

/// The result of work on a `BlockingThread`, set once.
public final class Joinable<T: Sendable>: Sendable {
    fileprivate let state = Monitor<Result<T, Error>?>(nil)

    /// Waits for the work to end and returns its result (again on every call).
    public func wait() -> Result<T, Error> {
        state.wait(until: { $0 != nil }) { $0! }
    }

    /// Whether the work has ended.
    public var isDone: Bool { state.read { $0 != nil } }
}

/// State shared between threads, guarded by one lock, with waiting until it changes.
/// `update` wakes every waiter; `wait(until:)` sleeps until its condition holds.
public final class Monitor<State>: @unchecked Sendable {  // every access to `state` holds `condition`
    private var state: State
    private let condition = NSCondition()

    public init(_ state: State) { self.state = state }

    /// Reads the state under the lock.
    public func read<R>(_ body: (State) throws -> R) rethrows -> R {
        condition.lock()
        defer { condition.unlock() }
        return try body(state)
    }

    /// Changes the state under the lock and wakes the waiters.
    @discardableResult
    public func update<R>(_ body: (inout State) throws -> R) rethrows -> R {
        condition.lock()
        defer { condition.broadcast(); condition.unlock() }
        return try body(&state)
    }

    /// Waits until `ready` holds, then runs `body` under the same lock (waking the waiters).
    public func wait<R>(until ready: (State) -> Bool, then body: (inout State) throws -> R) rethrows -> R {
        condition.lock()
        defer { condition.broadcast(); condition.unlock() }
        while !ready(state) { condition.wait() }
        return try body(&state)
    }

    /// As `wait(until:then:)`, but gives up at `deadline`: `body` then sees `timedOut == true`.
    public func wait<R>(until ready: (State) -> Bool, deadline: Date,
                        then body: (inout State, _ timedOut: Bool) throws -> R) rethrows -> R {
        condition.lock()
        defer { condition.broadcast(); condition.unlock() }
        var timedOut = false
        while !ready(state) {
            if !condition.wait(until: deadline) { timedOut = !ready(state); break }
        }
        return try body(&state, timedOut)
    }
}
