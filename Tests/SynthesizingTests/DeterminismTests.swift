import EditionCore
import EditionTestSupport
import Foundation
@testable import Synthesizing
import XCTest

/// espeak-ng carries state from one utterance to the next inside a process; the workers fork
/// a fresh speaker per chunk, so a chunk's audio depends on its text and settings alone.
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
}
