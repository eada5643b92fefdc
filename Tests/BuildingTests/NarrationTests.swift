import Audio
import Building
import Settings
import EditionCore
import EditionTestSupport
import Foundation
import Synthesizing
import XCTest

/// Narrates real articles through real espeak-ng workers and checks the files with readers
/// that share no code with the writers: a RIFF parser, libsndfile, and ffprobe.
final class NarrationTests: XCTestCase {
    static let article = """
        Council approves new bridge over the river

        The city council voted on Tuesday to build a new bridge. Work starts next spring.

        Residents welcomed the decision. “It is about time,” one said.
        """

    /// One narration for the whole class: every test reads the same files.
    static let fixture = Result { () throws -> (output: URL, narration: Narration) in
        let output = try TestEnvironment.scratchDirectory("narration")
        let source = try TestEnvironment.write(Data(article.utf8), named: "article.txt", in: output)
        return (output, try TestNarrator.narrate(source.path, into: output))
    }

    var output: URL!
    var profile: VoiceProfile!

    override func setUpWithError() throws {
        output = try Self.fixture.get().output
        profile = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news")
    }

    override class func tearDown() {
        if let output = try? fixture.get().output { try? FileManager.default.removeItem(at: output) }
    }

    func testWAVHeaderAndLengthAgree() throws {
        let narration = try Self.fixture.get().narration
        let wav = output.appendingPathComponent("council-approves-new-bridge-over-the-river.wav")
        let riff = try RIFFReader(url: wav)
        XCTAssertEqual(riff.form, "RIFF", "a small file is downgraded from RF64 to plain RIFF")
        XCTAssertEqual(Int(riff.riffSize), riff.bytes.count - 8, "RIFF size must cover the whole file")
        let format = try XCTUnwrap(riff.format)
        XCTAssertEqual(format.channels, 1)
        XCTAssertEqual(format.sampleRate, 44100, "mastered to the profile's output rate")
        XCTAssertEqual(format.bits, 16)
        let data = try XCTUnwrap(riff.chunk("data"))
        XCTAssertEqual(data.data.count, narration.timeline.totalSamples * 2)
        XCTAssertGreaterThan(narration.timeline.duration, 3, "speech of two paragraphs lasts seconds")

        let file = try SoundFile(readingFrom: wav.path)
        XCTAssertEqual(file.frames, narration.timeline.totalSamples)
        XCTAssertEqual(file.sampleRate, 44100)
        XCTAssertTrue(file.readAll().contains { abs(Int($0)) > 1000 }, "the file holds audible speech")
    }

    func testMarkersAreNamedInOrderAndWrittenBeforeTheAudio() throws {
        let narration = try Self.fixture.get().narration
        let wav = output.appendingPathComponent("council-approves-new-bridge-over-the-river.wav")
        let riff = try RIFFReader(url: wav)
        let cues = riff.cuePoints
        let labels = riff.labels
        XCTAssertEqual(cues.map { labels[$0.id] }, ["Council approves new bridge over the river", "Story"])
        XCTAssertEqual(cues.map { Int($0.sampleOffset) }, narration.timeline.chapters.map(\.start))
        XCTAssertEqual(cues.first?.sampleOffset, 0)
        XCTAssertTrue(zip(cues, cues.dropFirst()).allSatisfy { $0.sampleOffset < $1.sampleOffset })
        let dataIndex = try XCTUnwrap(riff.chunkIndex("data"))
        XCTAssertLessThan(try XCTUnwrap(riff.chunkIndex("cue ")), dataIndex)
        XCTAssertLessThan(try XCTUnwrap(riff.chunks.lastIndex { $0.id == "LIST" }), dataIndex)
        XCTAssertEqual(riff.info["INAM"], "Council approves new bridge over the river")
        XCTAssertTrue(riff.info["ISFT"]?.hasPrefix("edition") ?? false)

        // libsndfile reads the names back from the labl chunks.
        let readBack = try SoundFile(readingFrom: wav.path).cues()
        XCTAssertEqual(readBack.map(\.name), ["Council approves new bridge over the river", "Story"])
        XCTAssertEqual(readBack.map(\.position), narration.timeline.chapters.map(\.start))
    }

