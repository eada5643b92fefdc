import EditionCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the slots and streams share: the queue, each open stream's outcomes, and the
/// shutdown pipe, which becomes readable (and stays so) to end every slot's wait on a worker.
final class PoolCore: Sendable {
    let executable: String
    let environment: [String: String]
    let state = Monitor(PoolState())
    private let shutdownPipe: (read: Int32, write: Int32)

    init(executable: String, environment: [String: String]) {
        self.executable = executable
        self.environment = environment
        shutdownPipe = closeOnExecPipe() ?? (-1, -1)
    }

    var interrupt: Int32? { shutdownPipe.read >= 0 ? shutdownPipe.read : nil }

    func shutDown() {
        let first = state.update { state in
            defer { state.isShutDown = true }
            return !state.isShutDown
        }
        guard first, shutdownPipe.write >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(shutdownPipe.write, &byte, 1)
    }

    deinit {
        if shutdownPipe.read >= 0 { close(shutdownPipe.read); close(shutdownPipe.write) }
    }
}

struct PoolState {
    struct Queued {
        var stream: Int
        /// The stream's index of the job's first chunk; its other chunks follow it.
        var index: Int
        var job: SynthesisJob
    }
    struct Stream {
        var submitted = 0
        var taken = 0
        var results: [Int: Result<SynthesisOutcome, any Error>] = [:]
    }

    var queue: [Queued] = []
    var streams: [Int: Stream] = [:]
    var isShutDown = false
    /// Slots waiting for a job.
    var idleSlots = 0
    /// Slot index → pid of its live worker.
    var workers: [Int: pid_t] = [:]
    private var nextStream = 0

    mutating func openStream() -> Int {
        defer { nextStream += 1 }
        streams[nextStream] = Stream()
        return nextStream
    }
}

/// One slot's thread: takes the next job from the shared queue, speaks it on its own worker,
/// files the outcome with the stream that submitted it; at shutdown, stops its worker.
enum Slot {
    static func run(_ index: Int, _ core: PoolCore) {
        // A write to a worker that has just died must fail with EPIPE, not kill the process.
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)

        let worker = SupervisedWorker(executable: core.executable, environment: core.environment,
                                      interrupt: core.interrupt) { pid in
            core.state.update { $0.workers[index] = pid }
        }
        defer { worker.stop() }
        // One job is posted ahead of the one being spoken, so the worker goes from one to the
        // next without waiting for this thread; it is taken only while the queue has more jobs
        // than idle slots, so no other slot waits for want of it.
        var posted: [PoolState.Queued] = []
        while true {
            if posted.isEmpty {
                core.state.update { $0.idleSlots += 1 }
                guard let item = core.state.wait(until: { $0.isShutDown || !$0.queue.isEmpty }, then: { state -> PoolState.Queued? in
                    state.idleSlots -= 1
                    return state.isShutDown ? nil : state.queue.removeFirst()
                }) else { return }
                worker.post(item.job)
                posted.append(item)
            }
            if posted.count < 2, let ahead = core.state.update({ state -> PoolState.Queued? in
                state.isShutDown || state.queue.count <= state.idleSlots ? nil : state.queue.removeFirst()
            }) {
                worker.post(ahead.job)
                posted.append(ahead)
            }
            let item = posted.removeFirst()
            let results: [Result<SynthesisOutcome, any Error>]
            do {
                results = try worker.collect(sampleRate: WorkerPool.engineSampleRate).map { .success($0) }
            } catch is SupervisedWorker.Interrupted {
                return
            } catch {
                results = item.job.texts.map { _ in .failure(error) }
            }
            core.state.update { state in
                for (k, result) in results.enumerated() { state.streams[item.stream]?.results[item.index + k] = result }
            }
        }
    }
}
