import Foundation
import CEbur128

/// EBU R128 / ITU BS.1770-4 measurement through libebur128: integrated loudness (gated) and
/// true peak (oversampled), over a whole programme fed in blocks. Gating blocks go into
/// libebur128's histogram (0.1 LU bins), not its list, so memory stays flat over hours of audio.
public final class LoudnessMeter {
    private var state: UnsafeMutablePointer<ebur128_state>?
    public let measuresTruePeak: Bool

    /// True-peak measurement oversamples 4× and costs more than the loudness itself: ask for it
    /// only where it is reported.
    /// `histogram: false` keeps every block (exact, but memory grows with length): for tests.
    /// Throws when libebur128 cannot start a meter (a rate it refuses, or no memory).
    public init(sampleRate: Int, truePeak: Bool = true, histogram: Bool = true) throws {
        let mode = EBUR128_MODE_I.rawValue | (histogram ? EBUR128_MODE_HISTOGRAM.rawValue : 0) | (truePeak ? EBUR128_MODE_TRUE_PEAK.rawValue : 0)
        guard sampleRate > 0, let state = ebur128_init(1, UInt(sampleRate), Int32(mode)) else {
            throw MasteringError.meter("libebur128 cannot measure mono audio at \(sampleRate) Hz")
        }
        self.state = state
        measuresTruePeak = truePeak
    }

    deinit { ebur128_destroy(&state) }

    /// libebur128 fails here only when it cannot allocate a gating block, which the default
    /// histogram mode never does; out of memory is then treated as Swift treats its own.
    public func add(_ samples: UnsafeBufferPointer<Float>) {
        guard let base = samples.baseAddress, !samples.isEmpty else { return }
        let status = ebur128_add_frames_float(state, base, samples.count)
        guard status == Int32(EBUR128_SUCCESS.rawValue) else { fatalError("libebur128: out of memory (error \(status))") }
    }

    /// Integrated loudness in LUFS; −inf for silence.
    public var integratedLoudness: Double {
        var value = -Double.infinity
        let status = ebur128_loudness_global(state, &value)
        precondition(status == Int32(EBUR128_SUCCESS.rawValue), "libebur128: integrated loudness failed (error \(status))")
        return value
    }

    /// True peak in dBTP. Only for a meter made with `truePeak: true`.
    public var truePeak: Double {
        precondition(measuresTruePeak, "this meter was made without true-peak measurement")
        var peak = 0.0
        let status = ebur128_true_peak(state, 0, &peak)
        precondition(status == Int32(EBUR128_SUCCESS.rawValue), "libebur128: true peak failed (error \(status))")
        return peak > 0 ? 20 * log10(peak) : -Double.infinity
    }
}
