import Audio
import Settings
import EditionCore
import EditionTestSupport
import Foundation
@testable import Mastering
import XCTest

final class PeakLimiterTests: XCTestCase {
    func testCeilingHoldsLengthIsKeptAndQuietAudioPassesUntouched() {
        let limiter = PeakLimiter(ceiling: 0.5, sampleRate: 22050)
        let input: [Float] = (0..<22050).map { i in Float(sin(Double(i) * 0.05)) * (i > 10000 && i < 10050 ? 1.0 : 0.3) }
        var output: [Float] = []
        input.withUnsafeBufferPointer { limiter.process($0, into: &output) }
        limiter.flush(into: &output)
        XCTAssertEqual(output.count, input.count, "the limiter neither adds nor drops samples")
        XCTAssertLessThanOrEqual(output.map(abs).max()!, 0.5 + 1e-6)
        // Far from the burst, the signal is untouched and not shifted.
        for i in 1000..<5000 { XCTAssertEqual(output[i], input[i], accuracy: 1e-6) }
        // Around the burst the gain moves smoothly: no step larger than the signal could make.
        let gains = (9900..<10200).map { input[$0] == 0 ? 1 : output[$0] / input[$0] }
        XCTAssertLessThan(zip(gains, gains.dropFirst()).map { abs($0 - $1) }.max()!, 0.05)
    }

    func testBlockSizeDoesNotChangeTheOutputAndShortInputsComeBackWhole() {
        let input: [Float] = (0..<5000).map { i in Float(sin(Double(i) * 0.3)) * (i % 700 < 40 ? 1.4 : 0.4) }
        func limited(blocks: Int) -> [Float] {
            let limiter = PeakLimiter(ceiling: 0.8, sampleRate: 22050)
            var output: [Float] = []
            for start in stride(from: 0, to: input.count, by: blocks) {
                input[start..<min(input.count, start + blocks)].withUnsafeBufferPointer { limiter.process($0, into: &output) }
            }
            limiter.flush(into: &output)
            return output
        }
        let whole = limited(blocks: input.count)
        XCTAssertEqual(limited(blocks: 1), whole)
        XCTAssertEqual(limited(blocks: 37), whole)
        XCTAssertLessThanOrEqual(whole.map(abs).max()!, 0.8 + 1e-6)
        // Fewer samples than the look-ahead: all of them, in order, still come out.
        let short: [Float] = [0.1, -0.2, 0.3]
        let limiter = PeakLimiter(ceiling: 0.8, sampleRate: 22050)
        var output: [Float] = []
        short.withUnsafeBufferPointer { limiter.process($0, into: &output) }
        limiter.flush(into: &output)
        XCTAssertEqual(output, short)
    }
}

extension PeakLimiterTests {
    /// Loud noise with runs near the Nyquist frequency and sudden full-scale steps, fed in
    /// uneven blocks: no output sample may pass the ceiling, wherever a group of four or a
    /// block begins, and the output has the input's length.
    func testNoSampleEverPassesTheCeilingOnHostileSignals() {
        var seed: UInt64 = 7
        func random() -> Float { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Float(seed >> 40) / Float(1 << 24) * 2 - 1 }
        let input: [Float] = (0..<30_001).map { i in
            switch (i / 997) % 4 {
            case 0: return random() * 3                              // noise well over the ceiling
            case 1: return (i % 2 == 0 ? 1 : -1) * 2.5               // a tone at the Nyquist frequency
            case 2: return i % 500 == 0 ? 8 : random() * 0.2         // lone spikes in quiet
            default: return 0
            }
        }
        for blocks in [1, 3, 4, 1000, 4099] {
            let limiter = PeakLimiter(ceiling: 0.7, sampleRate: 22050)
            var output: [Float] = []
            for start in stride(from: 0, to: input.count, by: blocks) {
                input[start..<min(input.count, start + blocks)].withUnsafeBufferPointer { limiter.process($0, into: &output) }
            }
            limiter.flush(into: &output)
            XCTAssertEqual(output.count, input.count, "blocks of \(blocks)")
            XCTAssertLessThanOrEqual(output.map(abs).max()!, 0.7 + 1e-6, "blocks of \(blocks)")
        }
    }
}

