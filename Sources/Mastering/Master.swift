import Audio
import EditionCore
import Foundation
import Tagging

/// What mastering did, measured on what it wrote.
public struct MasteringReport: Sendable, Codable, Equatable {
    /// Integrated loudness of the raw programme, LUFS, as estimated on the sample the gain
    /// search runs on.
    public var sourceLoudness: Double
    /// The one gain applied to the whole programme, dB.
    public var gain: Double
    /// Integrated loudness and true peak of the output, measured (true peak 4× oversampled) on
    /// the limited programme before resampling: the resampler reconstructs the same band-limited signal.
    public var loudness: Double
    public var truePeak: Double
    public var sampleRate: Int
}

/// Turns the recorded programme into finished files: one gain for the whole programme to reach
/// the loudness target, a true-peak-safe limiter, resampling to the output rate, intro and
/// outro audio, and every requested format with its chapters and tags. Each format is encoded
/// on its own thread, reading the spool independently, so encoders share the cores.
/// A render is a pure function of its programme and plan: nothing is remembered from one
/// programme to the next, so the same input gives the same files whatever was built before it.
public struct Master: Sendable {
    public var plan: MasteringPlan
    public var formats: [AudioFormat]
    /// The voice's calibration, when known: the gain then comes from the sample's plain
    /// loudness, with no search. Nil searches on the programme's own sample.
    public var calibration: LoudnessCalibration?
    /// Where MP3 parts are kept between renders, so that a corrected article encodes again only
    /// what changed (nil: every part is encoded).
    public var keptParts: (any EncodedPartStore)?

    /// Gains are whole multiples of this (dB), so that correcting a sentence, which moves the
    /// programme's measured loudness a little, nearly always leaves the gain, and with it every
    /// part the correction did not touch, as it was. At the target the limiter turns a dB of
    /// gain into about 0.3 LU, so the rounding costs under 0.05 LU there (0.125 at most).
    static let gainStep = 0.25

    /// Headroom kept under the true-peak ceiling for the resampler's and decoders' overshoot.
    static let limiterMargin: Float = 0.6

    public init(plan: MasteringPlan, formats: [AudioFormat], calibration: LoudnessCalibration? = nil,
                keptParts: (any EncodedPartStore)? = nil) {
        self.plan = plan
        self.formats = formats
        self.calibration = calibration
        self.keptParts = keptParts
    }

