import Audio
import EditionCore
import EditionTestSupport
import Foundation
import Settings
@testable import Mastering
import XCTest

/// A programme's Vorbis stream is encoded in parts on every core and laid end to end as one Ogg
/// stream, each part starting where the blocks at the end of the one before it put it. Read by
/// independent readers (ffmpeg, libsndfile's libvorbisfile, ffprobe and this test's own page
/// parser), it must hold the master's exact length, sound as one encoder's would throughout,
/// every seam included, and carry its chapters.
final class SegmentedVorbisTests: XCTestCase {
    func testAJoinedVorbisStreamHasTheMastersLengthSoundAndChapters() throws {
        let dir = try TestEnvironment.scratchDirectory("segmented-vorbis")
        defer { try? FileManager.default.removeItem(at: dir) }
        let speech = try Speech.council.get()
        let times = 3 * VorbisSegments.partSeconds * speech.sampleRate / speech.samples.count + 1
        let long = speech.repeated(times, chapters: [Chapter(title: "First", start: 0), Chapter(title: "Second", start: speech.samples.count)])
        let (spool, _) = try long.programme(in: dir)
        let cuts = try VorbisSegments.cuts(spool, sampleRate: 22050)
        spool.discard()
        let quiet = try VorbisPartWriter.quietNeeded(sampleRate: 22050)
        XCTAssertGreaterThanOrEqual(cuts.count, 2)
        XCTAssertEqual(cuts, cuts.sorted())
        for cut in cuts {
            XCTAssertTrue(long.samples[(cut - VorbisSegments.margin)..<(cut + quiet)].allSatisfy { $0 == 0 },
                          "the cut at \(cut) is followed by the silence its seam needs")
        }

        let plan = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news").mastering
        // Unmastered, so that the WAV holds exactly what the Vorbis encoders were given (mastered,
        // Vorbis is limited under a lower ceiling than the WAV: `AudioFormat.extraHeadroom`).
        var master = Master(plan: plan, formats: [.wav, .vorbis])
        master.plan.sampleRate = 22050
        master.plan.normalize = false
        _ = try long.master(master, into: dir, name: "long")
        let wav = dir.appendingPathComponent("long.wav").path, ogg = dir.appendingPathComponent("long.ogg").path
        let reference = try FFmpegDecoder.floats(wav), decoded = try FFmpegDecoder.floats(ogg)
        XCTAssertEqual(decoded.count, reference.count, "ffmpeg decodes the joined stream to the master's length")
        XCTAssertEqual(try SoundFile(readingFrom: ogg).frames, reference.count, "so does libvorbisfile, through libsndfile")

        // The same master through one encoder: the joined stream must sound as good, seams included.
        let whole = dir.appendingPathComponent("whole.ogg").path
        let writer = try VorbisPartWriter(path: whole + ".part0", sampleRate: 22050, final: true)
        try reference.withUnsafeBufferPointer { try writer.write($0) }
        try writer.close()
        let headers = try VorbisPartWriter.headers(sampleRate: 22050)
        try OggVorbisJoin.join([whole + ".part0"], starts: [0], samples: reference.count,
                               headers: [headers.identification, [0x03] + Array("vorbis".utf8) + [0, 0, 0, 0, 0, 0, 0, 0, 1], headers.setup],
                               into: whole)
        let one = try FFmpegDecoder.floats(whole)
        XCTAssertEqual(one.count, reference.count)
        let n = min(reference.count, decoded.count, one.count)
        let joined = FFmpegDecoder.snr(reference, decoded, 0..<n), single = FFmpegDecoder.snr(reference, one, 0..<n)
        XCTAssertGreaterThan(joined, 15, "the whole")
        XCTAssertGreaterThan(joined, single - 0.3, "the whole, against one encoder's \(single) dB")
        for cut in cuts {
            let around = max(0, cut - 22050 * 3)..<min(n, cut + 22050 * 3)
            XCTAssertGreaterThan(FFmpegDecoder.snr(reference, decoded, around), FFmpegDecoder.snr(reference, one, around) - 1,
                                 "three seconds either side of the seam at \(cut)")
            // Every sample lands where the master has it: shifted by one sample, the speech
            // after the seam would lose most of its SNR.
            let after = (cut + 22050 / 10)..<min(n, cut + 22050 * 2)
            XCTAssertGreaterThan(FFmpegDecoder.snr(reference, decoded, after), 10, "the speech after the seam at \(cut)")
        }

        // The pages: the identification header alone on the first page (beginning of stream),
        // the comment and setup headers next, granule positions that never go back, and the
        // last page ends the stream at the programme's end.
        let pages = try OggPages.read(ogg)
        XCTAssertEqual(pages.first?.flags, 2)
        XCTAssertEqual(pages.first?.body.count, 30, "the identification header alone")
        XCTAssertTrue(pages[0].body.starts(with: [0x01] + Array("vorbis".utf8)))
        XCTAssertTrue(pages[1].body.starts(with: [0x03] + Array("vorbis".utf8)))
        let granules = pages.dropFirst(2).map(\.granule).filter { $0 >= 0 }
        XCTAssertEqual(granules, granules.sorted())
        XCTAssertEqual(pages.last?.flags, 4, "end of stream")
        XCTAssertEqual(pages.last?.granule, Int64(reference.count))

        let probe = try CommandRunner.run("/usr/bin/env", ["ffprobe", "-v", "error", "-show_chapters", "-of", "csv=p=0", ogg])
        XCTAssertEqual(probe.status, 0, probe.stderr)
        let titles = probe.stdout.split(separator: "\n").compactMap { $0.split(separator: ",").last.map(String.init) }
        XCTAssertEqual(titles, ["First", "Second"], probe.stdout)
    }

