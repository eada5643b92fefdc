import Audio
import EditionTestSupport
import XCTest
@testable import Tagging

/// Real MP3, FLAC, Opus and Vorbis files from libsndfile, tagged, then read back by ffprobe 5.1,
/// by libsndfile's decoders, and by the tests' own ID3/FLAC/Ogg readers.
final class FileTaggingTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try TestEnvironment.scratchDirectory("tagging")
    }

    /// EDITION_KEEP_TEST_FILES=1 keeps the tagged files for a look with other tools.
    override func tearDownWithError() throws {
        if ProcessInfo.processInfo.environment["EDITION_KEEP_TEST_FILES"] == "1" {
            print("kept: \(directory.path)")
        } else {
            try FileManager.default.removeItem(at: directory)
        }
    }

    private static let episode = TestMedia.episode

    /// Makes a tone file and tags it; returns it with its bytes before tagging.
    @discardableResult
    private func makeTagged(_ format: TestMedia.Format, chapters: [ChapterMark] = TestMedia.chapters,
                            name: String = "tone") throws -> (url: URL, before: [UInt8], written: Int) {
        let (url, written) = try TestMedia.tone(format, in: directory, name: name)
        let before = try TestMedia.bytes(url)
        try tag(url, format, chapters: chapters)
        return (url, before, written)
    }

    private func tag(_ url: URL, _ format: TestMedia.Format, chapters: [ChapterMark], title: String = episode.title) throws {
        try TestMedia.tag(url, format, chapters: chapters, title: title)
    }

    // MARK: ffprobe

    func testFFprobeReadsChaptersAndTagsInEveryFormat() throws {
        for format in TestMedia.Format.allCases {
            let (url, _, _) = try makeTagged(format)
            let probe = try Probe(url)
            XCTAssertEqual(probe.errors, "", "\(format): ffprobe complained")
            XCTAssertEqual(probe.chapters.count, TestMedia.chapters.count, "\(format)")
            for (index, (read, written)) in zip(probe.chapters, TestMedia.chapters).enumerated() {
                XCTAssertEqual(read.title, TestMedia.expectedTitle(index), "\(format) chapter \(index + 1) title")
                XCTAssertEqual(read.start, Double(written.startMs) / 1000, accuracy: 0.0005, "\(format) chapter \(index + 1) start")
            }
            for (chapter, next) in zip(probe.chapters, probe.chapters.dropFirst()) {
                XCTAssertEqual(chapter.end, next.start, accuracy: 0.0005, "\(format): a chapter ends where the next starts")
            }
            XCTAssertEqual(probe.chapters.last?.end ?? 0, 12.0, accuracy: format.frameSeconds, "\(format): last chapter ends at the end")
            XCTAssertEqual(probe.tags["title"], Self.episode.title, "\(format)")
            XCTAssertEqual(probe.tags["artist"], Self.episode.artist, "\(format)")
            XCTAssertEqual(probe.tags["album"], Self.episode.album, "\(format)")
            XCTAssertEqual(probe.tags["date"], Self.episode.date, "\(format)")
            XCTAssertEqual(probe.tags["comment"], Self.episode.comment, "\(format)")
        }
    }

    func testChapterTimesAgreeAcrossFormatsWithinOneCodecFrame() throws {
        let probes = try TestMedia.Format.allCases.map { format in (format, try Probe(try makeTagged(format).url)) }
        let (_, reference) = probes[0]
        for (format, probe) in probes.dropFirst() {
            XCTAssertEqual(probe.chapters.count, reference.chapters.count)
            let tolerance = max(format.frameSeconds, TestMedia.Format.mp3.frameSeconds)
            for (a, b) in zip(reference.chapters, probe.chapters) {
                XCTAssertEqual(a.start, b.start, accuracy: tolerance, "mp3 vs \(format)")
                XCTAssertEqual(a.end, b.end, accuracy: tolerance, "mp3 vs \(format)")
                XCTAssertEqual(a.title, b.title, "mp3 vs \(format)")
            }
        }
    }

    // MARK: Decoding is unchanged

    func testLibsndfileDecodesTheSameSamplesAfterTagging() throws {
        for format in TestMedia.Format.allCases {
            let (url, written) = try TestMedia.tone(format, in: directory, name: "decode")
            let untagged = try TestMedia.decode(url)
            try tag(url, format, chapters: TestMedia.chapters)
            let tagged = try TestMedia.decode(url)
            XCTAssertEqual(tagged.count, untagged.count, "\(format): frame count changed by tagging")
            XCTAssertTrue(tagged == untagged, "\(format): decoded samples changed by tagging")
            // MP3: the LAME/Info frame tells the decoder the encoder delay and padding, so the length is exact.
            XCTAssertLessThanOrEqual(abs(tagged.count - written), format == .mp3 ? 1152 : 0, "\(format): \(tagged.count) of \(written)")
        }
    }

    // MARK: MP3

    func testMP3TagGoesBeforeTheUntouchedLAMEStream() throws {
        let (url, before, _) = try makeTagged(.mp3)
        let after = try TestMedia.bytes(url)
        let tagBytes = try ID3Tag(title: Self.episode.title, artist: Self.episode.artist, album: Self.episode.album,
                                  date: Self.episode.date, comment: Self.episode.comment,
                                  durationMs: TestMedia.durationMs, chapters: TestMedia.chapters).bytes()
        XCTAssertEqual(Array(before.prefix(2)), [0xFF, 0xFB], "libsndfile's MP3 starts with a frame")
        XCTAssertTrue(after == tagBytes + before, "tag + the original bytes, nothing else")
        let firstFrame = after[tagBytes.count..<tagBytes.count + 200]
        XCTAssertTrue(contains(firstFrame, "Xing") || contains(firstFrame, "Info"), "gapless header frame kept")
        XCTAssertTrue(contains(firstFrame, "LAME"))
        let reader = try ID3Reader(after)
        XCTAssertEqual(try reader.chapters().count, TestMedia.chapters.count)
    }

    func testMP3RetaggingReplacesTheOldTag() throws {
        let (url, before, _) = try makeTagged(.mp3)
        let chapters = [ChapterMark(title: "Only", startMs: 0)]
        try tag(url, .mp3, chapters: chapters, title: "Second")
        let after = try TestMedia.bytes(url)
        let reader = try ID3Reader(after)
        XCTAssertEqual(reader.values("TIT2"), ["Second"])
        XCTAssertEqual(try reader.chapters().map(\.title), ["Only"])
        XCTAssertTrue(Array(after[(10 + reader.declaredSize)...]) == before, "one tag, then the original stream")
        XCTAssertEqual(try Probe(url).chapters.count, 1)
    }

    func testMP3TagReplacesTheID3v2TagLAMEWrites() throws {
        // libsndfile hands strings over 30 bytes to LAME, which then writes its own ID3v2 tag at the start.
        let url = directory.appendingPathComponent("lame-tagged.mp3")
        let file = try SoundFile(writingTo: url.path, format: SoundFile.mp3, sampleRate: 44_100,
                                 strings: [(SoundFile.title, String(repeating: "Long LAME title ", count: 4))])
        try file.write([Int16](repeating: 0, count: 44_100))
        try file.close()
        let before = try TestMedia.bytes(url)
        let lameTag = try ID3Reader(before)
        let stream = Array(before[(10 + lameTag.declaredSize)...])
        try tag(url, .mp3, chapters: [ChapterMark(title: "One", startMs: 0)])
        let after = try TestMedia.bytes(url)
        let ours = try ID3Reader(after)
        XCTAssertEqual(ours.majorVersion, 3)
        XCTAssertEqual(ours.values("TIT2"), [Self.episode.title])
        let rest = Array(after[(10 + ours.declaredSize)...])
        XCTAssertEqual(Array(rest.prefix(1)), [0xFF], "the MPEG stream follows our tag directly")
        XCTAssertTrue(rest == Array(stream.drop { $0 == 0 }), "LAME's tag (and any padding) gone, the stream intact")
        XCTAssertEqual(try TestMedia.decode(url).count, try SoundFile(readingFrom: url.path).frames)
    }

    // MARK: FLAC

    func testFLACKeepsStreamInfoFirstVendorAudioAndAddsPadding() throws {
        let (url, before, _) = try makeTagged(.flac)
        let old = try FLACWalk(before), new = try FLACWalk(try TestMedia.bytes(url))
        XCTAssertEqual(new.blocks.map(\.type), [0, 4, 1], "STREAMINFO, VORBIS_COMMENT, PADDING")
        XCTAssertEqual(new.blocks.map(\.isLast), [false, false, true])
        XCTAssertEqual(new.blocks[0].body, old.blocks[0].body)
        XCTAssertEqual(new.blocks[2].body.count, 4096)
        let list = try CommentList(new.blocks[1].body[...])
        XCTAssertEqual(list.vendor, try CommentList(old.blocks[1].body[...]).vendor, "the encoder's vendor string is kept")
        XCTAssertTrue(list.entries.contains("CHAPTER005NAME=\(TestMedia.chapters[4].title)"))
        XCTAssertEqual(list.end, new.blocks[1].body.count, "nothing after the list (no framing bit in FLAC)")
        XCTAssertTrue(Array(try TestMedia.bytes(url)[new.audioStart...]) == Array(before[old.audioStart...]))
    }

    func testFLACRetagFitsInThePaddingInPlace() throws {
        let (url, _, _) = try makeTagged(.flac)
        let first = try TestMedia.bytes(url)
        let firstWalk = try FLACWalk(first)
        try tag(url, .flac, chapters: [ChapterMark(title: "Shorter", startMs: 0)], title: "Retagged")
        let second = try TestMedia.bytes(url)
        let walk = try FLACWalk(second)
        XCTAssertEqual(second.count, first.count, "written into the padding, same size")
        XCTAssertEqual(walk.audioStart, firstWalk.audioStart)
        XCTAssertEqual(walk.blocks.map(\.type), [0, 4, 1])
        XCTAssertEqual(walk.blocks.map(\.isLast), [false, false, true])
        XCTAssertTrue(Array(second[walk.audioStart...]) == Array(first[firstWalk.audioStart...]))
        let probe = try Probe(url)
        XCTAssertEqual(probe.chapters.map(\.title), ["Shorter"])
        XCTAssertEqual(probe.tags["title"], "Retagged")
        XCTAssertEqual(try TestMedia.decode(url).count, 12 * 44_100)

        // Comments too big for the padding: the file is rewritten, with fresh padding.
        let many = (0..<300).map { ChapterMark(title: TestMedia.longTitle, startMs: $0 * 40) }
        try tag(url, .flac, chapters: many)
        let third = try TestMedia.bytes(url)
        let grown = try FLACWalk(third)
        XCTAssertGreaterThan(third.count, second.count + 50_000)
        XCTAssertEqual(grown.blocks.map(\.type), [0, 4, 1])
        XCTAssertEqual(grown.blocks.map(\.isLast), [false, false, true])
        XCTAssertEqual(grown.blocks[2].body.count, 4096)
        XCTAssertTrue(Array(third[grown.audioStart...]) == Array(first[firstWalk.audioStart...]))
        XCTAssertEqual(try Probe(url).chapters.count, 300)
    }

    // MARK: Ogg

    func testOggPagesStayValidRenumberedAndTimedTheSame() throws {
        // Long titles make the comment header span several pages, so the following pages shift.
        let chapters = (0..<300).map { ChapterMark(title: "\($0 + 1). \(TestMedia.longTitle)", startMs: $0 * 40) }
        for format in [TestMedia.Format.opus, .vorbis] {
            let (url, before, _) = try makeTagged(format, chapters: chapters, name: "pages")
            let old = try OggWalk(before), new = try OggWalk(try TestMedia.bytes(url))
            let headerPackets = format == .opus ? 2 : 3
            let oldHeaderPages = old.packetEndPages[headerPackets - 1] + 1
            let newHeaderPages = new.packetEndPages[headerPackets - 1] + 1
            XCTAssertGreaterThan(newHeaderPages, oldHeaderPages, "\(format): the comment now spans more pages")

            XCTAssertTrue(new.pages.allSatisfy(\.crcMatches), "\(format): every CRC checks")
            XCTAssertEqual(new.pages.map(\.sequence), (0..<UInt32(new.pages.count)).map { $0 }, "\(format): sequence numbers run on")
            XCTAssertEqual(Set(new.pages.map(\.serial)), [old.pages[0].serial])
            XCTAssertEqual(new.pages.map { $0.headerType & 0x02 != 0 }, [true] + Array(repeating: false, count: new.pages.count - 1))
            XCTAssertEqual(new.pages.map { $0.headerType & 0x04 != 0 }, Array(repeating: false, count: new.pages.count - 1) + [true],
                           "\(format): end of stream on the last page only")
            // Header pages: a continued page says so; a page on which no packet ends has granule -1.
            for page in new.pages[1..<newHeaderPages] {
                let endsAPacket = page.lacing.contains { $0 < 255 }
                XCTAssertEqual(page.granule, endsAPacket ? 0 : UInt64.max, "\(format)")
            }
            for index in 1..<newHeaderPages {
                let continues = index > 1 && new.pages[index - 1].lacing.last == 255
                XCTAssertEqual(new.pages[index].headerType & 0x01 != 0, continues, "\(format): page \(index) continued flag")
            }
            // Audio pages: same bodies, lacing, granules and flags, in order.
            let oldAudio = old.pages[oldHeaderPages...], newAudio = new.pages[newHeaderPages...]
            XCTAssertEqual(newAudio.count, oldAudio.count)
            for (a, b) in zip(oldAudio, newAudio) {
                XCTAssertEqual(a.granule, b.granule)
                XCTAssertEqual(a.headerType, b.headerType)
                XCTAssertEqual(a.lacing, b.lacing)
                XCTAssertTrue(a.body == b.body)
            }
            // Packets: identification and (Vorbis) setup byte for byte; the comment parses.
            let oldPackets = old.packets, newPackets = new.packets
            XCTAssertEqual(newPackets.count, oldPackets.count)
            XCTAssertEqual(newPackets[0], oldPackets[0])
            if format == .vorbis { XCTAssertEqual(newPackets[2], oldPackets[2], "setup header kept") }
            let magic = format == .opus ? 8 : 7
            let list = try CommentList(newPackets[1][magic...])
            XCTAssertEqual(list.vendor, try CommentList(oldPackets[1][magic...]).vendor)
            XCTAssertEqual(list.entries.filter { $0.hasPrefix("CHAPTER") }.count, 600)
            if format == .vorbis {
                XCTAssertEqual(Array(newPackets[1][list.end...]), [0x01], "framing bit")
            } else {
                XCTAssertEqual(list.end, newPackets[1].count, "libsndfile's zero padding dropped")
            }
            let probe = try Probe(url)
            XCTAssertEqual(probe.errors, "", "\(format)")
            XCTAssertEqual(probe.chapters.count, 300, "\(format)")
            XCTAssertEqual(probe.chapters.last?.title, chapters.last?.title)
            XCTAssertEqual(probe.chapters.last?.start ?? 0, 11.96, accuracy: 0.0005)
            XCTAssertEqual(try TestMedia.decode(url).count, 12 * format.sampleRate, "\(format)")
        }
    }

    // MARK: Hostile cases

    func testZeroChaptersInEveryFormat() throws {
        for format in TestMedia.Format.allCases {
            let (url, _, _) = try makeTagged(format, chapters: [], name: "none")
            let probe = try Probe(url)
            XCTAssertEqual(probe.errors, "", "\(format)")
            XCTAssertEqual(probe.chapters.count, 0, "\(format)")
            XCTAssertEqual(probe.tags["title"], Self.episode.title, "\(format)")
        }
    }

    func testThreeHundredChaptersInEveryFormat() throws {
        let chapters = (0..<300).map { ChapterMark(title: $0 == 150 ? "" : "Chapter \($0 + 1)", startMs: $0 * 40) }
        for format in TestMedia.Format.allCases {
            let probe = try Probe(try makeTagged(format, chapters: chapters, name: "many").url)
            XCTAssertEqual(probe.errors, "", "\(format)")
            XCTAssertEqual(probe.chapters.count, 300, "\(format)")
            XCTAssertEqual(probe.chapters.map { $0.title ?? "" }, chapters.indices.map { TestMedia.expectedTitle($0, in: chapters) }, "\(format)")
            XCTAssertEqual(probe.chapters.map { ($0.start * 1000).rounded() }, chapters.map { Double($0.startMs) }, "\(format)")
        }
    }

    func testWrongFileTypesAreRefusedAndLeftUnchanged() throws {
        let flac = try TestMedia.tone(.flac, in: directory, name: "x").url
        let mp3 = try TestMedia.tone(.mp3, in: directory, name: "x").url
        let text = try TestEnvironment.write(Data("not audio at all".utf8), named: "x.txt", in: directory)
        let comment = try VorbisComment.episode(title: "t")
        let id3 = try ID3Tag(durationMs: 0)
        let attempts: [(URL, () throws -> Void)] = [
            (flac, { try id3.prepend(to: flac) }),
            (text, { try id3.prepend(to: text) }),
            (mp3, { try FLACMetadata.replaceComments(in: mp3, with: comment) }),
            (flac, { try OggComments.replaceComments(in: flac, with: comment) }),
            (text, { try OggComments.replaceComments(in: text, with: comment) }),
        ]
        for (url, attempt) in attempts {
            let before = try TestMedia.bytes(url)
            XCTAssertThrowsError(try attempt()) { error in
                let message = (error as? LocalizedError)?.errorDescription ?? ""
                XCTAssertTrue(message.hasPrefix(url.path), "the message names the file: \(message)")
            }
            XCTAssertTrue(try TestMedia.bytes(url) == before, "\(url.lastPathComponent) unchanged")
        }
        let missing = directory.appendingPathComponent("missing.mp3")
        XCTAssertThrowsError(try id3.prepend(to: missing))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }, [],
                       "no temporary files left behind")
    }

    func testASymbolicLinkIsFollowed() throws {
        let (target, _) = try TestMedia.tone(.vorbis, in: directory, name: "target")
        let link = directory.appendingPathComponent("link.ogg")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try tag(link, .vorbis, chapters: TestMedia.chapters)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), target.path, "still a link")
        XCTAssertEqual(try Probe(target).chapters.count, TestMedia.chapters.count)
    }

    func testDamagedOggPageIsRefusedNotResigned() throws {
        let (url, _) = try TestMedia.tone(.opus, in: directory, name: "damaged")
        var bytes = try TestMedia.bytes(url)
        bytes[bytes.count - 100] ^= 0x01    // inside the last audio page
        try Data(bytes).write(to: url)
        // The header pages must shift so every later page gets rewritten.
        let comment = try VorbisComment.episode(chapters: (0..<300).map { ChapterMark(title: TestMedia.longTitle, startMs: $0) })
        XCTAssertThrowsError(try OggComments.replaceComments(in: url, with: comment)) { error in
            guard case TaggingError.corruptFile(let path, let why) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, url.path)
            XCTAssertTrue(why.contains("CRC"), why)
        }
        XCTAssertTrue(try TestMedia.bytes(url) == bytes)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }, [])
    }

    private func contains(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return bytes.indices.contains { i in i + needle.count <= bytes.endIndex && Array(bytes[i..<i + needle.count]) == needle }
    }
}
