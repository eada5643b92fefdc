import Foundation
import NIOCore
import Synchronization

/// `GET /v1/episodes/{id}` encoded once per version of the episode. Players and CMSs poll it,
/// and decoding the stored metadata and encoding the answer were most of a request's cost. A
/// generation count keeps an answer read before a change from being kept after it.
final class EpisodeViews: Sendable {
    private struct State {
        var generation = 0
        var bodies: [String: (base: String, body: ByteBuffer)] = [:]
    }
    private let state = Mutex(State())
    /// Beyond this many episodes the cache starts again (a bound, not an eviction policy).
    static let capacity = 4096

    /// An episode was made, remade or deleted.
    func invalidate() { state.withLock { $0.generation += 1; $0.bodies.removeAll() } }

    /// The cached answer for `id` at `publicURL`, or `make`'s (nil: no such episode).
    func body(_ id: String, publicURL: String, make: () throws -> Data?) throws -> ByteBuffer? {
        let (hit, generation) = state.withLock { s in
            (s.bodies[id].flatMap { $0.base == publicURL ? $0.body : nil }, s.generation)
        }
        if let hit { return hit }
        guard let data = try make() else { return nil }
        let body = ByteBuffer(bytes: data)
        state.withLock { s in
            guard s.generation == generation else { return }
            if s.bodies.count >= Self.capacity { s.bodies.removeAll() }
            s.bodies[id] = (publicURL, body)
        }
        return body
    }
}