final class KWeightedMeterTests: XCTestCase {
    /// The mastering loop's own meter against libebur128 (exact block-list mode) on real speech
    /// at the engine's rate, and on noise and a tone at the output rates.
    func testAgreesWithLibebur128() throws {
        let speech = try Speech.river.get().floats
        var seed: UInt64 = 42
        func noise() -> Float { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Float(Int64(bitPattern: seed >> 11) % 1000) / 4000 }
        let signals: [(String, [Float], Int)] = [
            ("speech", speech, 22050),
            ("noise", (0..<(48000 * 5)).map { _ in noise() }, 48000),
            ("tone", (0..<(44100 * 3)).map { Float(0.3 * sin(Double($0) * 2 * .pi * 997 / 44100)) }, 44100),
        ]
        for (name, samples, rate) in signals {
            let reference = try LoudnessMeter(sampleRate: rate, truePeak: false, histogram: false)
            let ours = KWeightedMeter(sampleRate: rate)
            samples.withUnsafeBufferPointer { reference.add($0) }
            // Fed in uneven pieces: block boundaries must not depend on how the audio arrives.
            for start in stride(from: 0, to: samples.count, by: 1234) {
                samples[start..<min(samples.count, start + 1234)].withUnsafeBufferPointer { ours.add($0) }
            }
            XCTAssertTrue(reference.integratedLoudness.isFinite, name)
            XCTAssertEqual(ours.integratedLoudness, reference.integratedLoudness, accuracy: 0.02, name)
        }
        XCTAssertEqual(KWeightedMeter(sampleRate: 22050).integratedLoudness, -.infinity, "nothing measured: silence")
    }

    /// The filters run four samples at a time where they can and one at a time at a block's
    /// end: fed one sample per call (all of it the one-at-a-time path), the meter must read the
    /// same to within rounding.
    func testFourAtATimeMatchesOneAtATime() throws {
        let speech = Array(try Speech.river.get().floats.prefix(22050 * 20))
        let blocks = KWeightedMeter(sampleRate: 22050), single = KWeightedMeter(sampleRate: 22050)
        speech.withUnsafeBufferPointer { blocks.add($0) }
        for sample in speech { [sample].withUnsafeBufferPointer { single.add($0) } }
        XCTAssertTrue(blocks.integratedLoudness.isFinite)
        XCTAssertEqual(blocks.integratedLoudness, single.integratedLoudness, accuracy: 1e-6)
    }
}

final class LoudnessMeterTests: XCTestCase {
    func testARateLibebur128RefusesThrowsInsteadOfCrashingLater() throws {
        XCTAssertThrowsError(try LoudnessMeter(sampleRate: 5)) { error in
            XCTAssertTrue(error.localizedDescription.contains("5 Hz"), error.localizedDescription)
        }
        XCTAssertThrowsError(try LoudnessMeter(sampleRate: 0))
        let meter = try LoudnessMeter(sampleRate: 22050)
        XCTAssertEqual(meter.integratedLoudness, -.infinity, "nothing measured: silence")
        XCTAssertEqual(meter.truePeak, -.infinity)
    }
}

final class ResamplerTests: XCTestCase {
    func sine(_ frequency: Double, rate: Double, count: Int) -> [Float] {
        (0..<count).map { Float(0.5 * sin(2 * .pi * frequency * Double($0) / rate)) }
    }

    /// Level of `frequency` in `x` (Goertzel), as amplitude.
    func amplitude(_ x: [Float], _ frequency: Double, rate: Double) -> Double {
        let w = 2 * Double.pi * frequency / rate
        var s1 = 0.0, s2 = 0.0
        for v in x { let s = Double(v) + 2 * cos(w) * s1 - s2; s2 = s1; s1 = s }
        return (s1 * s1 + s2 * s2 - 2 * cos(w) * s1 * s2).squareRoot() * 2 / Double(x.count)
    }

