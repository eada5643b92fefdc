import EditionCore
import EditionTestSupport
import Foundation
@testable import Synthesizing
import XCTest

/// espeak-ng carries state from one utterance to the next inside a process; the workers fork
/// a fresh speaker per job, so a chunk spoken alone depends on its text and settings alone
/// (runs of chunks: RunTests).
final class DeterminismTests: XCTestCase {
    let sentence = "The committee met on Tuesday to discuss the budget for next year."
    /// Each of these changed the sentence's length when spoken before it in one process.
    let others = ["\"Nobody expected it,\" she said.", "Why?", "a clause with no final punctuation",
                  "Prices rose 4.5% in March."]

    func testASentenceSoundsTheSameWhateverCameBeforeAndWhoeverSpeaksIt() throws {
        let first = try WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1).speak([sentence])[0]
        XCTAssertNil(first.failure)
        XCTAssertGreaterThan(first.take.samples.count, 22050)
        XCTAssertFalse(first.take.words.isEmpty)

        // After other sentences, on one worker.
        let afterOthers = try WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1)
            .speak(others + [sentence] + others + [sentence])
        for outcome in [afterOthers[others.count], afterOthers.last!] {
            XCTAssertEqual(outcome.take.samples, first.take.samples)
            XCTAssertEqual(outcome.take.words, first.take.words)
        }

        // On two workers, interleaved with other sentences: both slots speak it.
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 2)
        defer { pool.shutdown() }
        let texts = (0..<4).flatMap { [others[$0], sentence, sentence] }
        let outcomes = try pool.speak(texts)
        let repeats = zip(texts, outcomes).filter { $0.0 == sentence }.map(\.1)
        XCTAssertEqual(Set(repeats.compactMap(\.speaker)).count, 2, "both workers spoke the sentence")
        for outcome in repeats {
            XCTAssertEqual(outcome.take.samples, first.take.samples)
            XCTAssertEqual(outcome.take.words, first.take.words)
        }
    }

    /// A worker loads one voice and forks its speakers from there; a chunk in other settings
    /// restarts it afresh, so a voice change in between changes nothing either.
    func testAVoiceChangeOnOneWorkerChangesNothing() throws {
        let us = EngineSettings(voice: "en-us"), gb = EngineSettings(voice: "en-gb-x-rp")
        let alone = try WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1).speak([sentence], settings: us)[0]
        let gbAlone = try WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1).speak([sentence], settings: gb)[0]
        XCTAssertNotEqual(alone.take.samples, gbAlone.take.samples, "the two voices differ")
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1)
        defer { pool.shutdown() }
        let pid = pool.workerPIDs
        let jobs = [us, gb, us, gb].map { SynthesisJob(text: sentence, settings: $0) }
        var outcomes: [SynthesisOutcome] = []
        try pool.synthesize(jobs) { _, outcome in outcomes.append(outcome) }
        XCTAssertEqual(outcomes.map { $0.failure == nil }, [true, true, true, true], "\(outcomes.map { $0.warning ?? "" })")
        XCTAssertEqual(outcomes[0].take.samples, alone.take.samples)
        XCTAssertEqual(outcomes[2].take.samples, alone.take.samples)
        XCTAssertEqual(outcomes[1].take.samples, gbAlone.take.samples)
        XCTAssertEqual(outcomes[3].take.samples, gbAlone.take.samples)
        XCTAssertEqual(outcomes[2].take.words, alone.take.words)
        if let first = pid.first { XCTAssertEqual(pool.workerPIDs, [first], "the worker restarted in place, not replaced") }
    }

    /// The pool runs `edition-speaker` when it lies beside `edition`, else `edition worker`:
    /// the same loop in two executables, so the same chunks must come out sample for sample.
    func testTheSlimSpeakerAndEditionWorkerSpeakAlike() throws {
        let beside = URL(fileURLWithPath: TestEnvironment.editionBinary).deletingLastPathComponent()
        XCTAssertEqual(WorkerPool.speaker(beside: TestEnvironment.editionBinary), beside.appendingPathComponent("edition-speaker").path)
        // A link to `edition` in a folder with no speaker in it: the pool falls back to `edition worker`.
        let alone = FileManager.default.temporaryDirectory.appendingPathComponent("speaker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: alone) }
        let edition = alone.appendingPathComponent("edition").path
        try FileManager.default.createSymbolicLink(atPath: edition, withDestinationPath: TestEnvironment.editionBinary)
        XCTAssertEqual(WorkerPool.speaker(beside: edition), edition)

        let texts = [sentence] + others
        let slim = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1)
        defer { slim.shutdown() }
        let full = WorkerPool(executable: edition, jobs: 1)
        defer { full.shutdown() }
        let bySpeaker = try slim.speak(texts), byWorker = try full.speak(texts)
        let programs = [slim, full].map { pool in pool.workerPIDs.first.flatMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\($0)/exe") } }
        XCTAssertEqual(programs.map { $0.map { URL(fileURLWithPath: $0).lastPathComponent } }, ["edition-speaker", "edition"])
        XCTAssertEqual(bySpeaker.map(\.failure), texts.map { _ in nil })
        XCTAssertEqual(bySpeaker.map(\.take.samples), byWorker.map(\.take.samples))
        XCTAssertEqual(bySpeaker.map(\.take.words), byWorker.map(\.take.words))
    }
}
