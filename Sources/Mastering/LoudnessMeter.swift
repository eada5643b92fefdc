import Foundation
import CEbur128

/// EBU R128 / ITU BS.1770-4 measurement through libebur128: integrated loudness (gated) and
/// true peak (oversampled), over a whole programme fed in blocks. Gating blocks go into
/// libebur128's histogram (0.1 LU bins), not its list, so memory stays flat over hours of audio.
public final class LoudnessMeter {
    private var state: UnsafeMutablePointer<ebur128_state>?

    /// True-peak measurement oversamples 4× and costs more than the loudness itself: ask for it
    /// only where it is reported.
    /// `histogram: false` keeps every block (exact, but memory grows with length): for tests.
    public init(sampleRate: Int, truePeak: Bool = true, histogram: Bool = true) {
        let mode = EBUR128_MODE_I.rawValue | (histogram ? EBUR128_MODE_HISTOGRAM.rawValue : 0) | (truePeak ? EBUR128_MODE_TRUE_PEAK.rawValue : 0)
        state = ebur128_init(1, UInt(sampleRate), Int32(mode))
    }

    deinit { ebur128_destroy(&state) }

    public func add(_ samples: UnsafeBufferPointer<Float>) {
        guard let base = samples.baseAddress, !samples.isEmpty else { return }
        ebur128_add_frames_float(state, base, samples.count)
    }

    /// Integrated loudness in LUFS; −inf for silence.
    public var integratedLoudness: Double {
        var value = -Double.infinity
        ebur128_loudness_global(state, &value)
        return value
    }

    /// True peak in dBTP.
    public var truePeak: Double {
        var peak = 0.0
        ebur128_true_peak(state, 0, &peak)
        return peak > 0 ? 20 * log10(peak) : -Double.infinity
    }
}
