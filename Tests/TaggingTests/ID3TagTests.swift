import EditionCore
import XCTest
@testable import Tagging

/// The tag's bytes, read back by the tests' own ID3 reader.
final class ID3TagTests: XCTestCase {
    private func episodeTag(chapters: [ChapterMark] = TestMedia.chapters) throws -> ID3Tag {
        try ID3Tag(title: "Morning edition — 17 March", artist: "Edition News", album: "Daily",
                   date: "2026-03-17T07:45:00Z", comment: "Top stories.\nRead by espeak-ng.",
                   durationMs: TestMedia.durationMs, chapters: chapters)
    }

    func testHeaderIsVersion23WithSyncsafeSizeOfTheWholeBody() throws {
        let bytes = try episodeTag().bytes()
        let tag = try ID3Reader(bytes)
        XCTAssertEqual(tag.majorVersion, 3)
        XCTAssertEqual(tag.flags, 0)
        XCTAssertEqual(tag.declaredSize, bytes.count - 10, "size excludes the header, no padding")
        XCTAssertEqual(Array(bytes[0..<6]), [0x49, 0x44, 0x33, 3, 0, 0])
    }

    func testEpisodeFrames() throws {
        let tag = try ID3Reader(try episodeTag().bytes())
        XCTAssertEqual(tag.values("TIT2"), ["Morning edition — 17 March"])
        XCTAssertEqual(tag.values("TPE1"), ["Edition News"])
        XCTAssertEqual(tag.values("TALB"), ["Daily"])
        XCTAssertEqual(tag.values("TYER"), ["2026"])
        XCTAssertEqual(tag.values("TDAT"), ["1703"], "v2.3 dates: DDMM")
        XCTAssertEqual(tag.values("TIME"), ["0745"])
        XCTAssertEqual(tag.values("TLEN"), ["12000"])
        XCTAssertEqual(tag.comments.count, 1)
        XCTAssertEqual(tag.comments.first?.language, "eng")
        XCTAssertEqual(tag.comments.first?.description, "")
        XCTAssertEqual(tag.comments.first?.text, "Top stories.\nRead by espeak-ng.")
        // Non-ASCII goes as UTF-16 with a little-endian BOM, ASCII as encoding 0.
        XCTAssertEqual(tag.frames.first { $0.id == "TIT2" }?.body.prefix(3), [1, 0xFF, 0xFE])
        XCTAssertEqual(tag.frames.first { $0.id == "TPE1" }?.body.first, 0)
    }

