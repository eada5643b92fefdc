import Assembling
import Audio
import EditionCore
import EditionTestSupport
import Foundation
import XCTest

/// Takes and pauses laid end to end: where each chapter, sentence and word lands.
final class ProgrammeRecorderTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try TestEnvironment.scratchDirectory("recorder") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// "Pay $5 now": the engine reports two events inside "$5" (five, dollars) and none for "now".
    func testWordsAreTimedFromTheEngineEventsOfTheirTokens() throws {
        let recorder = try ProgrammeRecorder(sampleRate: 1000, scratchDirectory: dir)
        let chunk = Chunk(text: "Pay five dollars now", pauseAfter: 250, tokens: [
            Token(source: "Pay", spokenStart: 0, spokenEnd: 3),
            Token(source: "$5", spokenStart: 4, spokenEnd: 16),
            Token(source: "now", spokenStart: 17, spokenEnd: 20),
        ])
        let take = Take(sampleRate: 1000, samples: [Int16](repeating: 100, count: 800), words: [
            WordEvent(textPosition: 0, length: 3, sample: 10),
            WordEvent(textPosition: 4, length: 4, sample: 200),
            WordEvent(textPosition: 9, length: 7, sample: 350),
        ])
        recorder.beginChapter("  ")
        try recorder.beginSentence("Pay $5 now.")
        try recorder.append(take, for: chunk)
        try recorder.appendSilence(milliseconds: chunk.pauseAfter)
        recorder.beginChapter("Second")
        let timeline = try recorder.finish()
        defer { recorder.discard() }

        XCTAssertEqual(timeline.totalSamples, 800 + 250)
        XCTAssertEqual(timeline.chapters.map(\.title), ["Chapter 1", "Second"], "an empty title is named as every tag format names it")
        XCTAssertEqual(timeline.chapters.map(\.start), [0, 1050])
        let words = try timeline.allWords()
        XCTAssertEqual(words.map(\.text), ["Pay", "$5", "now"])
        XCTAssertEqual(words.map(\.start), [10, 200, 200], "a token starts at its first event; one with none shares the last time")
        XCTAssertEqual(words.map(\.end), [200, 200, 800])
        XCTAssertEqual(try timeline.allSentences(), [TimedText(text: "Pay $5 now.", start: 0, end: 800)])
        XCTAssertEqual(recorder.spool.count, 1050)
    }

    /// A block's closing pause ends on the grid; a sentence pause keeps its length.
    func testABlocksClosingPauseEndsOnTheGrid() throws {
        let recorder = try ProgrammeRecorder(sampleRate: 22050, scratchDirectory: dir)
        defer { recorder.discard() }
        try recorder.spool.append([Int16](repeating: 100, count: 1000))
        try recorder.appendSilence(milliseconds: 100)
        XCTAssertEqual(recorder.position, 1000 + 2205)
        try recorder.appendSilence(milliseconds: 100, onGrid: true)
        XCTAssertEqual(recorder.position, 10 * ProgrammeRecorder.pauseGrid, "3205 + 2205 = 5410, stretched to 5760")
        try recorder.appendSilence(milliseconds: 0, onGrid: true)
        XCTAssertEqual(recorder.position, 5760, "no pause, nothing added")
    }
}