    func testDoublingIsExactInBandAlignedAndTwiceAsLong() throws {
        let input = sine(1000, rate: 22050, count: 22050)
        let resampler = try Resampler(from: 22050, to: 44100)
        var output: [Float] = []
        for start in stride(from: 0, to: input.count, by: 1000) {
            output += try resampler.process(Array(input[start..<min(input.count, start + 1000)]))
        }
        output += try resampler.process([], last: true)
        XCTAssertEqual(output.count, 2 * input.count)
        let expected = sine(1000, rate: 44100, count: output.count)
        let error = (100..<(output.count - 100)).map { abs(output[$0] - expected[$0]) }.max()!
        XCTAssertLessThan(error, 0.5e-3, "in-band tone reproduced within −60 dB, with no delay")
    }

    /// A tone at a quarter of the rate, sampled 45° off its crests, never shows its peak in a
    /// sample (every sample is ±0.707): the true-peak meter must find the 1.0 between them.
    func testTruePeakFindsThePeakBetweenSamples() {
        let samples = (0..<4410).map { Float(sin(Double.pi / 2 * Double($0) + Double.pi / 4)) }
        let meter = TruePeakMeter()
        for start in stride(from: 0, to: samples.count, by: 1000) {  // in blocks, as the encoder feeds it
            samples[start..<min(samples.count, start + 1000)].withUnsafeBufferPointer { meter.add($0) }
        }
        meter.finish()
        XCTAssertEqual(samples.map(abs).max()!, 0.7071, accuracy: 0.001)
        XCTAssertEqual(meter.truePeak, 0, accuracy: 0.3, "0 dBTP between samples at −3 dBFS")
    }

    /// The vectorized kernel (sixteen points at a time, symmetric taps paired) against the
    /// filter's definition in double precision, over blocks of every awkward size (the
    /// sixteen-point loop, its scalar remainder, blocks shorter than the filter, an empty one).
    func testTheUpsamplerIsItsFilterExactly() {
        var rng = SystemRandomNumberGenerator()
        let input = (0..<5000).map { _ in Float.random(in: -1...1, using: &rng) }
        let taps = HalfBandUpsampler.taps, half = HalfBandUpsampler.half
        XCTAssertEqual(taps, taps.reversed(), "the taps are symmetric")
        let up = HalfBandUpsampler()
        var output: [Float] = [], start = 0
        for size in [1, 17, 0, 47, 48, 49, 15, 16, 1000, 333, 2, 3000] where start < input.count {
            output += up.process(Array(input[start..<min(input.count, start + size)]), last: false)
            start += size
        }
        output += up.process(Array(input[start...]), last: true)
        XCTAssertEqual(output.count, 2 * input.count)
        func x(_ i: Int) -> Double { i >= 0 && i < input.count ? Double(input[i]) : 0 }
        var worst = 0.0
        for m in 0..<input.count {
            XCTAssertEqual(output[2 * m], input[m], "even points are the input itself")
            // The point half-way between inputs m and m + 1 weighs inputs m − 23 … m + 24.
            var expected = 0.0
            for i in 0..<(2 * half) { expected += Double(taps[i]) * x(m - half + 1 + i) }
            worst = max(worst, abs(Double(output[2 * m + 1]) - expected))
        }
        XCTAssertLessThan(worst, 1e-5, "odd points are the filter's sum, to float rounding")
    }

    /// 22.05 → 48 kHz (Opus, 48 kHz masters) by the polyphase filter: the right length whatever
    /// the blocks, output 0 on input 0, an in-band tone reproduced with no delay, its image gone.
    func testUpsamplingTo48kHzIsExactInBandAndBlockIndependent() throws {
        let input = sine(1000, rate: 22050, count: 22050)
        let whole = try Resampler(from: 22050, to: 48000).process(input, last: true)
        XCTAssertEqual(whole.count, (input.count * 320 + 146) / 147, "ceil(n · 320/147) samples")
        let resampler = try Resampler(from: 22050, to: 48000)
        var pieces: [Float] = [], start = 0
        for size in [1, 0, 7, 1000, 47, 48, 3333, 5] where start < input.count {
            pieces += try resampler.process(Array(input[start..<min(input.count, start + size)]))
            start += size
        }
        pieces += try resampler.process(Array(input[start...]), last: true)
        XCTAssertEqual(pieces, whole, "the blocks change nothing")
        XCTAssertEqual(whole[0], input[0])
        let expected = sine(1000, rate: 48000, count: whole.count)
        let error = (200..<(whole.count - 200)).map { abs(whole[$0] - expected[$0]) }.max()!
        XCTAssertLessThan(error, 0.5e-3, "in-band tone reproduced within −60 dB, with no delay")
        let high = try Resampler(from: 22050, to: 48000).process(sine(9000, rate: 22050, count: 22050), last: true)
        let body = Array(high[2000..<(high.count - 2000)])
        let tone = amplitude(body, 9000, rate: 48000), image = amplitude(body, 22050 - 9000, rate: 48000)
        XCTAssertEqual(tone, 0.5, accuracy: 0.01)
        XCTAssertLessThan(20 * log10(image / tone), -60, "the 13.05 kHz image is suppressed")
    }

