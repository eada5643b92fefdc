import EditionCore
import Foundation

/// What mastering needs to know about a voice before it hears a programme: how much loudness
/// its limiter takes at the target (the gain the target needs beyond the plain level
/// difference), and how the engine's rate reads against BS.1770's 48 kHz (`Master.rateBias`).
/// Both depend on the voice's crest factor and spectral tilt, not on the words: measured once
/// on a fixed passage, they spare every programme the gain search (limiter and meter run 3–4
/// times over a minute of audio: most of mastering's cost on a 4-minute article).
/// At the target the limiter is working hard, so loudness moves only ~0.3 LU per dB of gain:
/// a programme whose own loss differs by 0.3 dB lands within 0.1 LU; the final pass measures
/// what was written and corrects the rare miss. The calibration is a function of the voice,
/// the plan and the engine alone, so the same input still gives the same files.
public struct LoudnessCalibration: Codable, Sendable, Equatable {
    /// dB of gain beyond `target − source loudness` that lands on the target once limited.
    public var limiterLoss: Double
    /// LU to add to a reading at the engine's rate to get BS.1770's 48 kHz reading.
    public var rateBias: Double

    public init(limiterLoss: Double, rateBias: Double) {
        self.limiterLoss = limiterLoss
        self.rateBias = rateBias
    }

    /// Measures the calibration on `speech` (at `rate`): the same gain search a programme
    /// without a calibration runs on its own sample.
    public static func measure(_ speech: [Float], rate: Int, plan: MasteringPlan) throws -> LoudnessCalibration {
        let bias = try Master.rateBias(speech, rate: rate)
        let source = Master.loudness(speech, rate: rate) + bias
        guard source.isFinite else { throw MasteringError.silent(title: "the loudness calibration passage", seconds: Double(speech.count) / Double(rate)) }
        // Searched closer than a programme's own search (0.1 LU): it is done once, and every
        // programme of the voice inherits its error.
        let gain = Master(plan: plan, formats: []).settle(speech, sourceLoudness: source, rate: rate, bias: bias, tolerance: 0.02)
        return LoudnessCalibration(limiterLoss: gain - (plan.loudness - source), rateBias: bias)
    }

    /// Bumped whenever the measurement changes, so stored calibrations are not reused.
    public static let version = 1
}
