import EditionCore
import EditionTestSupport
import Foundation
@testable import Synthesizing
import XCTest

/// A profile's `wordGap` reaches espeak-ng: the same words take longer by about the gap per word,
/// and the words themselves are still spoken (each word event still arrives).
final class WordGapTests: XCTestCase {
    func testAWordGapLengthensTheTakeByAboutTheGapPerWord() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1)
        defer { pool.shutdown() }
        let text = "The council met on Tuesday to discuss the budget for the coming year."
        let plain = try pool.speak([text], settings: EngineSettings(voice: "en-us"))[0]
        let gapped = try pool.speak([text], settings: EngineSettings(voice: "en-us", wordGap: 5))[0]
        XCTAssertNil(plain.failure)
        XCTAssertNil(gapped.failure)
        XCTAssertEqual(gapped.take.words.count, plain.take.words.count)
        // 13 words, 12 gaps of 50 ms: at least 400 ms more (the engine may fold the last in).
        let added = Double(gapped.take.samples.count - plain.take.samples.count) / Double(plain.take.sampleRate)
        XCTAssertGreaterThan(added, 0.4)
        XCTAssertLessThan(added, 1.0)
    }
}
