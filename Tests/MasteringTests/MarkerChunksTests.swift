import Assembling
import Audio
import EditionCore
import Mastering
import EditionTestSupport
import Foundation
import XCTest

/// Chapter names of every length and script must survive libsndfile, our RIFF parser and ffprobe:
/// the padding rules of RIFF sub-chunks are where these three readers disagree.
final class MarkerChunksTests: XCTestCase {
    func testTitlesOfEveryLengthReadBackEverywhere() throws {
        let dir = try TestEnvironment.scratchDirectory("markers")
        defer { try? FileManager.default.removeItem(at: dir) }
        let titles = ["A", "Ab", "Abc", "Abcd", "Abcde", "Київ — «війна»", "Emoji 🎙️ & <tags>", String(repeating: "Long ", count: 30) + "end"]
        let recorder = try ProgrammeRecorder(sampleRate: 22050, scratchDirectory: dir)
        defer { recorder.discard() }
        for (i, title) in titles.enumerated() {
            recorder.beginChapter(title)
            // A short tone per chapter, so positions differ and the data is not all zero.
            let tone = (0..<2205).map { Int16(8000 * sin(Double($0 + i) * 0.1)) }
            try recorder.append(Take(sampleRate: 22050, samples: tone, words: []), for: Chunk(text: "", pauseAfter: 0))
        }
        let path = dir.appendingPathComponent("markers.wav").path
        _ = try Master(plan: MasteringPlan(sampleRate: 22050), formats: [.wav])
            .render(spool: recorder.spool, timeline: try recorder.finish(), tags: EpisodeTags(title: "Markers")) { _ in path }

        let cues = try SoundFile(readingFrom: path).cues()
        XCTAssertEqual(cues.map(\.name), titles)
        XCTAssertEqual(cues.map(\.position), (0..<titles.count).map { $0 * 2205 })
        XCTAssertEqual(try SoundFile(readingFrom: path).frames, titles.count * 2205)

        let riff = try RIFFReader(url: URL(fileURLWithPath: path))
        XCTAssertEqual(riff.cuePoints.map { riff.labels[$0.id] }, titles)

        let probe = try CommandRunner.run("/usr/bin/env", ["ffprobe", "-v", "error", "-print_format", "json", "-show_chapters", path])
        XCTAssertEqual(probe.status, 0, probe.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(probe.stdout.utf8)) as? [String: Any]
        let chapters = try XCTUnwrap(json?["chapters"] as? [[String: Any]])
        XCTAssertEqual(chapters.compactMap { ($0["tags"] as? [String: Any])?["title"] as? String }, titles)
    }
}
