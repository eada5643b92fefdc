import Audio
import EditionCore
import EditionTestSupport
import Foundation
import Settings
@testable import Mastering
import XCTest

/// A programme's MP3 is encoded in parts on every core and joined inside pauses. Decoded by
/// ffmpeg and by libsndfile, it must be the master's exact length and sound like it throughout,
/// every seam included, and its rewritten LAME tag must carry CRCs a decoder accepts.
final class SegmentedMP3Tests: XCTestCase {
    func testAJoinedMP3IsGaplessAndSoundsLikeTheMaster() throws {
        let dir = try TestEnvironment.scratchDirectory("segmented")
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = try Self.speech(parts: 4)
        let (spool, _) = try long.programme(in: dir)
        let parts = try XCTUnwrap(try MP3Segments.parts(spool, lead: 0), "pauses to cut in")
        spool.discard()
        XCTAssertGreaterThanOrEqual(parts.count, 3)
        XCTAssertEqual(parts.first?.lowerBound, 0)
        XCTAssertEqual(parts.last?.upperBound, long.samples.count)
        for (a, b) in zip(parts, parts.dropFirst()) {
            XCTAssertEqual(b.lowerBound - a.upperBound, MP3Segments.padding(a.count) + 576, "left out: the padding and the delay")
            let gap = (a.upperBound - MP3Segments.margin)..<(b.lowerBound + MP3Segments.margin)
            XCTAssertTrue(long.samples[gap].allSatisfy { $0 == 0 }, "the seam at \(a.upperBound) is inside a pause")
        }

        let plan = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news").mastering
        _ = try long.master(Master(plan: plan, formats: [.wav, .mp3]), into: dir, name: "long")
        func decode(_ name: String) throws -> [Float] {
            let raw = dir.appendingPathComponent(name + ".f32").path
            let r = try CommandRunner.run("/usr/bin/env", ["ffmpeg", "-v", "error", "-y", "-i", dir.appendingPathComponent(name).path,
                                                           "-ar", "22050", "-ac", "1", "-f", "f32le", raw])
            XCTAssertEqual(r.status, 0, r.stderr)
            return try Data(contentsOf: URL(fileURLWithPath: raw)).withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        }
        let master = try decode("long.wav"), mp3 = try decode("long.mp3")
        XCTAssertEqual(mp3.count, master.count, "ffmpeg decodes the joined MP3 to the master's length")
        XCTAssertEqual(try SoundFile(readingFrom: dir.appendingPathComponent("long.mp3").path).frames, master.count,
                       "so does libsndfile (mpg123), which trusts the tag only if its CRC is right")
        func snr(_ range: Range<Int>) -> Double {
            var signal = 0.0, noise = 0.0
            for i in range { signal += Double(master[i] * master[i]); noise += Double((master[i] - mp3[i]) * (master[i] - mp3[i])) }
            return 10 * log10(signal / max(noise, 1e-12))
        }
        XCTAssertGreaterThan(snr(0..<min(master.count, mp3.count)), 18, "the whole")
        for part in parts.dropLast() {
            let seam = max(0, part.upperBound - 22050 * 3)..<min(master.count, part.upperBound + 22050 * 3)
            XCTAssertGreaterThan(snr(seam), 18, "three seconds either side of the seam at \(part.upperBound)")
        }

        // The Info frame's own CRC, recomputed bit by bit (not with the writer's table).
        let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent("long.mp3")))
        var id3 = 0
        if bytes.starts(with: Array("ID3".utf8)) {
            id3 = 10 + (Int(bytes[6]) << 21 | Int(bytes[7]) << 14 | Int(bytes[8]) << 7 | Int(bytes[9]))
        }
        let info = try XCTUnwrap((id3..<(id3 + 64)).first { bytes[$0..<($0 + 4)].elementsEqual("Info".utf8) })
        let crcAt = info + 120 + 34
        var crc: UInt16 = 0
        for byte in bytes[id3..<crcAt] {
            crc ^= UInt16(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xA001 : crc >> 1 }
        }
        XCTAssertEqual(crc, UInt16(bytes[crcAt]) << 8 | UInt16(bytes[crcAt + 1]))
    }

    /// An MP3 asked for alone is the measured stream: it is still encoded in parts on every
    /// core, and the parts' joined meters say what was written: ffmpeg's own meter agrees.
    func testAnMP3AloneIsEncodedInPartsAndMeasured() throws {
        let dir = try TestEnvironment.scratchDirectory("segmented-alone")
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = try Self.speech(parts: 3)
        let plan = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news").mastering
        let (_, report) = try long.master(Master(plan: plan, formats: [.mp3]), into: dir, name: "alone")
        XCTAssertEqual(report.loudness, plan.loudness, accuracy: 0.5)
        XCTAssertLessThanOrEqual(report.truePeak, plan.truePeak)
        let lufs = try FFmpegMeter.loudness(dir.appendingPathComponent("alone.mp3").path).integrated
        XCTAssertEqual(lufs, report.loudness, accuracy: 0.5, "ffmpeg's meter on the decoded MP3")
    }

    /// Real speech, repeated to about `parts` MP3 parts' length.
    static func speech(parts: Int) throws -> Speech {
        let speech = try Speech.council.get()
        let times = parts * MP3Segments.partSamples / speech.samples.count + 1
        return speech.repeated(times)
    }

    func testLAMEsOwnTagCRCsAreReproduced() throws {
        let dir = try TestEnvironment.scratchDirectory("lametag")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tone.mp3").path
        let writer = try MP3Writer(path: path, sampleRate: 22050)
        let tone = (0..<100_000).map { Float(0.3 * sin(Double($0) * 0.05)) }
        try tone.withUnsafeBufferPointer { try writer.write($0) }
        try writer.close()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let frame = writer.tagFrame
        XCTAssertEqual(Array(bytes.prefix(frame.count)), frame)
        var patched = frame
        // Rewriting with the totals LAME itself wrote must give back LAME's own frame, CRCs included.
        XCTAssertTrue(LameTag.patch(&patched, frames: UInt32(writer.encodedFrames), bytes: UInt32(bytes.count),
                                    padding: writer.padding, musicCRC: LameTag.crc16(bytes[frame.count...])))
        XCTAssertEqual(patched, frame)
        XCTAssertEqual(writer.padding, MP3Segments.padding(100_000), "LAME pads as MP3Segments expects")
    }
}