    func testImagesAreRejected() throws {
        let output = try Resampler(from: 22050, to: 44100).process(sine(9000, rate: 22050, count: 22050), last: true)
        let body = Array(output[1000..<(output.count - 1000)])
        let tone = amplitude(body, 9000, rate: 44100), image = amplitude(body, 22050 - 9000, rate: 44100)
        XCTAssertEqual(tone, 0.5, accuracy: 0.01)
        XCTAssertLessThan(20 * log10(image / tone), -60, "the 13.05 kHz image is suppressed")
    }
}

/// Loudness and formats, checked on real speech with readers other than our own.
final class MasteringTests: XCTestCase {
    var plan: MasteringPlan {
        get throws { try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news").mastering }
    }

    func master(formats: [AudioFormat], plan edit: (inout MasteringPlan) -> Void = { _ in }) throws -> (URL, Timeline, MasteringReport) {
        let dir = try TestEnvironment.scratchDirectory("master")
        var plan = try self.plan
        edit(&plan)
        let (timeline, report) = try Speech.council.get().master(Master(plan: plan, formats: formats), into: dir, name: "mastering-check")
        return (dir, timeline, report)
    }

    func ffmpegLoudness(_ path: String, seconds: Double? = nil) throws -> (integrated: Double, truePeak: Double) {
        try FFmpegMeter.loudness(path, seconds: seconds)
    }

    func testLoudnessLandsOnTargetAndTruePeakUnderTheCeiling() throws {
        let (dir, _, report) = try master(formats: [.wav, .mp3])
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try self.plan
        XCTAssertEqual(report.loudness, plan.loudness, accuracy: 0.5)
        XCTAssertLessThanOrEqual(report.truePeak, plan.truePeak)
        let wav = dir.appendingPathComponent("mastering-check.wav").path
        let measured = try ffmpegLoudness(wav)
        XCTAssertEqual(measured.integrated, plan.loudness, accuracy: 0.5, "ffmpeg's meter agrees on the WAV")
        XCTAssertLessThanOrEqual(measured.truePeak, plan.truePeak + 0.3, "ffmpeg's true peak, within meter disagreement")
        let mp3 = try ffmpegLoudness(dir.appendingPathComponent("mastering-check.mp3").path)
        XCTAssertLessThanOrEqual(mp3.truePeak, -1.0, "the decoded MP3 stays under Apple's -1 dBTP")
        XCTAssertEqual(mp3.integrated, plan.loudness, accuracy: 0.5, "ffmpeg's meter agrees on the decoded MP3")
    }

    /// The listening-quality guard: the MP3, decoded by ffmpeg, against the WAV master brought
    /// to the MP3's rate by ffmpeg, sample for sample (gapless, so no lag is searched for). At
    /// 64 kb/s, LAME's qualities 2 to 9 gave 19–24 dB on this speech; a wrong rate, a lost or
    /// doubled frame, a one-sample shift or clipping falls far below the 18 dB held here.
    func testTheMP3SoundsLikeTheMaster() throws {
        let (dir, _, _) = try master(formats: [.wav, .mp3])
        defer { try? FileManager.default.removeItem(at: dir) }
        func decode(_ name: String) throws -> [Float] {
            let raw = dir.appendingPathComponent(name + ".f32").path
            let r = try CommandRunner.run("/usr/bin/env", ["ffmpeg", "-v", "error", "-y", "-i", dir.appendingPathComponent(name).path,
                                                           "-ar", "22050", "-ac", "1", "-f", "f32le", raw])
            XCTAssertEqual(r.status, 0, r.stderr)
            let data = try Data(contentsOf: URL(fileURLWithPath: raw))
            return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        }
        let master = try decode("mastering-check.wav"), mp3 = try decode("mastering-check.mp3")
        XCTAssertEqual(mp3.count, master.count, "the decoded MP3 is as long as the master")
        var signal = 0.0, noise = 0.0
        for i in 0..<min(master.count, mp3.count) {
            signal += Double(master[i] * master[i])
            noise += Double((master[i] - mp3[i]) * (master[i] - mp3[i]))
        }
        let snr = 10 * log10(signal / max(noise, 1e-12))
        XCTAssertGreaterThan(snr, 18, "MP3 against the master: \(snr) dB")
        // The same level: LAME's CBR presets scale the input by 0.95 (−0.45 dB) unless undone;
        // the MP3's 0.2 dB of extra limiter headroom costs it about 0.1 dB.
        let level = 10 * log10(mp3.reduce(0) { $0 + Double($1 * $1) } / signal)
        XCTAssertEqual(level, -0.05, accuracy: 0.2, "the decoded MP3's level against the master's, dB")
    }

    func testEveryFormatRoundTrips() throws {
        let formats = AudioFormat.allCases
        let (dir, timeline, _) = try master(formats: formats)
        defer { try? FileManager.default.removeItem(at: dir) }
        let seconds = timeline.duration
        for format in formats {
            let path = dir.appendingPathComponent("mastering-check.\(format.fileExtension)").path
            let file = try SoundFile(readingFrom: path)
            XCTAssertEqual(file.sampleRate, format == .opus ? 48000 : [.mp3, .vorbis].contains(format) ? 22050 : 44100, "\(format)")
            if format == .mp3 {  // gapless: the LAME tag's delay and padding give back the exact length
                XCTAssertEqual(file.frames, timeline.totalSamples / 2, accuracy: 1, "the MP3 decodes to every sample, no more")
            }
            // Lossy decoders add encoder delay/padding: allow one codec frame (≤ 60 ms).
            XCTAssertEqual(Double(file.frames) / Double(file.sampleRate), seconds, accuracy: 0.06, "\(format)")
            let probe = try CommandRunner.run("/usr/bin/env", ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path])
            XCTAssertEqual(Double(probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, seconds, accuracy: 0.1, "\(format) per ffprobe")
        }
    }

    /// The service asks for [mp3, wav], the CLI for [wav, mp3]: the master file is measured either
    /// way, so both give the same bytes (the MP3 measured once, with its codec headroom, and was
    /// then encoded in one piece).
    func testTheOrderOfTheFormatsChangesNothing() throws {
        let (a, _, reportA) = try master(formats: [.wav, .mp3])
        let (b, _, reportB) = try master(formats: [.mp3, .wav])
        defer { for dir in [a, b] { try? FileManager.default.removeItem(at: dir) } }
        XCTAssertEqual(reportA, reportB)
        for name in ["mastering-check.wav", "mastering-check.mp3"] {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(name)), try Data(contentsOf: b.appendingPathComponent(name)), name)
        }
    }

    func testIntroAndOutroAudioShiftTheChapters() throws {
        let dir = try TestEnvironment.scratchDirectory("jingle")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A two-second stereo 48 kHz tone stands in for a jingle.
        let jingle = dir.appendingPathComponent("jingle.wav").path
        let tone = SoundFileTone.write(path: jingle, seconds: 2, rate: 48000)
        XCTAssertTrue(tone)
        let (out, timeline, _) = try master(formats: [.wav]) { $0.introAudio = jingle; $0.outroAudio = jingle }
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try XCTUnwrap(timeline.chapters.first)
        XCTAssertEqual(Double(first.start) / 44100, 2.0, accuracy: 0.01, "the first chapter starts after the intro")
        let words = try timeline.allWords()
        XCTAssertGreaterThanOrEqual(Double(try XCTUnwrap(words.first).start) / 44100, 1.999)
        let file = try SoundFile(readingFrom: out.appendingPathComponent("mastering-check.wav").path)
        XCTAssertEqual(file.frames, timeline.totalSamples)
        let lastWord = try XCTUnwrap(words.last)
        XCTAssertGreaterThan(Double(file.frames - lastWord.end) / 44100, 1.9, "the outro follows the last word")
        XCTAssertEqual(try SoundFile(readingFrom: out.appendingPathComponent("mastering-check.wav").path).cues().first?.position, first.start)
        // The jingle itself plays at the loudness target, not pushed up by the speech's gain.
        let plan = try self.plan
        let intro = try ffmpegLoudness(out.appendingPathComponent("mastering-check.wav").path, seconds: 1.9)
        XCTAssertEqual(intro.integrated, plan.loudness, accuracy: 1.0, "the intro at the programme's loudness")
    }

    func testASilentProgrammeIsRefusedByName() throws {
        let dir = try TestEnvironment.scratchDirectory("silent")
        defer { try? FileManager.default.removeItem(at: dir) }
        let spool = try PCMSpool(directory: dir)
        defer { spool.discard() }
        try spool.appendSilence(22050 * 3)
        let timeline = Timeline(sampleRate: 22050, totalSamples: spool.count, chapters: [Chapter(title: "Quiet", start: 0)])
        XCTAssertThrowsError(try Master(plan: self.plan, formats: [.wav])
            .render(spool: spool, timeline: timeline, tags: EpisodeTags(title: "Dead air")) { _ in dir.appendingPathComponent("x.wav").path }) { error in
            let text = error.localizedDescription
            XCTAssertTrue(text.contains("'Dead air'") && text.contains("3.0 s"), text)
        }
    }
}