    func testOneTopLevelOrderedTableListsEveryChapterInOrder() throws {
        let tag = try ID3Reader(try episodeTag().bytes())
        let tables = try tag.tablesOfContents()
        let chapters = try tag.chapters()
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables.first?.flags, 0x03)
        XCTAssertEqual(tables.first?.children, chapters.map(\.elementID))
        XCTAssertEqual(Set(chapters.map(\.elementID)).count, chapters.count, "element IDs are unique")
        XCTAssertTrue(chapters.allSatisfy { $0.elementID.utf8.allSatisfy { $0 < 0x80 } })
    }

    func testChapterFramesCarryTimesUnusedOffsetsAndTitles() throws {
        let chapters = try ID3Reader(try episodeTag().bytes()).chapters()
        XCTAssertEqual(chapters.count, TestMedia.chapters.count)
        for (index, (frame, expected)) in zip(chapters, TestMedia.chapters).enumerated() {
            XCTAssertEqual(Int(frame.startMs), expected.startMs)
            let end = index + 1 < TestMedia.chapters.count ? TestMedia.chapters[index + 1].startMs : TestMedia.durationMs
            XCTAssertEqual(Int(frame.endMs), end, "a chapter ends where the next starts, the last at the duration")
            XCTAssertEqual(frame.startOffset, 0xFFFF_FFFF)
            XCTAssertEqual(frame.endOffset, 0xFFFF_FFFF)
            XCTAssertEqual(frame.subframes.map(\.id), ["TIT2"])
            XCTAssertEqual(frame.title, TestMedia.expectedTitle(index), "title of chapter \(index + 1) survives byte for byte")
        }
    }

    func testLongTitleIsKeptWhole() throws {
        let chapters = try ID3Reader(try episodeTag().bytes()).chapters()
        XCTAssertEqual(chapters[1].title?.count, 140)
        // The frame embedded in CHAP is far over 127 bytes: fine in v2.3, where sizes are plain u32.
        XCTAssertGreaterThan(chapters[1].subframes[0].body.count, 128)
    }

    func testFramesAreTheExactBytes() throws {
        // Golden bytes for a minimal tag, worked out by hand from the spec.
        let tag = try ID3Tag(durationMs: 2000, chapters: [ChapterMark(title: "A", startMs: 0), ChapterMark(title: "é", startMs: 1000)])
        let tlen: [UInt8] = Array("TLEN".utf8) + [0, 0, 0, 5, 0, 0, 0] + Array("2000".utf8)
        let ctoc: [UInt8] = Array("CTOC".utf8) + [0, 0, 0, 16, 0, 0] + Array("toc".utf8) + [0, 3, 2]
            + Array("chp0".utf8) + [0] + Array("chp1".utf8) + [0]
        let chap0: [UInt8] = Array("CHAP".utf8) + [0, 0, 0, 33, 0, 0] + Array("chp0".utf8) + [0]
            + [0, 0, 0, 0] + [0, 0, 0x03, 0xE8] + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
            + Array("TIT2".utf8) + [0, 0, 0, 2, 0, 0, 0, 0x41]
        let chap1: [UInt8] = Array("CHAP".utf8) + [0, 0, 0, 36, 0, 0] + Array("chp1".utf8) + [0]
            + [0, 0, 0x03, 0xE8] + [0, 0, 0x07, 0xD0] + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
            + Array("TIT2".utf8) + [0, 0, 0, 5, 0, 0, 1, 0xFF, 0xFE, 0xE9, 0x00]
        let body = tlen + ctoc + chap0 + chap1
        XCTAssertEqual(body.count, 130)
        XCTAssertEqual(tag.bytes(), Array("ID3".utf8) + [3, 0, 0, 0, 0, 1, 2] + body, "130 = syncsafe 00 00 01 02")
    }

    func testSyncsafeSizeAboveOneHundredTwentySevenBytes() throws {
        let bytes = try ID3Tag(title: String(repeating: "x", count: 300), durationMs: 0).bytes()
        let size = bytes.count - 10
        XCTAssertEqual(Array(bytes[6..<10]), [UInt8(size >> 21 & 0x7F), UInt8(size >> 14 & 0x7F), UInt8(size >> 7 & 0x7F), UInt8(size & 0x7F)])
        XCTAssertEqual(try ID3Reader(bytes).declaredSize, size)
    }

    func testDateForms() throws {
        XCTAssertEqual(try ID3Reader(try ID3Tag(date: "2026", durationMs: 0).bytes()).values("TYER"), ["2026"])
        XCTAssertEqual(try ID3Reader(try ID3Tag(date: "2026", durationMs: 0).bytes()).values("TDAT"), [])
        XCTAssertEqual(try ID3Reader(try ID3Tag(date: "2026-01-05", durationMs: 0).bytes()).values("TDAT"), ["0501"])
        for bad in ["17 March 2026", "2026-13-01", "2026-3-1", "26", ""] {
            XCTAssertThrowsError(try ID3Tag(date: bad, durationMs: 0), bad)
        }
    }

    // MARK: Hostile input

    func testZeroChaptersWritesNoTableOfContents() throws {
        let tag = try ID3Reader(try episodeTag(chapters: []).bytes())
        XCTAssertEqual(tag.frames.filter { $0.id == "CTOC" || $0.id == "CHAP" }.count, 0)
        XCTAssertEqual(tag.values("TLEN"), ["12000"])
    }

    func testThreeHundredChaptersNestUnderOneTopLevelTable() throws {
        let marks = (0..<300).map { ChapterMark(title: "Chapter \($0 + 1)", startMs: $0 * 40) }
        let tag = try ID3Reader(try episodeTag(chapters: marks).bytes())
        let tables = try tag.tablesOfContents()
        let chapters = try tag.chapters()
        XCTAssertEqual(chapters.count, 300)
        let top = tables.filter { $0.flags & 0x02 != 0 }
        XCTAssertEqual(top.count, 1, "exactly one top-level CTOC")
        XCTAssertEqual(top.first?.flags, 0x03)
        let children = top[0].children.map { id in tables.first { $0.elementID == id } }
        XCTAssertEqual(children.map { $0?.flags }, [0x01, 0x01], "ordered sub-tables, not top-level")
        XCTAssertEqual(children.flatMap { $0?.children ?? [] }, chapters.map(\.elementID), "every CHAP once, in order")
        XCTAssertEqual(children.map { $0?.children.count }, [255, 45])
        XCTAssertEqual(chapters.last?.title, "Chapter 300")
        XCTAssertEqual(chapters.last.map { Int($0.endMs) }, TestMedia.durationMs)
    }

    func testEmptyTitleIsNamedAfterItsNumber() throws {
        // FFmpeg would show the element ID ("chp5") for an empty TIT2.
        let chapters = try ID3Reader(try episodeTag().bytes()).chapters()
        XCTAssertEqual(chapters.last?.title, "Chapter 6")
        let blank = try ID3Reader(try ID3Tag(durationMs: 9, chapters: [ChapterMark(title: " \u{0}\n ", startMs: 0)]).bytes())
        XCTAssertEqual(try blank.chapters().first?.title, "Chapter 1")
    }

    func testControlCharactersAreCleanedAndHugeTitlesCutOnACharacterBoundary() throws {
        let huge = String(repeating: "👩🏽‍💻", count: 200)   // 15 bytes a character
        let tag = try ID3Tag(title: "Line\none\u{0}\ttwo", durationMs: 10, chapters: [ChapterMark(title: huge, startMs: 0)])
        let reader = try ID3Reader(tag.bytes())
        XCTAssertEqual(reader.values("TIT2"), ["Line one two"])
        let title = try XCTUnwrap(try reader.chapters().first?.title)
        XCTAssertLessThanOrEqual(title.utf8.count, TagText.maxChapterTitleBytes)
        XCTAssertGreaterThan(title.utf8.count, TagText.maxChapterTitleBytes - 15)
        XCTAssertEqual(title, String(repeating: "👩🏽‍💻", count: title.count), "no emoji sequence split")
    }

    func testChaptersThatCannotBeWrittenAreRefused() {
        let cases: [(String, [ChapterMark], Int)] = [
            ("out of order", [ChapterMark(title: "b", startMs: 500), ChapterMark(title: "a", startMs: 100)], 1000),
            ("negative", [ChapterMark(title: "a", startMs: -1)], 1000),
            ("past the end", [ChapterMark(title: "a", startMs: 1001)], 1000),
            ("negative duration", [], -5),
        ]
        for (label, chapters, duration) in cases {
            XCTAssertThrowsError(try ID3Tag(durationMs: duration, chapters: chapters), label) { error in
                guard case TaggingError.invalidChapters(let why) = error else { return XCTFail("\(label): \(error)") }
                XCTAssertFalse(why.isEmpty)
            }
        }
        // Two chapters at the same time are legal (an empty chapter).
        XCTAssertNoThrow(try ID3Tag(durationMs: 1000, chapters: [ChapterMark(title: "a", startMs: 0), ChapterMark(title: "b", startMs: 0)]))
    }

    func testChapterMarkRoundsSamplesToMilliseconds() {
        XCTAssertEqual(ChapterMark(Chapter(title: "x", start: 22_050), sampleRate: 22_050).startMs, 1000)
        XCTAssertEqual(ChapterMark(Chapter(title: "x", start: 11), sampleRate: 22_050).startMs, 0)   // 0.499 ms
        XCTAssertEqual(ChapterMark(Chapter(title: "x", start: 12), sampleRate: 22_050).startMs, 1)   // 0.544 ms
    }
}
