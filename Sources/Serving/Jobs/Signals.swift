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
        // Cancelled when the wait ends first: it must not ring then, or the next wait would
        // return at once and the idle slot would spin.
        let timer = Task {
            do { try await Task.sleep(for: timeout) } catch { return }
            self.ring()
        }
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

/// A value set once by whichever of several racers comes first; `value` waits for it.
final class OneShot<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var set = false
        var waiters: [CheckedContinuation<Value, Never>] = []
    }
    private let state = Mutex(State())

    func resolve(_ value: Value) {
        let waiters = state.withLock { s -> [CheckedContinuation<Value, Never>] in
            guard !s.set else { return [] }
            s.set = true
            s.value = value
            defer { s.waiters = [] }
            return s.waiters
        }
        for waiter in waiters { waiter.resume(returning: value) }
    }

    var value: Value {
        get async {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { s -> Value? in
                    if s.set { return s.value }
                    s.waiters.append(continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }
}
