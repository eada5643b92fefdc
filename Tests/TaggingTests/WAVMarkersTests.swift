import Audio
import EditionCore
import EditionTestSupport
import Foundation
import Tagging
import XCTest

/// Chapters of a WAV written as RF64 (as a narration past 4 GiB is) must read back like those
/// of a plain RIFF WAV: libsndfile sees no cues in RF64, so we read the chunks ourselves. A small
/// RF64 file written without the downgrade stands in for a 5 GB one.
final class WAVMarkersTests: XCTestCase {
    let titles = ["Intro", "Київ — «війна»", "Third part", "Odd"]
    let positions = [0, 22_050, 44_100, 50_001]
    var dir: URL!

    override func setUpWithError() throws { dir = try TestEnvironment.scratchDirectory("wav-markers") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(rf64: Bool) throws -> URL {
        let url = dir.appendingPathComponent(rf64 ? "long.wav" : "short.wav")
        let chapters = zip(titles, positions).map { Chapter(title: $0, start: $1) }
        let file = try SoundFile(writingTo: url.path, format: SoundFile.wav16, sampleRate: 22050,
                                 chunks: MarkerChunks.chunks(for: chapters), strings: [(SoundFile.title, "An RF64 episode")],
                                 autoDowngrade: !rf64)
        let tone = (0..<66_150).map { Float(0.3 * sin(Double($0) * 0.05)) }
        try tone.withUnsafeBufferPointer { try file.write($0) }
        try file.close()
        return url
    }

    func testRF64AndRIFFGiveTheSameChapters() throws {
        let long = try write(rf64: true), short = try write(rf64: false)
        // The files are what they claim, by an independent parser.
        let riff64 = try RIFFReader(url: long)
        XCTAssertEqual(riff64.form, "RF64")
        XCTAssertNotNil(riff64.chunk("ds64"))
        XCTAssertEqual(riff64.cuePoints.map(\.sampleOffset), positions.map(UInt32.init))
        XCTAssertEqual(try RIFFReader(url: short).form, "RIFF")

        for url in [long, short] {
            let wav = try WAVMarkers.read(url)
            XCTAssertEqual(wav.sampleRate, 22050)
            XCTAssertEqual(wav.markers.map(\.name), titles, url.lastPathComponent)
            XCTAssertEqual(wav.markers.map(\.position), positions, url.lastPathComponent)
            let contents = try ChapterReading.read(url)
            XCTAssertEqual(contents.chapters.map(\.startMs), positions.map { ($0 * 1000 + 11025) / 22050 })
            XCTAssertEqual(contents.title, "An RF64 episode")
        }
        // ffprobe reads the RF64 file's chapters too: the file is right, not only our reader.
        let probe = try CommandRunner.run("/usr/bin/env", ["ffprobe", "-v", "error", "-print_format", "json", "-show_chapters", long.path])
        XCTAssertEqual(probe.status, 0, probe.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(probe.stdout.utf8)) as? [String: Any]
        let chapters = try XCTUnwrap(json?["chapters"] as? [[String: Any]])
        XCTAssertEqual(chapters.compactMap { ($0["tags"] as? [String: Any])?["title"] as? String }, titles)
    }

    func testDamagedWAVsGiveATypedErrorOrValidMarkers() throws {
        let bytes = try Data(contentsOf: try write(rf64: true))
        var random = SplitMix64(seed: 64)
        let damaged = dir.appendingPathComponent("damaged.wav")
        for trial in 0..<300 {
            var copy = bytes
            if trial % 3 == 0 {
                copy = copy.prefix(Int.random(in: 0..<min(copy.count, 400), using: &random))  // cut short
            } else {
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    copy[Int.random(in: 0..<200, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            }
            try copy.write(to: damaged)
            do {
                let wav = try WAVMarkers.read(damaged)
                XCTAssertGreaterThan(wav.sampleRate, 0)
                XCTAssertLessThanOrEqual(wav.markers.count, copy.count / 24, "trial \(trial)")
            } catch is TaggingError {
                // a typed error naming the file: fine
            }
        }
    }
}
