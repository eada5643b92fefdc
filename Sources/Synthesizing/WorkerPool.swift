import EditionCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Speaks chunks on several worker processes at once. espeak-ng cannot run in threads, so the
/// pool has `jobs` slots, each a thread that alone drives its own supervised worker process;
/// all slots take jobs from one shared queue. Any number of streams may be open at once, from
/// any threads: each gets its own outcomes back in the order it submitted them.
public final class WorkerPool: Sendable {
    /// espeak-ng 1.51 always synthesizes at this rate (espeak_ng_GetSampleRate).
    public static let engineSampleRate = 22050
    /// The silence that stands in for a chunk that failed twice.
    public static let standInMilliseconds = 500

    /// How long a chunk may take, in seconds: 4 s plus 25 ms per Unicode scalar of its text.
    /// A healthy chunk takes milliseconds (espeak-ng speaks about 800× faster than real time);
    /// the 4 s also cover starting a fresh worker on a loaded machine.
    public static func deadline(for text: String) -> Double {
        4 + 0.025 * Double(text.unicodeScalars.count)
    }

    public let jobs: Int
    let core: PoolCore
    private let slots: [Joinable<Void>]

    /// `executable` is the `edition` binary, re-run as `edition worker`. Workers start when the
    /// first chunk arrives and live until `shutdown()`.
    public init(executable: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                environment: [String: String] = [:]) {
        self.jobs = max(1, jobs)
        // LD_BIND_NOW: a worker forks a speaker per run, and with lazy binding every speaker
        // looked up again each library function it called (~10 ms once per worker instead).
        let core = PoolCore(executable: Self.speaker(beside: executable),
                            environment: ProcessInfo.processInfo.environment.merging(["LD_BIND_NOW": "1"]) { $1 }
                                .merging(environment) { $1 })
        self.core = core
        slots = (0..<self.jobs).map { index in
            BlockingThread.run(stackSize: 1 << 20) { Slot.run(index, core) }
        }
    }

    deinit { shutdown() }

    /// The program a worker runs: `edition-speaker` where it lies beside `executable` (it links
    /// espeak-ng and little else, so the fork per run copies fewer mappings), else
    /// `executable` itself as `edition worker`. Both run the same `Worker` loop.
    static func speaker(beside executable: String) -> String {
        let speaker = URL(fileURLWithPath: executable).deletingLastPathComponent()
            .appendingPathComponent("edition-speaker").path
        return access(speaker, X_OK) == 0 ? speaker : executable
    }

    /// Stops the slots and their workers (and the workers' children) and waits for the slots.
    /// A stream still open then throws `SynthesisError.shutDown` from `next()`. Idempotent.
    public func shutdown() {
        core.shutDown()
        for slot in slots { _ = slot.wait() }
    }

    /// Opens a stream on the pool: submit jobs as they are made, take the outcomes back in the
    /// order submitted. The caller keeps at most `window` jobs pending, so memory stays flat
    /// however many chunks a programme has.
    public func stream() -> SynthesisStream {
        SynthesisStream(pool: self, id: core.state.update { $0.openStream() }, window: jobs * 4)
    }

    /// Speaks `work` and calls `deliver` for each chunk (numbered across the jobs), in order,
    /// on the calling thread, while the workers go on with the next ones.
    public func synthesize(_ work: [SynthesisJob], deliver: (Int, SynthesisOutcome) throws -> Void) throws {
        let stream = self.stream()
        defer { stream.close() }
        var delivered = 0, submitted = 0
        for job in work {
            stream.submit(job)
            submitted += job.texts.count
            while stream.pending >= stream.window { try deliver(delivered, try stream.next()); delivered += 1 }
        }
        while delivered < submitted { try deliver(delivered, try stream.next()); delivered += 1 }
    }

    /// The pids of the worker processes alive now, by slot (for tests).
    var workerPIDs: [pid_t] { core.state.read { state in state.workers.keys.sorted().compactMap { state.workers[$0] } } }
}
