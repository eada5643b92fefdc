import Audio
import EditionCore
import EditionTestSupport
import Foundation
import Settings
@testable import Mastering
import XCTest

/// A programme's Opus stream is encoded in parts on every core and laid end to end as one Ogg
/// stream. Read by independent readers (ffmpeg, ffprobe and a page parser of this test's own),
/// it must hold the master's exact length, sound like it throughout, every seam included, and
/// carry its chapters.
final class SegmentedOpusTests: XCTestCase {
    func testAJoinedOpusStreamHasTheMastersLengthSoundAndChapters() throws {
        let dir = try TestEnvironment.scratchDirectory("segmented-opus")
        defer { try? FileManager.default.removeItem(at: dir) }
        let speech = try Speech.council.get()
        let times = 3 * OpusSegments.partSeconds * speech.sampleRate / speech.samples.count + 1
        let long = speech.repeated(times, chapters: [Chapter(title: "First", start: 0), Chapter(title: "Second", start: speech.samples.count)])
        let (spool, _) = try long.programme(in: dir)
        // With and without an intro clip ahead of the spool (`lead` samples).
        var parts: [Range<Int>] = []
        for lead in [1000, 0] {
            parts = try OpusSegments.parts(spool, lead: lead, sourceRate: 22050)
            XCTAssertGreaterThanOrEqual(parts.count, 3)
            XCTAssertEqual(parts.first?.lowerBound, 0)
            XCTAssertEqual(parts.last?.upperBound, long.samples.count)
            for (a, b) in zip(parts, parts.dropFirst()) {
                XCTAssertEqual(a.upperBound, b.lowerBound, "no sample left out")
                XCTAssertEqual((lead + b.lowerBound) % 441, 0, "a cut falls on a 20 ms frame of the whole stream")
                XCTAssertTrue(long.samples[(b.lowerBound - 3 * 441)..<(b.lowerBound + 3 * 441)].allSatisfy { $0 == 0 },
                              "the cut at \(b.lowerBound) has three silent frames either side")
            }
        }
        spool.discard()

        let plan = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news").mastering
        var master = Master(plan: plan, formats: [.wav, .opus])
        master.plan.sampleRate = 22050
        _ = try long.master(master, into: dir, name: "long")
        let opus = dir.appendingPathComponent("long.opus").path
        let reference = try FFmpegDecoder.floats(dir.appendingPathComponent("long.wav").path, rate: 48000)
        let decoded = try FFmpegDecoder.floats(opus, rate: 48000)
        XCTAssertEqual(decoded.count, reference.count, "ffmpeg decodes the joined stream to the master's length (end trimming)")
        func snr(_ range: Range<Int>) -> Double { FFmpegDecoder.snr(reference, decoded, range) }
        let n = min(reference.count, decoded.count)
        XCTAssertGreaterThan(snr(0..<n), 15, "the whole (libsndfile's Opus measured 17.6 dB here)")
        for part in parts.dropLast() {
            let at = part.upperBound * 320 / 147
            XCTAssertGreaterThan(snr(max(0, at - 48000 * 3)..<min(n, at + 48000 * 3)), 14, "three seconds either side of the seam at \(at)")
        }

        // The pages, read by this test: OpusHead alone on the first page (beginning of stream),
        // OpusTags next, and the last page ends the stream at the programme's end.
        let pages = try OggPages.read(opus)
        XCTAssertEqual(pages.first?.flags, 2)
        XCTAssertTrue(pages[0].body.starts(with: Array("OpusHead".utf8)))
        XCTAssertTrue(pages[1].body.starts(with: Array("OpusTags".utf8)))
        let preSkip = Int64(pages[0].body[pages[0].body.startIndex + 10]) | Int64(pages[0].body[pages[0].body.startIndex + 11]) << 8
        XCTAssertEqual(pages.last?.flags, 4, "end of stream")
        XCTAssertEqual(pages.last?.granule, preSkip + Int64(reference.count))

        let probe = try CommandRunner.run("/usr/bin/env", ["ffprobe", "-v", "error", "-show_chapters", "-of", "csv=p=0", opus])
        XCTAssertEqual(probe.status, 0, probe.stderr)
        let titles = probe.stdout.split(separator: "\n").compactMap { $0.split(separator: ",").last.map(String.init) }
        XCTAssertEqual(titles, ["First", "Second"], probe.stdout)
    }

    /// Opus asked for alone is the measured stream: encoded in parts, its parts' joined meters
    /// say what was written, and ffmpeg's meter on the decoded stream agrees with the target.
    func testOpusAloneIsMeasuredAndOnTarget() throws {
        let dir = try TestEnvironment.scratchDirectory("segmented-opus-alone")
        defer { try? FileManager.default.removeItem(at: dir) }
        let speech = try Speech.council.get()
        let long = speech.repeated(4)
        let plan = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news").mastering
        let (_, report) = try long.master(Master(plan: plan, formats: [.opus]), into: dir, name: "alone")
        XCTAssertEqual(report.loudness, plan.loudness, accuracy: 0.5)
        XCTAssertLessThanOrEqual(report.truePeak, plan.truePeak)
        let decoded = try FFmpegMeter.loudness(dir.appendingPathComponent("alone.opus").path)
        XCTAssertEqual(decoded.integrated, plan.loudness, accuracy: 0.5, "ffmpeg's meter on the decoded Opus")
        XCTAssertLessThanOrEqual(decoded.truePeak, -1.0, "under Apple's -1 dBTP after decoding")
    }
}