    /// `destination(format)` gives the (temporary) path each format is written to.
    /// Returns the timeline at the output rate and what mastering measured.
    public func render(spool: PCMSpool, timeline: Timeline, tags: EpisodeTags,
                       destination: (AudioFormat) -> String) throws -> (Timeline, MasteringReport) {
        let intro = try plan.introAudio.map { try Clip.load($0, rate: timeline.sampleRate, loudness: plan.loudness) }
        let outro = try plan.outroAudio.map { try Clip.load($0, rate: timeline.sampleRate, loudness: plan.loudness) }

        // The output timeline: source positions after the intro, scaled to the output rate.
        let outTimeline = timeline.shifted(lead: intro?.samples.count ?? 0, tail: outro?.samples.count ?? 0, rate: plan.sampleRate)

        // The gain comes from the voice's calibration, or is searched for on a sample of the
        // programme; the one full pass below measures what was really written, and corrects in
        // the rare case the calibration or the sample misled.
        var source = -Double.infinity, bias = 0.0, gainDB = 0.0
        var sample: [Float] = []
        if plan.normalize {
            let clock = ContinuousClock(), started = clock.now
            defer { Self.debug("gain search: \(clock.now - started)") }
            sample = try Self.sample(spool, rate: timeline.sampleRate, sentences: Self.sentenceStarts(timeline))
            bias = try calibration?.rateBias ?? Self.rateBias(sample, rate: timeline.sampleRate)
            source = Self.loudness(sample, rate: timeline.sampleRate) + bias
            guard source.isFinite else {
                throw MasteringError.silent(title: tags.title, seconds: Double(spool.count) / Double(timeline.sampleRate))
            }
            if let calibration {
                gainDB = plan.loudness - source + calibration.limiterLoss
            } else {
                gainDB = settle(sample, sourceLoudness: source, rate: timeline.sampleRate, bias: bias)
            }
            gainDB = (gainDB / Self.gainStep).rounded() * Self.gainStep
        }
        var ceilingDB = plan.truePeak - Double(Self.limiterMargin)
        var frames: [Int] = []
        let paths = formats.map(destination)
        var result = (loudness: 0.0, truePeak: 0.0)
        // One job measures what it writes: the master file (WAV or FLAC: no codec headroom) in
        // whatever order the formats were asked for, so a service's [mp3, wav] and the CLI's
        // [wav, mp3] give the same files, and the MP3 stays free to encode in parallel parts.
        let primary = formats.firstIndex { $0 == .wav || $0 == .flac } ?? formats.firstIndex { $0 != .mp3 } ?? 0
        // One pass writes every format and measures the primary stream; the estimate from the
        // sample is nearly always right, and a miss costs one more pass.
        for attempt in 0..<3 {
            let jobs = formats.enumerated().map { i, format in
                EncodeJob(format: format, path: paths[i], rate: format.sampleRate(planned: plan.sampleRate, source: timeline.sampleRate),
                          gain: Float(pow(10, gainDB / 20)),
                          ceiling: Float(pow(10, (ceilingDB - format.extraHeadroom) / 20)), sourceRate: timeline.sampleRate,
                          intro: intro, outro: outro, timeline: outTimeline, tags: tags,
                          measures: i == primary && plan.normalize, limit: plan.normalize, keptParts: keptParts)
            }
            let encoded = try EncodeJob.runAll(jobs, spool: spool)
            frames = encoded.map(\.frames)
            guard plan.normalize, let measured = encoded.indices.contains(primary) ? encoded[primary].measured : nil else { result = (-.infinity, -.infinity); break }
            result = (measured.loudness + bias, measured.truePeak)
            Self.debug("pass \(attempt): gain \(gainDB) ceiling \(ceilingDB) → \(result)")
            let peakOver = result.truePeak - plan.truePeak
            let loudnessOff = plan.loudness - result.loudness
            if (peakOver <= 0 && abs(loudnessOff) <= 0.4) || attempt == 2 { break }
            if peakOver > 0 { ceilingDB -= peakOver + 0.1 }
            if abs(loudnessOff) > 0.4, attempt == 0, calibration != nil {
                // This programme is not like the calibration passage: search on its own sample.
                gainDB = settle(sample, sourceLoudness: source, rate: timeline.sampleRate, bias: bias)
            } else if abs(loudnessOff) > 0.4 {
                gainDB += loudnessOff
            }
        }
        let report = MasteringReport(sourceLoudness: Self.centi(source), gain: Self.centi(gainDB),
                                     loudness: Self.centi(result.loudness), truePeak: Self.centi(result.truePeak),
                                     sampleRate: plan.sampleRate)
        var final = outTimeline
        if let i = formats.firstIndex(where: { $0.sampleRate(planned: plan.sampleRate, source: timeline.sampleRate) == plan.sampleRate }) {
            final.totalSamples = frames[i]
        }
        return (final, report)
    }

    /// Finds the programme gain that lands on the loudness target once the limiter has taken
    /// the peaks off. Limiting eats loudness non-linearly (espeak's speech has a 20 dB peak-to-
    /// loudness ratio, so at −16 LUFS the limiter works hard), so this iterates by the secant
    /// method — on a sample of the programme (3-second stretches spread evenly, a minute at most),
    /// which keeps the cost the same for a minute of audio or fifty hours. The search starts at
    /// the plain loudness difference, and its first slope is guessed from what the limiter took
    /// there: 1 / (1 + loss) (for espeak's voices at −14…−23 LUFS, 1 to 4 tries of ~40 ms where
    /// a slope of 1 took up to 5). Nothing is carried over from another programme, so the gain
    /// depends on this programme's sample alone.
    func settle(_ sample: [Float], sourceLoudness: Double, rate: Int, bias: Double, tolerance: Double = 0.1) -> Double {
        let ceiling = Float(pow(10, (plan.truePeak - Double(Self.limiterMargin)) / 20))
        func loudness(_ gainDB: Double) -> Double {
            let limiter = PeakLimiter(ceiling: ceiling, sampleRate: rate)
            let gain = Float(pow(10, gainDB / 20))
            var limited: [Float] = []
            let scaled = sample.map { $0 * gain }
            scaled.withUnsafeBufferPointer { limiter.process($0, into: &limited) }
            limiter.flush(into: &limited)
            let result = Self.loudness(limited, rate: rate) + bias
            Self.debug("settle: gain \(gainDB) → \(result)")
            return result
        }
        var g0 = plan.loudness - sourceLoudness, l0 = loudness(g0)
        guard l0.isFinite else { return g0 }
        // The more the limiter took at the plain gain, the less each further dB of gain adds.
        var slope = 1 / (1 + max(0, plan.loudness - l0))
        var g1 = g0, l1 = l0
        for _ in 0..<8 where abs(plan.loudness - l1) > tolerance {
            let next = g1 + (plan.loudness - l1) / max(slope, 0.05)
            (g0, l0) = (g1, l1)
            g1 = min(next, g0 + 12)
            l1 = loudness(g1)
            if abs(g1 - g0) > 1e-6, abs(l1 - l0) > 1e-6 { slope = (l1 - l0) / (g1 - g0) }
        }
        return g1
    }

