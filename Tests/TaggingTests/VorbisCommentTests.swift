import XCTest
@testable import Tagging

final class VorbisCommentTests: XCTestCase {
    func testExactBytes() throws {
        let comment = try VorbisComment(vendor: "ed", fields: [.init("TITLE", "Ü")])
        XCTAssertEqual(comment.bytes(), [2, 0, 0, 0, 0x65, 0x64, 1, 0, 0, 0, 8, 0, 0, 0]
                       + Array("TITLE=".utf8) + [0xC3, 0x9C])
    }

    func testClockHasThreeFractionalDigits() {
        XCTAssertEqual(VorbisComment.clock(0), "00:00:00.000")
        XCTAssertEqual(VorbisComment.clock(4_500), "00:00:04.500")
        XCTAssertEqual(VorbisComment.clock(5_001), "00:00:05.001")
        XCTAssertEqual(VorbisComment.clock(61_010), "00:01:01.010")
        XCTAssertEqual(VorbisComment.clock(3_600_000 * 27 + 59 * 60_000 + 59_999), "27:59:59.999")
    }

    func testEpisodeFieldsAndChapterKeysInOrder() throws {
        let comment = try VorbisComment.episode(title: "Morning", artist: "Edition", album: "Daily", date: "2026-03-17",
                                                comment: "Line one\r\nline two", chapters: Array(TestMedia.chapters.prefix(3)))
        let list = try CommentList(comment.bytes(fallbackVendor: "libFLAC")[...])
        XCTAssertEqual(list.vendor, "libFLAC")
        XCTAssertEqual(list.entries, [
            "TITLE=Morning", "ARTIST=Edition", "ALBUM=Daily", "DATE=2026-03-17", "COMMENT=Line one\nline two",
            "CHAPTER001=00:00:00.000", "CHAPTER001NAME=Opening",
            "CHAPTER002=00:00:01.500", "CHAPTER002NAME=\(TestMedia.longTitle)",
            "CHAPTER003=00:00:03.250", "CHAPTER003NAME=Tom & Jerry <say> \"hi\" & 'bye'",
        ])
    }

    func testForbiddenKeysAreRefused() {
        for key in ["", "A=B", "TITLÉ", "X\u{7E}"] {
            XCTAssertThrowsError(try VorbisComment(fields: [.init(key, "v")]), key)
        }
        XCTAssertNoThrow(try VorbisComment(fields: [.init("REPLAYGAIN_TRACK_GAIN", "-1 dB")]))
    }

    func testChapterLimits() {
        let many = (0..<1000).map { ChapterMark(title: "", startMs: $0) }
        XCTAssertThrowsError(try VorbisComment.episode(chapters: many), "CHAPTER1000 would read as chapter 100 in FFmpeg")
        XCTAssertNoThrow(try VorbisComment.episode(chapters: Array(many.prefix(999))))
        XCTAssertThrowsError(try VorbisComment.episode(chapters: [ChapterMark(title: "", startMs: 100 * 3_600_000)]))
        XCTAssertThrowsError(try VorbisComment.episode(chapters: [ChapterMark(title: "", startMs: 9), ChapterMark(title: "", startMs: 3)]))
    }
}