/// The issue this guards: mastering once kept, per voice, the last programme's gain search
/// and rate bias, so a programme's gain depended on what the process had mastered before it.
final class MasteringDeterminismTests: XCTestCase {
    func testAProgrammeMastersTheSameWhateverWasMasteredBefore() throws {
        let plan = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news").mastering
        let a = try Speech.council.get(), b = try Speech.river.get()
        let dir = try TestEnvironment.scratchDirectory("determinism")
        defer { try? FileManager.default.removeItem(at: dir) }
        // WAV, MP3 and FLAC: Ogg streams carry a random serial number, so they never repeat byte for byte.
        let formats: [AudioFormat] = [.wav, .mp3, .flac]
        func files(_ name: String) throws -> [Data] {
            try formats.map { try Data(contentsOf: dir.appendingPathComponent("\(name).\($0.fileExtension)")) }
        }
        let master = Master(plan: plan, formats: formats)
        let first = try a.master(master, into: dir, name: "a1").1
        let between = try b.master(master, into: dir, name: "b").1
        let again = try a.master(master, into: dir, name: "a2").1
        XCTAssertEqual(again, first, "A after B: the same gain, loudness and peak as A first")
        XCTAssertEqual(try files("a2"), try files("a1"), "A after B: byte-identical files")
        XCTAssertNotEqual(between.sourceLoudness, first.sourceLoudness, "B is a different programme")

        // A Master that has mastered nothing gives the same as one that mastered A and B.
        let fresh = Master(plan: plan, formats: formats)
        let freshB = try b.master(fresh, into: dir, name: "b-fresh").1
        XCTAssertEqual(freshB.gain, between.gain)
        XCTAssertEqual(freshB, between)
        XCTAssertEqual(try files("b-fresh"), try files("b"))
    }
}

