import Audio
import EditionCore
import EditionTestSupport
import Foundation
import Settings
@testable import Mastering
import XCTest

/// A programme is mastered in segments cut inside its pauses, on every core. The cuts must lie
/// in silence, and the result must be the one-piece master in all but rounding: the same length,
/// the same loudness and peak, no audible seam, and the same bytes on every run.
final class ParallelMasterTests: XCTestCase {
    func testSegmentsAreCutInPausesAndMasterLikeOnePiece() throws {
        let dir = try TestEnvironment.scratchDirectory("parallel")
        defer { try? FileManager.default.removeItem(at: dir) }
        let speech = try Speech.council.get()
        let rate = speech.sampleRate
        let long = speech.repeated(8)
        let (spool, timeline) = try long.programme(in: dir)
        defer { spool.discard() }

        let every = 20 * rate, minimum = rate / 20
        let segments = try PauseCuts.segments(spool, every: every, minimum: minimum)
        XCTAssertGreaterThanOrEqual(segments.count, 4, "\(Double(spool.count) / Double(rate)) s in \(segments)")
        XCTAssertEqual(segments.first?.lowerBound, 0)
        XCTAssertEqual(segments.last?.upperBound, spool.count)
        for (a, b) in zip(segments, segments.dropFirst()) {
            XCTAssertEqual(a.upperBound, b.lowerBound, "segments tile the programme")
            let around = long.samples[(a.upperBound - minimum / 2)..<(a.upperBound + minimum / 2)]
            XCTAssertTrue(around.allSatisfy { $0 == 0 }, "the cut at \(a.upperBound) lies in a pause")
        }

        func master(_ name: String, segmentLength: Int) throws -> (path: String, encoded: Encoded) {
            let path = dir.appendingPathComponent(name).path
            let job = EncodeJob(format: .wav, path: path, rate: 2 * rate, gain: Float(pow(10, 6.0 / 20)),
                                ceiling: Float(pow(10, -2.0 / 20)), sourceRate: rate, intro: nil, outro: nil,
                                timeline: timeline.shifted(lead: 0, tail: 0, rate: 2 * rate), tags: EpisodeTags(title: "Parallel"),
                                measures: true, segmentLength: segmentLength)
            return (path, try job.run(spool: spool))
        }
        let parts = try master("parts.wav", segmentLength: every)
        let whole = try master("whole.wav", segmentLength: Int.max / 2)
        let again = try master("again.wav", segmentLength: every)

        let a = try SoundFile(readingFrom: parts.path).readAll(), b = try SoundFile(readingFrom: whole.path).readAll()
        XCTAssertEqual(a.count, 2 * long.samples.count, "exactly twice the programme at twice the rate")
        XCTAssertEqual(a.count, b.count)
        var signal = 0.0, noise = 0.0
        for i in 0..<min(a.count, b.count) {
            signal += Double(b[i]) * Double(b[i])
            noise += (Double(a[i]) - Double(b[i])) * (Double(a[i]) - Double(b[i]))
        }
        let snr = 10 * log10(signal / max(noise, 1e-9))
        XCTAssertGreaterThan(snr, 60, "segments against one piece: \(snr) dB")

        let p = try XCTUnwrap(parts.encoded.measured), w = try XCTUnwrap(whole.encoded.measured)
        XCTAssertEqual(p.loudness, w.loudness, accuracy: 0.05, "the segments' meters, merged, read as one meter")
        XCTAssertEqual(p.truePeak, w.truePeak, accuracy: 0.1)
        XCTAssertLessThanOrEqual(p.truePeak, -2 + Double(Master.limiterMargin), "the ceiling holds in every segment, within the margin kept for peaks between samples")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: parts.path)), try Data(contentsOf: URL(fileURLWithPath: again.path)),
                       "the same programme gives the same bytes")
    }

    /// At 48 kHz (320/147 of the engine's rate) segments start on multiples of 147 samples, so the
    /// segmented master has the whole programme's exact length and samples: no segment's output
    /// is rounded up.
    func testA48kHzMasterInSegmentsHasTheExactLength() throws {
        let dir = try TestEnvironment.scratchDirectory("parallel-48k")
        defer { try? FileManager.default.removeItem(at: dir) }
        let speech = try Speech.council.get()
        let long = speech.repeated(6)
        let (spool, timeline) = try long.programme(in: dir)
        defer { spool.discard() }
        func master(_ name: String, segmentLength: Int) throws -> [Int16] {
            let path = dir.appendingPathComponent(name).path
            _ = try EncodeJob(format: .wav, path: path, rate: 48000, gain: 1, ceiling: Float(pow(10, -2.0 / 20)), sourceRate: 22050,
                              intro: nil, outro: nil, timeline: timeline.shifted(lead: 0, tail: 0, rate: 48000),
                              tags: EpisodeTags(title: "48k"), segmentLength: segmentLength).run(spool: spool)
            return try SoundFile(readingFrom: path).readAll()
        }
        let segments = try PauseCuts.segments(spool, every: 10 * 22050, minimum: 22050 / 20, grid: 147)
        XCTAssertGreaterThanOrEqual(segments.count, 3)
        XCTAssertTrue(segments.allSatisfy { $0.lowerBound % 147 == 0 })
        let parts = try master("parts.wav", segmentLength: 10 * 22050), whole = try master("whole.wav", segmentLength: Int.max / 2)
        XCTAssertEqual(parts.count, (long.samples.count * 320 + 146) / 147, "ceil(n · 320/147), as one piece gives")
        XCTAssertEqual(parts.count, whole.count)
        var signal = 0.0, noise = 0.0
        for i in 0..<min(parts.count, whole.count) {
            signal += Double(whole[i]) * Double(whole[i])
            noise += (Double(parts[i]) - Double(whole[i])) * (Double(parts[i]) - Double(whole[i]))
        }
        XCTAssertGreaterThan(10 * log10(signal / max(noise, 1e-9)), 60, "no segment is shifted against the whole")
    }

    /// Segments reach the encoders as 30-second blocks: every format must take them (libsndfile's
    /// Vorbis encoder crashed on one block that large) and decode to the programme's length.
    func testEveryFormatTakesWholeSegments() throws {
        let dir = try TestEnvironment.scratchDirectory("parallel-formats")
        defer { try? FileManager.default.removeItem(at: dir) }
        let speech = try Speech.council.get()
        let long = speech.repeated(8)
        let plan = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news").mastering
        let formats: [AudioFormat] = [.flac, .vorbis, .opus]
        _ = try long.master(Master(plan: plan, formats: formats), into: dir, name: "long")
        let seconds = Double(long.samples.count) / Double(long.sampleRate)
        for format in formats {
            let path = dir.appendingPathComponent("long.\(format.fileExtension)").path
            let probe = try CommandRunner.run("/usr/bin/env", ["ffprobe", "-v", "error", "-show_entries", "format=duration",
                                                               "-of", "default=noprint_wrappers=1:nokey=1", path])
            XCTAssertEqual(probe.status, 0, probe.stderr)
            let duration = try XCTUnwrap(Double(probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), probe.stdout)
            XCTAssertEqual(duration, seconds, accuracy: 0.05, "\(format): ffprobe reads the whole programme")
        }
    }
}
