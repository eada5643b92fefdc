import Foundation
import Synchronization

/// Wakes idle job slots when a job is queued. A ring with nobody waiting is kept for the next
/// waiter, and no waiter sleeps longer than its timeout, so a lost ring costs at most that.
final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())

    func ring() {
        let woken = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            if s.waiters.isEmpty { s.rung = true }
            defer { s.waiters = [] }
            return s.waiters
        }
        for waiter in woken { waiter.resume() }
    }

    func wait(upTo timeout: Duration) async {
        let timer = Task { try? await Task.sleep(for: timeout); self.ring() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s -> Bool in
                if s.rung { s.rung = false; return true }
                s.waiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
        timer.cancel()
    }
}

/// A flag set once (draining), read from any thread.
final class Flag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }

    /// Throttles: `elapsed(atLeast:)` is true at most once per interval.
    final class Clock: Sendable {
        private let last = Mutex(Date.distantPast)
        func elapsed(atLeast seconds: TimeInterval) -> Bool {
            last.withLock { last in
                let now = Date()
                guard now.timeIntervalSince(last) >= seconds else { return false }
                last = now
                return true
            }
        }
    }
}
