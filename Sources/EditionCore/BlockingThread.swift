import Foundation
import Synchronization

// The project's one concurrency vocabulary besides `Mutex`. Blocking C calls (espeak-ng over
// pipes, libsndfile encoders) belong on threads of their own, not on Swift's cooperative pool,
// which has as few threads as cores and must never be blocked. `Thread` and `NSCondition`
// appear nowhere else in the sources.

/// Starts work on a dedicated thread; join it with `Joinable.wait()`.
public enum BlockingThread {
    @discardableResult
    public static func run<T: Sendable>(stackSize: Int = 8 << 20,
                                        _ work: @escaping @Sendable () throws -> T) -> Joinable<T> {
        let joinable = Joinable<T>()
        let thread = Thread { joinable.state.update { $0 = Result(catching: work) } }
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
