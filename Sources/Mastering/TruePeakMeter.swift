import Foundation

/// True peak (ITU-R BS.1770 style: 4× oversampled) at a fraction of a full oversampler's cost.
/// An inter-sample peak can only rise well above its neighbours' level in pathological signals,
/// so the 4× interpolation (a 16-tap windowed-sinc polyphase filter) runs only between samples
/// that reach within 6 dB of the largest peak seen so far: in speech, a small share of them.
/// `verify` cross-checks a whole file with libebur128's full meter.
public final class TruePeakMeter {
    static let taps = 8            // each side of the interpolation point
    static let phases: [[Float]] = (1...3).map { p in
        // Each phase's 16 taps, as the four SIMD4 registers `add` multiplies by.
        let t = Double(p) / 4
        return (-(taps - 1)...taps).map { m -> Float in
            let x = t - Double(m)
            let sinc = x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x)
            let window = 0.5 + 0.5 * cos(Double.pi * x / Double(taps))   // Hann over ±taps
            return Float(sinc * window)
        }
    }

    /// The three phases' taps in registers: phase p's taps 4q..4q+3 are `kernel[4p + q]`.
    private let kernel: [SIMD4<Float>] = TruePeakMeter.phases.flatMap { taps in
        stride(from: 0, to: taps.count, by: 4).map { SIMD4(taps[$0..<($0 + 4)]) }
    }
    private var history: [Float] = []        // the last 2×taps samples, then the new block
    private(set) public var peak: Float = 0  // linear

    public init() {
        history = [Float](repeating: 0, count: Self.taps - 1)
    }

    public var truePeak: Double { peak > 0 ? 20 * log10(Double(peak)) : -.infinity }

    public func add(_ samples: UnsafeBufferPointer<Float>) {
        let t = Self.taps
        guard let base = samples.baseAddress, samples.count >= 2 * t else {
            // A short block: joined to what came before until a window fits.
            history.append(contentsOf: samples)
            guard history.count >= 2 * t else { return }
            let end = history.count - t
            history.withUnsafeBufferPointer { scan($0.baseAddress!, from: t - 1, to: end) }
            history.removeFirst(end - (t - 1))
            return
        }
        // The windows that straddle what came before and this block, from a short joined copy;
        // the rest straight from the block (copying every sample had cost as much as a tenth of
        // the meter). `history` holds between taps − 1 and 2 × taps − 1 samples here.
        let joined = history + samples.prefix(2 * t)
        let end = joined.count - t
        joined.withUnsafeBufferPointer { scan($0.baseAddress!, from: t - 1, to: end) }
        scan(base, from: end - history.count, to: samples.count - t)
        history = Array(samples.suffix(2 * t - 1))
    }

    /// Interpolates between h[k] and h[k+1] for k in `from..<to` (each with a full window from
    /// h[k − taps + 1] to h[k + taps]).
    private func scan(_ h: UnsafePointer<Float>, from: Int, to: Int) {
        guard from < to else { return }
        let t = Self.taps
        var peak = self.peak
        let k0 = kernel[0], k1 = kernel[1], k2 = kernel[2], k3 = kernel[3], k4 = kernel[4], k5 = kernel[5]
        let k6 = kernel[6], k7 = kernel[7], k8 = kernel[8], k9 = kernel[9], k10 = kernel[10], k11 = kernel[11]
        @inline(__always) func total(_ v: SIMD4<Float>) -> Float { abs((v[0] + v[1]) + (v[2] + v[3])) }
        for k in from..<to {
            let a = abs(h[k]), b = abs(h[k + 1])
            if a > peak { peak = a }
            let threshold = peak * 0.5
            guard a > threshold || b > threshold else { continue }
            // The 16-sample window once, as four registers, against each phase's taps.
            let window = UnsafeRawPointer(h + (k - (t - 1)))
            let w0 = window.loadUnaligned(as: SIMD4<Float>.self), w1 = window.loadUnaligned(fromByteOffset: 16, as: SIMD4<Float>.self)
            let w2 = window.loadUnaligned(fromByteOffset: 32, as: SIMD4<Float>.self), w3 = window.loadUnaligned(fromByteOffset: 48, as: SIMD4<Float>.self)
            let y = Swift.max(total((w0 * k0 + w1 * k1) + (w2 * k2 + w3 * k3)),
                              Swift.max(total((w0 * k4 + w1 * k5) + (w2 * k6 + w3 * k7)),
                                        total((w0 * k8 + w1 * k9) + (w2 * k10 + w3 * k11))))
            if y > peak { peak = y }
        }
        self.peak = peak
    }

    /// The peak of another stretch of the same programme, measured on its own.
    public func absorb(_ other: TruePeakMeter) { peak = max(peak, other.peak) }

    /// Counts the samples still held back for the interpolation window.
    public func finish() {
        var zeros = [Float](repeating: 0, count: 2 * Self.taps)
        zeros.withUnsafeMutableBufferPointer { add(UnsafeBufferPointer($0)) }
    }
}
