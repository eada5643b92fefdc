import EditionCore
import EditionTestSupport
import Foundation
@testable import Synthesizing
import XCTest

/// A run (a paragraph's chunks) is spoken by one forked speaker, chunk after chunk: each take
/// sounds as it does after the chunks before it in the run, the same on every worker and after
/// any history, and a chunk that fails a run costs only itself.
final class RunTests: XCTestCase {
    let settings = EngineSettings(voice: "en-us")
    /// The second changed the first's length when spoken before it in one process (ENGINE-FACTS).
    let run = ["\"Nobody expected it,\" she said.", "The committee met on Tuesday to discuss the budget for next year.",
               "Why?", "Prices rose quickly in March."]

    private func speakRun(_ pool: WorkerPool, _ texts: [String]) throws -> [SynthesisOutcome] {
        var outcomes: [SynthesisOutcome] = []
        try pool.synthesize([SynthesisJob(texts: texts, settings: settings)]) { _, outcome in outcomes.append(outcome) }
        return outcomes
    }

    func testARunGivesATakePerChunkTheSameOnEveryWorkerAndAfterAnyHistory() throws {
        let one = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1)
        defer { one.shutdown() }
        let reference = try speakRun(one, run)
        XCTAssertEqual(reference.count, run.count)
        for (outcome, text) in zip(reference, run) {
            XCTAssertNil(outcome.failure)
            XCTAssertFalse(outcome.outOfRun)
            XCTAssertGreaterThan(outcome.take.samples.count, 22050 / 4, text)
            XCTAssertFalse(outcome.take.words.isEmpty, text)
            // Word positions are in the chunk's own text, and their samples in its own take.
            XCTAssertTrue(outcome.take.words.allSatisfy { $0.textPosition < text.unicodeScalars.count && $0.sample <= outcome.take.samples.count })
        }
        let alone = try one.speak(run)
        XCTAssertEqual(reference[0].take.samples, alone[0].take.samples, "a run's first chunk is spoken from the pristine engine")
        XCTAssertNotEqual(reference[1].take.samples, alone[1].take.samples,
                          "a later chunk sounds as it does after the ones before it: the run is part of its cache key")

        // Again, on two workers, each with other runs spoken before and between.
        let two = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 2)
        defer { two.shutdown() }
        let jobs = [SynthesisJob(texts: ["Before anything.", "A second clause"], settings: settings),
                    SynthesisJob(texts: run, settings: settings),
                    SynthesisJob(text: "In between.", settings: settings),
                    SynthesisJob(texts: run, settings: settings)]
        var outcomes: [SynthesisOutcome] = []
        try two.synthesize(jobs) { index, outcome in
            XCTAssertEqual(index, outcomes.count, "chunks are numbered across the jobs, in order")
            outcomes.append(outcome)
        }
        XCTAssertEqual(outcomes.count, 2 + run.count + 1 + run.count)
        for copy in [Array(outcomes[2..<6]), Array(outcomes[7...])] {
            XCTAssertEqual(copy.map(\.take.samples), reference.map(\.take.samples))
            XCTAssertEqual(copy.map(\.take.words), reference.map(\.take.words))
        }
    }

    func testAChunkThatCrashesItsRunCostsOnlyItself() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1,
                              environment: [Worker.crashTrigger: "#crash#"])
        defer { pool.shutdown() }
        let texts = ["The first sentence is fine.", "This one #crash# breaks the engine.", "The last sentence is fine too."]
        let outcomes = try speakRun(pool, texts)
        XCTAssertEqual(outcomes.map(\.source), [.spoken, .sanitizedRetry, .spoken])
        XCTAssertEqual(outcomes.map { $0.failure == nil }, [true, false, true])
        XCTAssertEqual(outcomes.map(\.outOfRun), [false, true, true], "spoken on their own after the run failed")
        let alone = try pool.speak([texts[0], texts[2]])
        XCTAssertEqual(outcomes[0].take.samples, alone[0].take.samples)
        XCTAssertEqual(outcomes[2].take.samples, alone[1].take.samples)
        XCTAssertGreaterThan(outcomes[1].take.samples.count, 22050 / 2, "the sanitized retry was spoken")
    }
}
