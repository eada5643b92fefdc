import Audio
import EditionCore
import Foundation
import Tagging

/// What mastering did, measured on what it wrote.
public struct MasteringReport: Sendable, Codable, Equatable {
    /// Integrated loudness of the raw programme, LUFS.
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
public struct Master {
    public var plan: MasteringPlan
    public var formats: [AudioFormat]

    /// Headroom kept under the true-peak ceiling for the resampler's and decoders' overshoot.
    static let limiterMargin: Float = 0.35

    public init(plan: MasteringPlan, formats: [AudioFormat]) {
        self.plan = plan
        self.formats = formats
    }

    /// `measured` is the loudness meter fed while recording, at the spool's rate.
    /// `destination(format)` gives the (temporary) path each format is written to.
    /// Returns the timeline at the output rate and what mastering measured.
    public func render(spool: PCMSpool, timeline: Timeline, measured: LoudnessMeter, tags: EpisodeTags,
                       destination: (AudioFormat) -> String) throws -> (Timeline, MasteringReport) {
        let source = measured.integratedLoudness
        guard source.isFinite else { throw MasteringError.silent }
        let intro = try plan.introAudio.map { try Clip.load($0, rate: timeline.sampleRate, loudness: plan.loudness) }
        let outro = try plan.outroAudio.map { try Clip.load($0, rate: timeline.sampleRate, loudness: plan.loudness) }
        let (gain, ceiling, result) = try settle(spool: spool, sourceLoudness: source, rate: timeline.sampleRate)

        // The output timeline: source positions after the intro, scaled to the output rate.
        let ratio = Double(plan.sampleRate) / Double(timeline.sampleRate)
        let shifted = Self.rescale(timeline, ratio: 1, offset: intro?.samples.count ?? 0, rate: timeline.sampleRate,
                                   tail: outro?.samples.count ?? 0)
        let outTimeline = Self.rescale(shifted, ratio: ratio, offset: 0, rate: plan.sampleRate, tail: 0)

        let jobs = formats.map { format in
            EncodeJob(format: format, path: destination(format), rate: format.sampleRate(planned: plan.sampleRate),
                      gain: gain, ceiling: ceiling * Float(pow(10, -format.extraHeadroom / 20)), sourceRate: timeline.sampleRate, intro: intro, outro: outro,
                      timeline: outTimeline, tags: tags)
        }
        let frames = try EncodeJob.runAll(jobs, spool: spool)
        let report = MasteringReport(sourceLoudness: Self.centi(source), gain: Self.centi(20 * log10(Double(gain))),
                                     loudness: Self.centi(result.loudness), truePeak: Self.centi(result.truePeak),
                                     sampleRate: plan.sampleRate)
        var final = outTimeline
        if let i = formats.firstIndex(where: { $0.sampleRate(planned: plan.sampleRate) == plan.sampleRate }) {
            final.totalSamples = frames[i]
        }
        return (final, report)
    }

    /// Finds the programme gain and limiter ceiling on a dry run at the source rate (cheap: no
    /// resampling, no encoding): gain to the loudness target, then lower the ceiling until the
    /// true peak (libebur128, 4× oversampled) is under the plan's, and make up what limiting took
    /// off the loudness. Usually one pass; at most three.
    func settle(spool: PCMSpool, sourceLoudness: Double, rate: Int) throws -> (Float, Float, (loudness: Double, truePeak: Double)) {
        var gainDB = plan.loudness - sourceLoudness
        var ceilingDB = plan.truePeak - Double(Self.limiterMargin)
        var result = (loudness: sourceLoudness, truePeak: 0.0)
        for _ in 0..<3 {
            result = try Self.dryRun(spool: spool, rate: rate, gain: Float(pow(10, gainDB / 20)), ceiling: Float(pow(10, ceilingDB / 20)))
            let peakOver = result.truePeak - (plan.truePeak - 0.05)
            let loudnessShort = plan.loudness - result.loudness
            if peakOver <= 0 && abs(loudnessShort) <= 0.3 { break }
            if peakOver > 0 { ceilingDB -= peakOver + 0.05 }
            if abs(loudnessShort) > 0.3 { gainDB += loudnessShort }
        }
        return (Float(pow(10, gainDB / 20)), Float(pow(10, ceilingDB / 20)), result)
    }

    static func dryRun(spool: PCMSpool, rate: Int, gain: Float, ceiling: Float) throws -> (loudness: Double, truePeak: Double) {
        let meter = LoudnessMeter(sampleRate: rate)
        let limiter = PeakLimiter(ceiling: ceiling, sampleRate: rate)
        var floats: [Float] = [], limited: [Float] = []
        try spool.forEachBlock { block in
            floats.removeAll(keepingCapacity: true)
            limited.removeAll(keepingCapacity: true)
            for s in block { floats.append(Float(s) * (gain / 32768)) }
            floats.withUnsafeBufferPointer { limiter.process($0, into: &limited) }
            limited.withUnsafeBufferPointer { meter.add($0) }
        }
        limited.removeAll()
        limiter.flush(into: &limited)
        limited.withUnsafeBufferPointer { meter.add($0) }
        return (meter.integratedLoudness, meter.truePeak)
    }

    static func centi(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    static func rescale(_ t: Timeline, ratio: Double, offset: Int, rate: Int, tail: Int) -> Timeline {
        func map(_ p: Int) -> Int { offset + Int((Double(p) * ratio).rounded()) }
        return Timeline(sampleRate: rate, totalSamples: map(t.totalSamples) + tail,
                        chapters: t.chapters.map { Chapter(title: $0.title, start: map($0.start)) },
                        words: t.words.map { TimedText(text: $0.text, start: map($0.start), end: map($0.end)) },
                        sentences: t.sentences.map { TimedText(text: $0.text, start: map($0.start), end: map($0.end)) })
    }
}
