import Building
import Configuration
import EditionCore
import EditionTestSupport
import Foundation
@testable import Synthesizing
import XCTest

/// The engine may abort the whole process on odd input; a crash must cost one chunk at most.
final class WorkerCrashTests: XCTestCase {
    let settings = EngineSettings(voice: "en-us")

    func testAWorkerThatDiesOnceIsReplacedAndTheChunkRetriedSanitized() throws {
        // The trigger holds punctuation that the sanitized retry removes, so the retry succeeds.
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1,
                              environment: [Worker.crashTrigger: "#boom#"])
        let texts = ["First sentence.", "A #boom# happens here.", "Third sentence."]
        var outcomes: [SynthesisOutcome] = []
        try pool.synthesize(texts.map { SynthesisJob(text: $0, settings: settings) }) { _, o in outcomes.append(o) }
        XCTAssertEqual(outcomes.count, 3)
        XCTAssertNil(outcomes[0].failure)
        XCTAssertNotNil(outcomes[1].failure)
        XCTAssertTrue(outcomes[1].failure!.contains("retried"), outcomes[1].failure!)
        XCTAssertGreaterThan(outcomes[1].take.samples.count, 22050 / 2, "the retry was spoken")
        XCTAssertNil(outcomes[2].failure, "the next chunk is spoken by a fresh worker")
        XCTAssertGreaterThan(outcomes[2].take.samples.count, 0)
    }

    func testAChunkThatKillsTwoWorkersBecomesSilenceAndTheRunGoesOn() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 2,
                              environment: [Worker.crashTrigger: "boom"])
        let texts = ["Before.", "Then boom again.", "After."]
        var outcomes: [SynthesisOutcome] = []
        try pool.synthesize(texts.map { SynthesisJob(text: $0, settings: settings) }) { _, o in outcomes.append(o) }
        XCTAssertEqual(outcomes.map { $0.failure == nil }, [true, false, true])
        XCTAssertTrue(outcomes[1].take.samples.allSatisfy { $0 == 0 })
        XCTAssertEqual(outcomes[1].take.samples.count, 500 * 22050 / 1000)
        XCTAssertTrue(outcomes[1].failure!.contains("silence"))
    }

    func testCrashIsReportedInTheEpisodeAndTheNarrationCompletes() throws {
        let dir = try TestEnvironment.scratchDirectory("crash")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try TestEnvironment.write(Data("Crash test\n\nOne fine sentence. A kaboom sentence. Last one.\n".utf8),
                                               named: "a.txt", in: dir)
        let narrator = Narrator(pool: WorkerPool(executable: TestEnvironment.editionBinary, jobs: 2,
                                                 environment: [Worker.crashTrigger: "kaboom"]))
        let profile = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news")
        let narration = try narrator.narrate(source.path, profile: profile, outputDirectory: dir)
        XCTAssertEqual(narration.episode.warnings.count, 1)
        let warning = try XCTUnwrap(narration.episode.warnings.first)
        XCTAssertTrue(warning.contains("A kaboom sentence"), warning)
        XCTAssertTrue(warning.contains("at 00:00:"), "the warning gives the chunk's position: \(warning)")
        let meta = try String(contentsOf: dir.appendingPathComponent("crash-test.json"), encoding: .utf8)
        XCTAssertTrue(meta.contains("kaboom"), "the episode metadata carries the warning")
    }

    func testSanitizerBreaksDottedLetterRuns() {
        XCTAssertEqual(ChunkSanitizer.sanitize("U.S.A.'s x's #tag, fine."), "U S A s x s tag, fine.")
    }
}
