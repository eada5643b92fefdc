import Audio
import EditionTestSupport
import XCTest
@testable import Tagging

/// `ChapterReading` against the writers on real libsndfile files, against ID3 tags built here
/// by hand (v2.4, every text encoding, unsynchronisation), and against damaged input.
final class ChapterReadingTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try TestEnvironment.scratchDirectory("chapter-reading")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func tagged(_ format: TestMedia.Format, chapters: [ChapterMark] = TestMedia.chapters,
                        name: String = "tone") throws -> URL {
        let url = try TestMedia.tone(format, in: directory, name: name).url
        try TestMedia.tag(url, format, chapters: chapters)
        return url
    }

    // MARK: Round trips with the writers

    func testReadsBackWhatTheWritersWroteInEveryFormat() throws {
        for format in TestMedia.Format.allCases {
            let contents = try ChapterReading.read(try tagged(format))
            XCTAssertEqual(contents.title, TestMedia.episode.title, "\(format)")
            XCTAssertEqual(contents.chapters.map(\.title), TestMedia.chapters.indices.map { TestMedia.expectedTitle($0) }, "\(format)")
            XCTAssertEqual(contents.chapters.map(\.startMs), TestMedia.chapters.map(\.startMs), "\(format)")
        }
    }

    /// 300 chapters: the ID3 tag nests them under sub-tables (a CTOC counts to 255), and the
    /// Vorbis comment header (over 100 KB) spans several Ogg pages (a page holds under 64 KiB).
    func testThreeHundredLongChaptersInEveryFormat() throws {
        let many = (0..<300).map { ChapterMark(title: "\($0) \(TestMedia.longTitle)", startMs: $0 * 30) }
        for format in TestMedia.Format.allCases {
            let url = try tagged(format, chapters: many, name: "many")
            if format == .opus || format == .vorbis {
                let pages = try OggWalk(TestMedia.bytes(url)).pages
                XCTAssertGreaterThan(pages.prefix(3).filter { $0.headerType & 0x01 != 0 }.count, 0,
                                     "\(format): the comment header continues onto another page")
            }
            XCTAssertEqual(try ChapterReading.chapters(in: url), many, "\(format)")
        }
    }

    func testUntaggedFilesHaveNoChapters() throws {
        for format in TestMedia.Format.allCases {
            let url = try TestMedia.tone(format, in: directory, name: "plain").url
            XCTAssertEqual(try ChapterReading.chapters(in: url), [], "\(format)")
        }
    }

    // MARK: ID3 tags made by hand

    private func mp3Audio() throws -> [UInt8] {
        try TestMedia.bytes(TestMedia.tone(.mp3, in: directory, name: "audio").url)
    }

    private func readMP3(_ tag: [UInt8], name: String = "hand") throws -> ChapterReading.Contents {
        let url = directory.appendingPathComponent("\(name).mp3")
        try Data(tag + mp3Audio()).write(to: url)
        return try ChapterReading.read(url)
    }

    func testID3v24WithEveryTextEncodingInTableOrder() throws {
        let longUTF8 = String(repeating: "Заголовок ", count: 12)   // 240 bytes: a syncsafe size over 127
        let chapters = [
            HandID3.chapter("a", startMs: 5_000, HandID3.frame24("TIT2", [0] + [0x43, 0x61, 0x66, 0xE9])),      // Latin-1 "Café"
            HandID3.chapter("b", startMs: 0, HandID3.frame24("TIT2", [1, 0xFE, 0xFF] + HandID3.utf16BE("Ωmega 🎙️"))),
            HandID3.chapter("c", startMs: 9_000, HandID3.frame24("TIT2", [2] + HandID3.utf16BE("Zeta") + [0, 0])),
            HandID3.chapter("d", startMs: 2_000, HandID3.frame24("TIT2", [3] + Array(longUTF8.utf8) + [0] + Array("second value".utf8))),
            // Unsynchronised (flag 0x02): FF 00 E9 is FF E9, Latin-1 "ÿé".
            HandID3.chapter("e", startMs: 9_500, HandID3.frame24("TIT2", [0, 0xFF, 0x00, 0xE9], flags: 0x02)),
        ].map { HandID3.frame24("CHAP", $0) }
        let toc = HandID3.frame24("CTOC", HandID3.toc("toc", topLevel: true, ["c", "a", "b", "d", "e"]))
        let title = HandID3.frame24("TIT2", [3] + Array("Épisode 🎙️".utf8))
        let unknown = HandID3.frame24("TXXX", [3, 0x61, 0, 0x62])

        let ordered = try readMP3(HandID3.tag(major: 4, [title, unknown, toc] + chapters + [[UInt8](repeating: 0, count: 20)]))
        XCTAssertEqual(ordered.title, "Épisode 🎙️")
        XCTAssertEqual(ordered.chapters, [
            ChapterMark(title: "Zeta", startMs: 9_000), ChapterMark(title: "Café", startMs: 5_000),
            ChapterMark(title: "Ωmega 🎙️", startMs: 0), ChapterMark(title: longUTF8, startMs: 2_000),
            ChapterMark(title: "ÿé", startMs: 9_500),
        ], "in the top-level table's order")

        let byStart = try readMP3(HandID3.tag(major: 4, [title] + chapters), name: "no-toc")
        XCTAssertEqual(byStart.chapters.map(\.startMs), [0, 2_000, 5_000, 9_000, 9_500], "without a table: by start time")
    }

    func testID3v23UnsynchronisedTagWithExtendedHeader() throws {
        // UTF-16LE "ÿ" is FF 00 and the BOM FF FE: both need a 00 inserted by unsynchronisation.
        let chap = HandID3.frame23("CHAP", HandID3.chapter("x", startMs: 1_234,
                                                           HandID3.frame23("TIT2", [1, 0xFF, 0xFE] + HandID3.utf16LE("ÿes"))))
        let compressed = HandID3.frame23("TIT2", [0, 0, 0, 0, 9, 0x78, 0x9C], flags: 0x80)   // skipped
        let body = [0, 0, 0, 6, 0, 0, 0, 0, 0, 0] + compressed + chap
        let tag = Array("ID3".utf8) + [3, 0, 0xC0] + HandID3.syncsafe(HandID3.unsynchronised(body).count)
            + HandID3.unsynchronised(body)
        XCTAssertGreaterThan(HandID3.unsynchronised(body).count, body.count, "the test tag really is unsynchronised")
        let contents = try readMP3(tag)
        XCTAssertNil(contents.title, "the compressed TIT2 is skipped")
        XCTAssertEqual(contents.chapters, [ChapterMark(title: "ÿes", startMs: 1_234)])
    }

    func testTablesOfContentsThatLoopOrNameMissingChaptersEndWell() throws {
        let chapters = [("p", 300), ("q", 100), ("r", 200)].map { id, start in
            HandID3.frame24("CHAP", HandID3.chapter(id, startMs: start, HandID3.frame24("TIT2", [3] + Array(id.utf8))))
        }
        let tocs = [
            HandID3.frame24("CTOC", HandID3.toc("top", topLevel: true, ["sub", "missing", "p"])),
            HandID3.frame24("CTOC", HandID3.toc("sub", topLevel: false, ["r", "top", "sub", "p"])),
        ]
        let contents = try readMP3(HandID3.tag(major: 4, tocs + chapters))
        XCTAssertEqual(contents.chapters.map(\.title), ["r", "p", "q"], "listed once each, then the unlisted one")
    }

    // MARK: Vorbis comment keys

    func testChapterKeysInAnyCaseAndOrder() throws {
        let fields = [("title", "T"), ("chapter010", "00:01:40.000"), ("CHAPTER002NAME", "Two"), ("Chapter002", "00:00:02.5"),
                      ("CHAPTER001", "1:00:00.001"), ("CHAPTER001URL", "https://example.org"), ("CHAPTER007NAME", "no time"),
                      ("CHAPTER010NAME", "Ten")].map { VorbisComment.Field($0.0, $0.1) }
        let contents = try ChapterReading.contents(of: fields, path: "x")
        XCTAssertEqual(contents.title, "T")
        XCTAssertEqual(contents.chapters, [ChapterMark(title: "", startMs: 3_600_001), ChapterMark(title: "Two", startMs: 2_500),
                                           ChapterMark(title: "Ten", startMs: 100_000)])
        for bad in ["", "1:2", "00:60:00.000", "00:00:00.", "00:00:00.1x", "-1:00:00.000", "00:00:00:00", "0000000001:00:00"] {
            XCTAssertNil(ChapterReading.milliseconds(bad), bad)
            XCTAssertThrowsError(try ChapterReading.contents(of: [VorbisComment.Field("CHAPTER001", bad)], path: "x"), bad)
        }
        XCTAssertThrowsError(try ChapterReading.contents(of: [VorbisComment.Field("CHAPTER001", "00:00:01.000"),
                                                              VorbisComment.Field("chapter001", "00:00:02.000")], path: "x"))
    }

    // MARK: Damaged input

    private func assertUnreadable(_ url: URL, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try ChapterReading.read(url), message, file: file, line: line) { error in
            guard case TaggingError.unreadable(let path, let why) = error else {
                return XCTFail("\(message): \(error)", file: file, line: line)
            }
            XCTAssertEqual(path, url.path, file: file, line: line)
            XCTAssertFalse(why.isEmpty, file: file, line: line)
            XCTAssertTrue(error.localizedDescription.contains("cannot read its chapters"), file: file, line: line)
        }
    }

    /// Where the tags end in each format: every cut before it must throw.
    private func tagEnd(_ bytes: [UInt8], _ format: TestMedia.Format) throws -> Int {
        switch format {
        case .mp3:
            return 10 + bytes[6...9].reduce(0) { $0 << 7 | Int($1) }
        case .flac:
            return try FLACWalk(bytes).audioStart
        case .opus, .vorbis:
            // The page on which the comment packet (the second packet) ends.
            var offset = 0
            for (index, page) in try OggWalk(bytes).pages.enumerated() {
                offset += 27 + page.lacing.count + page.body.count
                if index > 0, page.lacing.contains(where: { $0 < 255 }) { return offset }
            }
            throw ID3Reader.Failure(description: "no comment packet")
        }
    }

    func testTruncatedFilesThrowAClearError() throws {
        for format in TestMedia.Format.allCases {
            let bytes = try TestMedia.bytes(try tagged(format))
            let end = try tagEnd(bytes, format)
            let url = directory.appendingPathComponent("cut.\(format.fileExtension)")
            for cut in Array(0..<min(64, end)) + Array(stride(from: 64, to: end, by: 13)) + [end - 1] {
                try Data(bytes.prefix(cut)).write(to: url)
                assertUnreadable(url, "\(format) cut at \(cut) of \(end)")
            }
        }
    }

    func testFilesThatAreNotTaggedAudioThrowAClearError() throws {
        let mp3 = try TestMedia.bytes(try tagged(.mp3))
        let flac = try TestMedia.bytes(try tagged(.flac))
        var hugeTag = mp3
        hugeTag.replaceSubrange(6...9, with: [0x7F, 0x7F, 0x7F, 0x7F])
        var hugeFrame = mp3
        let chap = try XCTUnwrap(HandID3.find(Array("CHAP".utf8), in: mp3))
        hugeFrame.replaceSubrange(chap + 4..<chap + 8, with: [0x7F, 0xFF, 0xFF, 0xFF])
        var hugeBlock = flac
        hugeBlock.replaceSubrange(5...7, with: [0xFF, 0xFF, 0xFF])
        var badBlockType = flac
        badBlockType[4] = 0x7F
        var badCRC = try TestMedia.bytes(try tagged(.opus))
        badCRC[100] ^= 0x01
        let cases: [(String, [UInt8])] = [
            ("empty", []),
            ("text", Array("Just some notes, not audio.\n".utf8)),
            ("random", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }),
            ("ID3 tag then no MPEG audio", Array(mp3.prefix(10 + mp3[6...9].reduce(0) { $0 << 7 | Int($1) })) + [UInt8](repeating: 0x41, count: 500)),
            ("ID3 tag larger than the file", hugeTag),
            ("CHAP frame larger than its tag", hugeFrame),
            ("FLAC block larger than the file", hugeBlock),
            ("FLAC block of type 127", badBlockType),
            ("Ogg page failing its CRC", badCRC),
            ("Ogg page header only", Array("OggS".utf8) + [0, 2] + [UInt8](repeating: 0, count: 30)),
        ]
        for (label, bytes) in cases {
            let url = directory.appendingPathComponent("\(label).bin")
            try Data(bytes).write(to: url)
            assertUnreadable(url, label)
        }
        XCTAssertThrowsError(try ChapterReading.read(directory.appendingPathComponent("absent.mp3"))) { error in
            guard case TaggingError.io = error else { return XCTFail("\(error)") }
        }
    }

    /// Random damage to the tags (Ogg pages re-signed so the damage reaches the comment parser):
    /// each damaged file gives a typed `TaggingError` naming it, or a chapter list that is
    /// valid (titles valid UTF-8, start times non-negative and within the format's
    /// range, no more chapters than were written), and never a crash, a hang or a read past an
    /// end. The list is in the tag's order (the CTOC's, or the chapter numbers'), as the reader
    /// documents, so damage to a start time or to the table may leave it out of time order:
    /// that is reported by `edition verify`, not hidden by sorting.
    func testRandomDamageGivesATypedErrorOrValidChapters() throws {
        var random = SplitMix64(seed: 6)
        var outcomes: [String: (errors: Int, lists: Int)] = [:]
        for format in TestMedia.Format.allCases {
            let bytes = try TestMedia.bytes(try tagged(format))
            let end = try tagEnd(bytes, format)
            let url = directory.appendingPathComponent("damaged.\(format.fileExtension)")
            for trial in 0..<150 {
                var damaged = bytes
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let at = Int.random(in: 0..<end, using: &random)
                    damaged[at] = random.next() % 3 == 0 ? 0xFF : UInt8.random(in: 0...255, using: &random)
                }
                if format == .opus || format == .vorbis { HandID3.resignOggPages(&damaged, upTo: end) }
                try Data(damaged).write(to: url)
                let label = "\(format) trial \(trial)"
                let contents: ChapterReading.Contents
                do {
                    contents = try ChapterReading.read(url)
                } catch let error as TaggingError {
                    outcomes[format.fileExtension, default: (0, 0)].errors += 1
                    guard case .unreadable(let path, let why) = error else { XCTFail("\(label): \(error)"); continue }
                    XCTAssertEqual(path, url.path, label)
                    XCTAssertFalse(why.isEmpty, label)
                    continue
                } catch {
                    XCTFail("\(label): not a TaggingError: \(error)")
                    continue
                }
                outcomes[format.fileExtension, default: (0, 0)].lists += 1
                assertValid(contents.chapters, label)
            }
        }
        // Both outcomes happen in every format, so the checks above are not vacuous.
        for format in TestMedia.Format.allCases {
            let outcome = outcomes[format.fileExtension] ?? (0, 0)
            XCTAssertGreaterThan(outcome.errors, 0, "\(format): no damaged file was refused")
            XCTAssertGreaterThan(outcome.lists, 0, "\(format): no damaged file was read")
        }
    }

    private func assertValid(_ chapters: [ChapterMark], _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThanOrEqual(chapters.count, TestMedia.chapters.count, "\(label): more chapters than were written", file: file, line: line)
        for chapter in chapters {
            // Damaged bytes become U+FFFD: the title's UTF-8 is valid and decodes back to itself.
            XCTAssertEqual(String(validating: Array(chapter.title.utf8), as: UTF8.self), chapter.title, label, file: file, line: line)
            // ID3 stores milliseconds in 32 bits; Vorbis comments' HH:MM:SS.mmm stays below that too.
            XCTAssertTrue((0...Int(UInt32.max)).contains(chapter.startMs), "\(label): start \(chapter.startMs)", file: file, line: line)
        }
    }
}