    func testFFprobeListsTheNamedChapters() throws {
        let narration = try Self.fixture.get().narration
        let wav = output.appendingPathComponent("\(narration.episode.slug).wav")
        let probe = try CommandRunner.run("/usr/bin/env", ["ffprobe", "-v", "error", "-print_format", "json", "-show_chapters", wav.path])
        XCTAssertEqual(probe.status, 0, "ffprobe must be installed (make deps): \(probe.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(probe.stdout.utf8)) as? [String: Any]
        let chapters = try XCTUnwrap(json?["chapters"] as? [[String: Any]])
        let titles = chapters.compactMap { ($0["tags"] as? [String: Any])?["title"] as? String }
        XCTAssertEqual(titles, narration.timeline.chapters.map(\.title))
        let starts = chapters.compactMap { $0["start"] as? Int }
        XCTAssertEqual(starts, narration.timeline.chapters.map(\.start))
    }

    func testMetadataJSONMatchesTheFiles() throws {
        let narration = try Self.fixture.get().narration
        let slug = narration.episode.slug
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("\(slug).json"))) as? [String: Any]
        let meta = try XCTUnwrap(json)
        XCTAssertEqual(meta["title"] as? String, "Council approves new bridge over the river")
        XCTAssertEqual(meta["voice"] as? String, "en-us-news")
        XCTAssertEqual(meta["sampleRate"] as? Int, 44100)
        let file = try SoundFile(readingFrom: output.appendingPathComponent("\(slug).wav").path)
        let duration = try XCTUnwrap(meta["duration"] as? Double)
        XCTAssertEqual(duration, Double(file.frames) / 44100, accuracy: 0.001)
        let source = try XCTUnwrap(meta["source"] as? [String: Any])
        let expectedHash = try CommandRunner.run("/usr/bin/env", ["sha256sum", output.appendingPathComponent("article.txt").path])
            .stdout.split(separator: " ").first.map(String.init)
        XCTAssertEqual(source["sha256"] as? String, expectedHash)
        let files = try XCTUnwrap(meta["files"] as? [String])
        XCTAssertEqual(Set(files), ["\(slug).wav", "\(slug).mp3", "\(slug).chapters.json", "\(slug).json", "\(slug).vtt",
                                    "\(slug).srt", "\(slug).transcript.json"])
        for name in files { XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), name) }
        let chapters = try XCTUnwrap(meta["chapters"] as? [[String: Any]])
        let cues = try SoundFile(readingFrom: output.appendingPathComponent("\(slug).wav").path).cues()
        XCTAssertEqual(chapters.compactMap { $0["title"] as? String }, cues.map(\.name))
        for (chapter, cue) in zip(chapters, cues) {
            XCTAssertEqual(chapter["startTime"] as? Double ?? -1, Double(cue.position) / 44100, accuracy: 0.001)
        }

        let chaptersJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("\(slug).chapters.json"))) as? [String: Any]
        XCTAssertEqual(chaptersJSON?["version"] as? String, "1.2.0")
        XCTAssertEqual((chaptersJSON?["chapters"] as? [[String: Any]])?.count, cues.count)
        // No temporary files are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    func testPausesFromTheProfileAreSilenceSamples() throws {
        let narration = try Self.fixture.get().narration
        let file = try SoundFile(readingFrom: output.appendingPathComponent("\(narration.episode.slug).wav").path)
        let samples = file.readAll()
        // The longest run of (near) digital silence is the chapter pause.
        var longest = 0, run = 0
        for s in samples { run = abs(Int(s)) <= 8 ? run + 1 : 0; longest = max(longest, run) }
        let chapterPause = profile.pauses.chapter * 44100 / 1000
        XCTAssertGreaterThanOrEqual(longest, chapterPause - 44100 / 100)
        XCTAssertLessThan(longest, chapterPause + 44100 / 20, "espeak's own trailing silence is trimmed")
    }
}
