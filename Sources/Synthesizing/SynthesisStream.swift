import Foundation

/// Jobs in, outcomes out in the same order; see `WorkerPool.stream()`. Meant for one thread
/// at a time; streams on one pool may be used from different threads at once.
public final class SynthesisStream: Sendable {
    /// How many jobs to keep pending to keep every worker busy.
    public let window: Int
    private let pool: WorkerPool
    private let id: Int

    init(pool: WorkerPool, id: Int, window: Int) {
        self.pool = pool
        self.id = id
        self.window = window
    }

    deinit { close() }

    /// Chunks submitted and not yet taken back.
    public var pending: Int {
        pool.core.state.read { $0.streams[id].map { $0.submitted - $0.taken } ?? 0 }
    }

    /// Queues a job behind every job already queued on the pool: its chunks' outcomes come out
    /// of `next()` one at a time, in order. Ignored once closed.
    public func submit(_ job: SynthesisJob) {
        pool.core.state.update { state in
            guard state.streams[id] != nil else { return }
            let index = state.streams[id]!.submitted
            state.streams[id]!.submitted += job.texts.count
            state.queue.append(PoolState.Queued(stream: id, index: index, job: job))
        }
    }

    /// The outcome of the oldest chunk not yet taken; waits for it. Throws only for what stops
    /// the whole run (no worker can be started, the pool shut down), never for a chunk's failure.
    public func next() throws -> SynthesisOutcome {
        let result: Result<SynthesisOutcome, any Error> = pool.core.state.wait(until: { state in
            guard let stream = state.streams[self.id] else { return true }
            return state.isShutDown || stream.taken == stream.submitted || stream.results[stream.taken] != nil
        }, then: { state in
            guard var stream = state.streams[id] else { return .failure(SynthesisError.streamClosed) }
            precondition(stream.taken < stream.submitted, "nothing submitted")
            guard let result = stream.results.removeValue(forKey: stream.taken) else {
                return .failure(SynthesisError.shutDown)
            }
            stream.taken += 1
            state.streams[id] = stream
            return result
        })
        return try result.get()
    }

    /// Drops this stream's queued jobs at once; a chunk in flight finishes on its slot and
    /// its outcome is discarded. Idempotent.
    public func close() {
        pool.core.state.update { state in
            guard state.streams.removeValue(forKey: id) != nil else { return }
            state.queue.removeAll { $0.stream == id }
        }
    }
}
