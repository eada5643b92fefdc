import EditionCore
import EditionTestSupport
import Foundation
@testable import Synthesizing
import XCTest

/// The engine may abort on odd input; a crash must cost one chunk at most.
final class WorkerCrashTests: XCTestCase {
    func testAChunkThatCrashesOnceIsRetriedSanitized() throws {
        // The trigger holds punctuation that the sanitized retry removes, so the retry succeeds.
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1,
                              environment: [Worker.crashTrigger: "#boom#"])
        defer { pool.shutdown() }
        let outcomes = try pool.speak(["First sentence.", "A #boom# happens here.", "Third sentence."])
        XCTAssertEqual(outcomes.count, 3)
        XCTAssertNil(outcomes[0].failure)
        XCTAssertEqual(outcomes[1].failure, .crashed("killed by signal 6"))
        XCTAssertEqual(outcomes[1].source, .sanitizedRetry)
        let warning = try XCTUnwrap(outcomes[1].warning)
        XCTAssertTrue(warning.contains("crashed") && warning.contains("retried"), warning)
        XCTAssertGreaterThan(outcomes[1].take.samples.count, 22050 / 2, "the retry was spoken")
        XCTAssertNil(outcomes[2].failure)
        XCTAssertGreaterThan(outcomes[2].take.samples.count, 0)
        XCTAssertEqual(outcomes[2].speaker, outcomes[0].speaker, "only the forked child died; the worker goes on")
    }

    func testAChunkThatCrashesTwiceBecomesSilenceAndTheRunGoesOn() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 2,
                              environment: [Worker.crashTrigger: "boom"])
        defer { pool.shutdown() }
        let outcomes = try pool.speak(["Before.", "Then boom again.", "After."])
        XCTAssertEqual(outcomes.map(\.source), [.spoken, .silence, .spoken])
        XCTAssertEqual(outcomes[1].failure, .crashed("killed by signal 6"))
        XCTAssertEqual(outcomes[1].retryFailure, .crashed("killed by signal 6"))
        XCTAssertTrue(outcomes[1].take.samples.allSatisfy { $0 == 0 })
        XCTAssertEqual(outcomes[1].take.samples.count, WorkerPool.standInMilliseconds * 22050 / 1000)
        XCTAssertTrue(outcomes[1].warning!.contains("500 ms of silence"), outcomes[1].warning!)
        XCTAssertGreaterThan(outcomes[2].take.samples.count, 0)
    }

    func testAWorkerKilledFromOutsideIsReplaced() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1)
        defer { pool.shutdown() }
        let first = try pool.speak(["Warm the worker up."])
        let pid = try XCTUnwrap(first[0].speaker)
        kill(pid, SIGKILL)
        // Once a zombie with no thread left, it has closed its pipes: the next request finds it dead.
        XCTAssertTrue(ProcessTable.eventually(within: 5) { ProcessTable.state(of: pid) == "Z" && ProcessTable.threads(of: pid) == 1 })
        let outcomes = try pool.speak(["Spoken by a new worker."])
        XCTAssertNil(outcomes[0].failure, "the request never reached the dead worker: it is not the chunk's failure")
        XCTAssertEqual(outcomes[0].source, .spoken)
        XCTAssertGreaterThan(outcomes[0].take.samples.count, 0)
        XCTAssertNotEqual(outcomes[0].speaker, pid)
        XCTAssertTrue(ProcessTable.eventually(within: 5) { !ProcessTable.exists(pid) }, "the dead worker was reaped")
    }

    /// A voice espeak-ng does not have can never be spoken: that is the run's error (the
    /// article fails by name), not a chunk of silence; the worker and the pool go on serving.
    func testAnUnknownVoiceStopsTheStreamAndThePoolGoesOn() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1)
        defer { pool.shutdown() }
        XCTAssertThrowsError(try pool.speak(["No such voice."], settings: EngineSettings(voice: "zz-no-such-voice"))) { error in
            XCTAssertEqual(error as? SynthesisError, .unknownVoice("zz-no-such-voice"))
            XCTAssertTrue(error.localizedDescription.contains("zz-no-such-voice"), error.localizedDescription)
        }
        let next = try pool.speak(["A real voice."])
        XCTAssertEqual(next.map(\.source), [.spoken])
        XCTAssertGreaterThan(next[0].take.samples.count, 0)
    }

    func testAMissingBinaryStopsTheRun() {
        let pool = WorkerPool(executable: "/nonexistent/edition", jobs: 2)
        defer { pool.shutdown() }
        XCTAssertThrowsError(try pool.speak(["Anything."])) { error in
            guard case SynthesisError.workerStart = error else { return XCTFail("\(error)") }
        }
    }

    func testSanitizerBreaksDottedLetterRuns() {
        XCTAssertEqual(ChunkSanitizer.sanitize("U.S.A.'s x's #tag, fine."), "U S A s x s tag, fine.")
    }
}