/// ID3v2 bytes built by hand from the spec (id3v2.3.0, id3v2.4.0-structure, the chapter
/// addendum), sharing nothing with the library's writer or reader.
enum HandID3 {
    static func syncsafe(_ n: Int) -> [UInt8] { [UInt8(n >> 21 & 0x7F), UInt8(n >> 14 & 0x7F), UInt8(n >> 7 & 0x7F), UInt8(n & 0x7F)] }
    static func be32(_ n: Int) -> [UInt8] { [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }
    static func utf16BE(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
    static func utf16LE(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    static func frame24(_ id: String, _ body: [UInt8], flags: UInt8 = 0) -> [UInt8] {
        Array(id.utf8) + syncsafe(body.count) + [0, flags] + body
    }

    static func frame23(_ id: String, _ body: [UInt8], flags: UInt8 = 0) -> [UInt8] {
        Array(id.utf8) + be32(body.count) + [0, flags] + body
    }

    /// A tag with these frames (and any padding, as zeros, last).
    static func tag(major: UInt8, _ frames: [[UInt8]]) -> [UInt8] {
        let body = frames.flatMap { $0 }
        return Array("ID3".utf8) + [major, 0, 0] + syncsafe(body.count) + body
    }

    static func chapter(_ id: String, startMs: Int, _ embedded: [UInt8]) -> [UInt8] {
        Array(id.utf8) + [0] + be32(startMs) + be32(startMs + 100) + be32(-1) + be32(-1) + embedded
    }

    static func toc(_ id: String, topLevel: Bool, _ children: [String]) -> [UInt8] {
        Array(id.utf8) + [0, topLevel ? 0x03 : 0x01, UInt8(children.count)] + children.flatMap { Array($0.utf8) + [0] }
    }

    /// A 00 after every FF that comes before a byte ≥ E0, a 00 or the end.
    static func unsynchronised(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            out.append(byte)
            if byte == 0xFF, index + 1 == bytes.count || bytes[index + 1] >= 0xE0 || bytes[index + 1] == 0 { out.append(0) }
        }
        return out
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }
    }

    /// Recomputes the CRC of every whole Ogg page that starts before `limit` (where the
    /// lacing still describes a page that fits); stops at the first thing that is not a page.
    static func resignOggPages(_ bytes: inout [UInt8], upTo limit: Int) {
        var p = 0
        while p < limit, p + 27 <= bytes.count, Array(bytes[p..<p + 4]) == Array("OggS".utf8) {
            let n = Int(bytes[p + 26])
            guard p + 27 + n <= bytes.count else { return }
            let end = p + 27 + n + bytes[p + 27..<p + 27 + n].reduce(0) { $0 + Int($1) }
            guard end <= bytes.count else { return }
            bytes.replaceSubrange(p + 22..<p + 26, with: [0, 0, 0, 0])
            let crc = OggWalk.crc(Array(bytes[p..<end]))
            bytes.replaceSubrange(p + 22..<p + 26, with: [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 24)])
            p = end
        }
    }
}