enum SoundFileTone {
    static func write(path: String, seconds: Int, rate: Int) -> Bool {
        guard let file = try? SoundFile(writingTo: path, format: SoundFile.wav16, sampleRate: rate, channels: 2) else { return false }
        let samples = (0..<(seconds * rate * 2)).map { Int16(6000 * sin(Double($0 / 2) * 2 * .pi * 440 / Double(rate))) }
        return (try? file.write(samples)) != nil && (try? file.close()) != nil
    }
}

final class PCMSpoolTests: XCTestCase {
    /// Read back whole and in stretches that start and end at odd places, across the reader's
    /// blocks: every sample where it was written, none twice, none past the end.
    func testReadsBackWhatWasSpooledWholeAndInStretches() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spool = try PCMSpool(directory: dir)
        let written = (0..<300_001).map { Int16(truncatingIfNeeded: $0 &* 7919) }
        for start in stride(from: 0, to: written.count, by: 77_777) {
            try spool.append(Array(written[start..<min(written.count, start + 77_777)]))
        }
        try spool.appendSilence(5)
        let all = written + [Int16](repeating: 0, count: 5)
        XCTAssertEqual(spool.count, all.count)
        XCTAssertEqual(try spool.samples(in: 0..<all.count), all)
        for range in [1..<2, 131_071..<131_075, 99_999..<262_200, 299_990..<all.count] {
            XCTAssertEqual(try spool.samples(in: range), Array(all[range]), "\(range)")
        }
        // A stretch asked for beyond the end comes back short, not padded.
        XCTAssertEqual(try spool.samples(in: (all.count - 3)..<(all.count + 10)), Array(all.suffix(3)))
        var blocks = 0, total = 0
        try spool.forEachBlock { blocks += 1; total += $0.count }
        XCTAssertEqual(total, all.count)
        XCTAssertGreaterThan(blocks, 1, "long spools come back in more than one block")
    }
}

