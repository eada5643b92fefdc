import Foundation

/// True peak (ITU-R BS.1770 style: 4× oversampled) at a fraction of a full oversampler's cost.
/// An inter-sample peak can only rise well above its neighbours' level in pathological signals,
/// so the 4× interpolation (a 16-tap windowed-sinc polyphase filter) runs only where samples
/// reach within 6 dB of the largest peak seen so far: in speech, a share of them.
/// It runs four interpolation points at a time, one per SIMD lane: each tap is then one
/// multiply-add of four neighbouring windows, with no sum across a register (the per-point form
/// spent as long adding up lanes as multiplying). `verify` cross-checks a whole file with
/// libebur128's full meter.
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

    /// Every tap of the three phases, each repeated across a register: phase p's tap m is
    /// `kernel[16p + m]`.
    private let kernel: [SIMD4<Float>] = TruePeakMeter.phases.flatMap { $0.map { SIMD4(repeating: $0) } }
    private var history: [Float] = []        // the last 2×taps samples, then the new block
    private(set) public var peak: Float = 0  // linear

    public init() {
        history = [Float](repeating: 0, count: Self.taps - 1)
    }

    public var truePeak: Double { peak > 0 ? 20 * log10(Double(peak)) : -.infinity }

    public func add(_ samples: UnsafeBufferPointer<Float>) {
        let t = Self.taps
        history.append(contentsOf: samples)
        guard history.count >= 2 * t else { return }
        // Interpolate between history[k] and history[k+1] for every k with a full window.
        let end = history.count - t
        history.withUnsafeBufferPointer { h in
            kernel.withUnsafeBufferPointer { taps in
                let base = UnsafeRawPointer(h.baseAddress!)
                var k = t - 1
                // Four points at a time: between h[k+j] and h[k+j+1] for j = 0…3.
                while k + 4 <= end {
                    let samples = base.loadUnaligned(fromByteOffset: 4 * k, as: SIMD4<Float>.self)
                    let levels = samples.replacing(with: -samples, where: samples .< 0)
                    let loudest = Swift.max(Swift.max(levels[0], levels[1]), Swift.max(levels[2], levels[3]))
                    if loudest > peak { peak = loudest }
                    let threshold = peak * 0.5
                    guard loudest > threshold || abs(h[k + 4]) > threshold else { k += 4; continue }
                    // Window m of point k+j starts at h[k+j−(t−1)+m]: one load serves the four points.
                    var y0 = SIMD4<Float>.zero, y1 = SIMD4<Float>.zero, y2 = SIMD4<Float>.zero
                    for m in 0..<(2 * t) {
                        let w = base.loadUnaligned(fromByteOffset: 4 * (k - (t - 1) + m), as: SIMD4<Float>.self)
                        y0 += w * taps[m]
                        y1 += w * taps[2 * t + m]
                        y2 += w * taps[4 * t + m]
                    }
                    // Lane-wise |y| and maxima as selects: the generic pointwiseMax is a call.
                    var z = y0.replacing(with: -y0, where: y0 .< 0)
                    let a1 = y1.replacing(with: -y1, where: y1 .< 0), a2 = y2.replacing(with: -y2, where: y2 .< 0)
                    z.replace(with: a1, where: a1 .> z)
                    z.replace(with: a2, where: a2 .> z)
                    let most = Swift.max(Swift.max(z[0], z[1]), Swift.max(z[2], z[3]))
                    if most > peak { peak = most }
                    k += 4
                }
                // The last few points one at a time.
                while k < end {
                    let a = abs(h[k]), b = abs(h[k + 1])
                    if a > peak { peak = a }
                    let threshold = peak * 0.5
                    if a > threshold || b > threshold {
                        for p in 0..<3 {
                            var sum: Float = 0
                            for m in 0..<(2 * t) { sum += h[k - (t - 1) + m] * taps[2 * t * p + m][0] }
                            if abs(sum) > peak { peak = abs(sum) }
                        }
                    }
                    k += 1
                }
            }
        }
        history.removeFirst(end - (t - 1))
    }

    /// The peak of another stretch of the same programme, measured on its own.
    public func absorb(_ other: TruePeakMeter) { peak = max(peak, other.peak) }

    /// Counts the samples still held back for the interpolation window.
    public func finish() {
        var zeros = [Float](repeating: 0, count: 2 * Self.taps)
        zeros.withUnsafeMutableBufferPointer { add(UnsafeBufferPointer($0)) }
    }
}