    static func loudness(_ samples: [Float], rate: Int) -> Double {
        let meter = KWeightedMeter(sampleRate: rate)
        samples.withUnsafeBufferPointer { meter.add($0) }
        return meter.integratedLoudness
    }

    /// BS.1770's K-weighting is specified at 48 kHz; the same filters designed for 22.05 kHz read
    /// speech slightly differently (ffmpeg, which resamples to 48 kHz, agrees with the latter; for
    /// the voices in Voices/ the difference is now about 0.05 LU, once more than 0.4). Measuring
    /// the sample both ways gives the correction for every later reading. It
    /// depends on the voice's spectral tilt, not on the words, and is measured on every programme
    /// rather than remembered, so no programme's gain depends on another's.
    static func rateBias(_ sample: [Float], rate: Int) throws -> Double {
        guard rate < 44100, !sample.isEmpty else { return 0 }
        // Five seconds of speech pin the spectral tilt down (within 0.01 LU of fifteen, for every
        // voice in Voices/) for ~45 ms of resampling; more only costs time.
        let sample = Array(sample.prefix(5 * rate))
        let resampled = try Resampler(from: rate, to: 48000).process(sample, last: true)
        let bias = loudness(resampled, rate: 48000) - loudness(sample, rate: rate)
        debug("rate bias at \(rate) Hz: \(bias)")
        return bias.isFinite ? bias : 0
    }

    /// Where the programme's sentences start, in its samples (empty when it has no sentence log).
    static func sentenceStarts(_ timeline: Timeline) -> [Int] {
        var starts: [Int] = []
        try? timeline.forEachSentence { starts.append($0.start) }
        return starts
    }

    /// What the gain is estimated on, enough to estimate integrated loudness (the final pass
    /// measures the real value, and corrects in the rare miss): a programme of a minute or less
    /// whole; else 3-second stretches, a minute at most, each from the start of a sentence (every
    /// n-th), so that correcting one sentence changes at most its own stretch and not, by moving
    /// what follows, every stretch after it. Without sentences: stretches evenly spread.
    static func sample(_ spool: PCMSpool, rate: Int, sentences: [Int]) throws -> [Float] {
        guard let ranges = sampleRanges(count: spool.count, rate: rate, sentences: sentences) else { return try sample(spool, rate: rate) }
        var result: [Float] = []
        result.reserveCapacity(ranges.reduce(0) { $0 + $1.count })
        for range in ranges { result += try spool.samples(in: range).map { Float($0) / 32768 } }
        return result
    }

    /// The stretches `sample` reads for a programme of `count` samples; nil when it has too few
    /// sentences to anchor them (then they are evenly spread).
    static func sampleRanges(count: Int, rate: Int, sentences: [Int]) -> [Range<Int>]? {
        let stretch = 3 * rate, most = 20
        if count <= stretch * most { return [0..<count] }
        let starts = sentences.filter { $0 >= 0 && $0 < count }
        guard starts.count >= most else { return nil }
        let every = (starts.count + most - 1) / most
        var ranges: [Range<Int>] = []
        var covered = 0
        for (n, start) in starts.enumerated() where n % every == 0 {
            let range = max(start, covered)..<min(count, start + stretch)
            guard !range.isEmpty else { continue }
            ranges.append(range)
            covered = range.upperBound
        }
        return ranges
    }

    /// Evenly spread 3-second stretches of the programme, one minute at most.
    static func sample(_ spool: PCMSpool, rate: Int) throws -> [Float] {
        let stretch = 3 * rate
        let stretches = max(1, spool.count / stretch)
        let keep = min(stretches, 20)
        let every = max(1, (stretches + keep - 1) / keep)
        var result: [Float] = []
        result.reserveCapacity(min(spool.count, keep * stretch))
        var position = 0
        try spool.forEachBlock { block in
            // Copy the parts of this block that fall in a kept stretch, a run at a time.
            var i = 0
            while i < block.count {
                let index = (position + i) / stretch
                let runEnd = min(block.count, (index + 1) * stretch - position)
                if index % every == 0 { for s in block[i..<runEnd] { result.append(Float(s) / 32768) } }
                i = runEnd
            }
            position += block.count
        }
        return result
    }

    static let debugging = ProcessInfo.processInfo.environment["EDITION_DEBUG_MASTER"] != nil
    static func debug(_ text: @autoclosure () -> String) {
        if debugging { FileHandle.standardError.write(Data((text() + "\n").utf8)) }
    }

    static func centi(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