final class SoundFileConversionTests: XCTestCase {
    /// 16-bit WAV from floats: what libsndfile's own conversion writes (`lrintf(x × 0x7FFF)`,
    /// ties to even), read back through libsndfile; values past full scale are clamped.
    func testFloatsBecomeTheSixteenBitSamplesLibsndfileWouldWrite() throws {
        var seed: UInt64 = 11
        func random() -> Float { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Float(seed >> 40) / Float(1 << 24) * 2 - 1 }
        var floats = (0..<100_003).map { _ in random() * 0.999 }
        floats += (-40...40).map { Float($0) / 32767 + 0.5 / 32767 }   // halfway between two levels
        floats += [1, -1, 1.5, -1.5, 0, -0]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("conv-\(UUID().uuidString).wav").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try SoundFile(writingTo: path, format: SoundFile.wav16, sampleRate: 22050)
        try floats.withUnsafeBufferPointer { try file.write($0) }
        try file.close()
        let back = try SoundFile(readingFrom: path)
        var shorts = [Int16](repeating: 0, count: floats.count + 10)
        let read = shorts.withUnsafeMutableBufferPointer { back.read(into: $0) }
        XCTAssertEqual(read, floats.count)
        for (i, x) in floats.enumerated() {
            let expected = Int16(max(-32768, min(32767, lrintf(x * 32767))))
            XCTAssertEqual(shorts[i], expected, "sample \(i): \(x)")
            if shorts[i] != expected { break }
        }
    }
}

final class TruePeakMeterTests: XCTestCase {
    /// The peak found does not depend on how the audio arrives: short blocks are joined, long
    /// ones read in place with only their edges joined to what came before.
    func testBlockSizesDoNotChangeThePeak() throws {
        let speech = Array(try Speech.river.get().floats.prefix(22050 * 5))
        // A lone inter-sample peak near the start, where the joined edges are.
        var signal = speech
        for i in 3..<40 { signal[i] = Float(sin(Double.pi / 2 * Double(i) + Double.pi / 4)) * 0.9 }
        func peak(blocks: Int) -> Double {
            let meter = TruePeakMeter()
            for start in stride(from: 0, to: signal.count, by: blocks) {
                signal[start..<min(signal.count, start + blocks)].withUnsafeBufferPointer { meter.add($0) }
            }
            meter.finish()
            return meter.truePeak
        }
        let whole = peak(blocks: signal.count)
        XCTAssertGreaterThan(whole, 20 * log10(0.9 * 0.7071) + 2, "the peak between samples is found")
        for blocks in [1, 7, 15, 16, 17, 31, 32, 1000, 65536] {
            XCTAssertEqual(peak(blocks: blocks), whole, "blocks of \(blocks)")
        }
    }
}
