import EditionCore
import EditionTestSupport
import Foundation
@testable import Synthesizing
import XCTest

/// A hung engine or a frozen worker costs one chunk, within the chunk's deadline, and the
/// pool leaves no process behind.
final class WorkerSupervisionTests: XCTestCase {
    /// Beyond the deadlines, for starting workers from a debug build on a busy machine.
    let margin = 15.0

    func testAChunkThatHangsOnceIsRetriedSanitizedWithinOneDeadline() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1,
                              environment: [Worker.hangTrigger: "#hang#"])
        defer { pool.shutdown() }
        let texts = ["First sentence.", "A #hang# happens here.", "Third sentence."]
        let started = ContinuousClock.now
        let outcomes = try pool.speak(texts)
        let elapsed = ContinuousClock.now - started

        XCTAssertEqual(outcomes.map(\.source), [.spoken, .sanitizedRetry, .spoken])
        XCTAssertEqual(outcomes[1].failure, .timedOut(seconds: WorkerPool.deadline(for: texts[1])))
        XCTAssertGreaterThan(outcomes[1].take.samples.count, 22050 / 2, "the retry was spoken")
        XCTAssertTrue(outcomes[1].warning!.contains("no answer within"), outcomes[1].warning!)
        XCTAssertLessThan(elapsed, .seconds(WorkerPool.deadline(for: texts[1]) + margin))
        // The worker killed its own hung child and went on.
        let worker = try XCTUnwrap(outcomes[2].speaker)
        XCTAssertEqual(outcomes[0].speaker, worker)
        XCTAssertEqual(ProcessTable.children(of: worker), [], "the hung child was reaped")
    }

    func testAChunkThatHangsTwiceBecomesSilenceAndTheNextChunksAreSpoken() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 2,
                              environment: [Worker.hangTrigger: "hang"])
        defer { pool.shutdown() }
        let texts = ["Before.", "Then hang again.", "After.", "And after that."]
        let started = ContinuousClock.now
        let outcomes = try pool.speak(texts)
        let elapsed = ContinuousClock.now - started

        XCTAssertEqual(outcomes.map(\.source), [.spoken, .silence, .spoken, .spoken])
        let deadline = WorkerPool.deadline(for: texts[1])
        XCTAssertEqual(outcomes[1].failure, .timedOut(seconds: deadline))
        XCTAssertEqual(outcomes[1].retryFailure, .timedOut(seconds: WorkerPool.deadline(for: ChunkSanitizer.sanitize(texts[1]))))
        XCTAssertEqual(outcomes[1].take.samples, [Int16](repeating: 0, count: WorkerPool.standInMilliseconds * 22050 / 1000))
        let warning = try XCTUnwrap(outcomes[1].warning)
        XCTAssertTrue(warning.contains("500 ms of silence stands in"), warning)
        XCTAssertTrue(outcomes[2...].allSatisfy { $0.failure == nil && !$0.take.samples.isEmpty })
        XCTAssertLessThan(elapsed, .seconds(2 * deadline + margin))
    }

    func testAWorkerFrozenFromOutsideCostsOneChunkAtMost() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1)
        defer { pool.shutdown() }
        let texts = (1...8).map { "This is sentence number \($0) of a story that goes on for a while." }
        let stream = pool.stream()
        defer { stream.close() }
        texts.forEach { stream.submit(SynthesisJob(text: $0, settings: EngineSettings(voice: "en-us"))) }
        var outcomes = [try stream.next()]
        let frozen = try XCTUnwrap(outcomes[0].speaker)
        kill(frozen, SIGSTOP)
        let started = ContinuousClock.now
        while outcomes.count < texts.count { outcomes.append(try stream.next()) }
        let elapsed = ContinuousClock.now - started

        XCTAssertTrue(outcomes.allSatisfy { $0.source != .silence && $0.take.samples.count > 22050 }, "every chunk has speech")
        let failures = outcomes.compactMap(\.failure)
        XCTAssertLessThanOrEqual(failures.count, 1, "\(failures)")
        XCTAssertTrue(failures.allSatisfy { if case .timedOut = $0 { true } else { false } }, "\(failures)")
        XCTAssertTrue(outcomes.last!.speaker != frozen || failures.isEmpty)
        XCTAssertLessThan(elapsed, .seconds(WorkerPool.deadline(for: texts[0]) + WorkerProcess.grace + margin))
        XCTAssertTrue(ProcessTable.eventually(within: 5) { !ProcessTable.exists(frozen) }, "the frozen worker was killed and reaped")
    }

    func testShutdownLeavesNoWorkerAndNoForkedChildBehind() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 2,
                              environment: [Worker.hangTrigger: "#hang#"])
        let stream = pool.stream()
        for text in ["A #hang# sentence.", "Another sentence.", "A third sentence."] {
            stream.submit(SynthesisJob(text: text, settings: EngineSettings(voice: "en-us")))
        }
        // Wait until both workers run and one of them has a hung child.
        var processes: [pid_t] = []
        XCTAssertTrue(ProcessTable.eventually(within: 20) {
            let workers = pool.workerPIDs
            let children = workers.flatMap(ProcessTable.children(of:))
            processes = workers + children
            return workers.count == 2 && !children.isEmpty
        }, "workers \(pool.workerPIDs)")
        XCTAssertGreaterThanOrEqual(processes.count, 3)

        let started = ContinuousClock.now
        pool.shutdown()
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(margin), "shutdown does not wait for the hung chunk")
        XCTAssertEqual(pool.workerPIDs, [])
        XCTAssertTrue(ProcessTable.eventually(within: 5) { processes.allSatisfy { !ProcessTable.exists($0) } },
                      "left behind: \(processes.filter(ProcessTable.exists).map { "\($0) \(ProcessTable.state(of: $0) ?? "?")" })")
        XCTAssertThrowsError(try stream.next()) { error in XCTAssertEqual(error as? SynthesisError, .shutDown) }
    }

    func testDeadlinesScaleWithTheText() {
        XCTAssertEqual(WorkerPool.deadline(for: ""), 4)
        XCTAssertEqual(WorkerPool.deadline(for: String(repeating: "a", count: 400)), 14, accuracy: 1e-9)
    }
}
