import Building
import Foundation
import Synchronization

/// Keeps the chunk cache under its cap (`--cache-max`), dropping the least recently used
/// entries. The cache's own walk is the measure, so it runs at most every `interval` seconds
/// and on its own thread, never on a request.
final class CacheKeeper: Sendable {
    let cache: ChunkCache?
    let maxBytes: Int
    let interval: TimeInterval
    private let state = Mutex((running: false, last: Date.distantPast))

    init(cache: ChunkCache?, maxBytes: Int, interval: TimeInterval = 30) {
        self.cache = cache
        self.maxBytes = maxBytes
        self.interval = interval
    }

    /// After a job: prune if the last check is old enough.
    func jobFinished() { check() }

    func check(force: Bool = false) {
        guard let cache else { return }
        let go = state.withLock { s -> Bool in
            guard !s.running, force || Date().timeIntervalSince(s.last) >= interval else { return false }
            s.running = true
            return true
        }
        guard go else { return }
        let maxBytes = self.maxBytes
        Thread.detachNewThread {
            cache.prune(maxBytes: maxBytes)
            self.state.withLock { $0 = (false, Date()) }
        }
    }
}
