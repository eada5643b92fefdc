import Synchronization

/// Answers kept until an episode is made, remade or deleted (`invalidate`). Routes that players
/// and CMSs poll (episode JSON, media lookups, the feed, the pages) would otherwise read the
/// database and encode on every request. A generation count keeps a value computed before a
/// change from being kept after it.
final class ChangeCache<Value: Sendable>: Sendable {
    private let state = Mutex<(generation: Int, values: [String: Value])>((0, [:]))
    /// Beyond this many keys the cache starts again (a bound, not an eviction policy).
    let capacity: Int

    init(capacity: Int = 4096) { self.capacity = capacity }

    func invalidate() { state.withLock { $0 = ($0.generation + 1, [:]) } }

    /// The kept value for `key`, or `make`'s, kept unless a change came meanwhile (nil is not kept).
    func value(_ key: String, make: () throws -> Value?) rethrows -> Value? {
        let (generation, hit) = state.withLock { ($0.generation, $0.values[key]) }
        if let hit { return hit }
        guard let value = try make() else { return nil }
        state.withLock { s in
            guard s.generation == generation else { return }
            if s.values.count >= capacity { s.values.removeAll() }
            s.values[key] = value
        }
        return value
    }
}