    /// Vorbis asked for alone is the measured stream: its parts' joined meters say what was
    /// written, ffmpeg's meter agrees with the target, and rendering it again gives the same
    /// bytes (a part's start depends on the programme alone, never on timing).
    func testVorbisAloneIsMeasuredOnTargetAndTheSameEveryTime() throws {
        let dir = try TestEnvironment.scratchDirectory("segmented-vorbis-alone")
        defer { try? FileManager.default.removeItem(at: dir) }
        let speech = try Speech.council.get()
        let long = speech.repeated(4 * VorbisSegments.partSeconds * speech.sampleRate / speech.samples.count + 1)
        let plan = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news").mastering
        let (_, report) = try long.master(Master(plan: plan, formats: [.vorbis]), into: dir, name: "alone")
        XCTAssertEqual(report.loudness, plan.loudness, accuracy: 0.5)
        XCTAssertLessThanOrEqual(report.truePeak, plan.truePeak)
        let path = dir.appendingPathComponent("alone.ogg").path
        let decoded = try FFmpegMeter.loudness(path)
        XCTAssertEqual(decoded.integrated, plan.loudness, accuracy: 0.5, "ffmpeg's meter on the decoded Vorbis")
        // Decoded, 22.05 kHz Vorbis overshoots the PCM's true peak by about 1.3 dB (here −2.0 →
        // −0.7 dBTP); libsndfile's single encoder did the same. A guard, not the −1 dBTP target.
        XCTAssertLessThanOrEqual(decoded.truePeak, report.truePeak + 1.6, "the decoder's overshoot")

        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = try long.master(Master(plan: plan, formats: [.vorbis]), into: dir, name: "again")
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("again.ogg")), first)
        XCTAssertGreaterThan(try OggPages.read(path).count, 3)
    }

    /// A part that is not the last cannot be encoded before its seam is planned, the last part
    /// has no seam, and libvorbis may refuse a rate: each is a typed error, not a stream with a
    /// hole in it or a crash.
    func testAPartOutOfOrderIsAnError() throws {
        let dir = try TestEnvironment.scratchDirectory("vorbis-part-misuse")
        defer { try? FileManager.default.removeItem(at: dir) }
        let middle = try VorbisPartWriter(path: dir.appendingPathComponent("middle").path, sampleRate: 22050, final: false)
        try [Float](repeating: 0, count: 22050).withUnsafeBufferPointer { try middle.write($0) }
        XCTAssertThrowsError(try middle.close())
        let last = try VorbisPartWriter(path: dir.appendingPathComponent("last").path, sampleRate: 22050, final: true)
        XCTAssertThrowsError(try last.seam())
        XCTAssertThrowsError(try VorbisPartWriter(path: dir.appendingPathComponent("odd").path, sampleRate: 1_000_000, final: true),
                             "a rate libvorbis refuses") { XCTAssertTrue($0 is AudioError, "\($0)") }
        // Silence alone still gets a seam past its end, within half a long block and a quarter of each size.
        let next = try middle.seam()
        let sizes = try VorbisPartWriter.blockSizes(sampleRate: 22050)
        XCTAssertGreaterThan(next, 22050)
        XCTAssertLessThanOrEqual(next, 22050 + sizes.long / 2 + sizes.long / 4 + sizes.short / 4)
        XCTAssertNoThrow(try middle.close())
        XCTAssertGreaterThan(try VorbisPartWriter.packets(at: dir.appendingPathComponent("middle").path).count, 10)
    }
}
