import Foundation

/// BS.1770-4 integrated loudness for the mastering loop: K-weighting designed for any rate with
/// libebur128's own formulas, 400 ms blocks every 100 ms, the absolute (−70 LUFS) and relative
/// (−10 LU) gates. Why not libebur128 itself: it runs a 4th-order direct-form filter whose long
/// dependency chain costs ~8 ns a sample, and mastering measures every sample of a programme
/// once plus a sample of it several times. Two transposed biquads pipeline about twice as fast.
/// Tests hold this meter to libebur128 within 0.02 LU; `verify` reads files with libebur128.
public final class KWeightedMeter {
    // Pre-filter (high shelf) and RLB high-pass, each b0 b1 b2 a1 a2.
    private let shelf: (Double, Double, Double, Double, Double)
    private let highPass: (Double, Double, Double, Double, Double)
    private var s1 = 0.0, s2 = 0.0, h1 = 0.0, h2 = 0.0   // transposed direct form II states
    private let subBlock: Int                            // 100 ms of samples
    private var inSubBlock = 0
    private var subSum = 0.0
    private var recent = [Double](repeating: 0, count: 4) // the last four 100 ms sums
    private var subBlocks = 0
    /// Gated blocks binned by loudness (0.01 LU from −70 LUFS): count and exact energy sum, so
    /// memory is flat over any length and only the relative gate's own bin is approximate.
    private var counts = [Int](repeating: 0, count: KWeightedMeter.bins)
    private var energies = [Double](repeating: 0, count: KWeightedMeter.bins)
    static let bins = 10_000, floor = -70.0, step = 0.01

    public init(sampleRate: Int) {
        let rate = Double(sampleRate)
        var f0 = 1681.974450955533, q = 0.7071752369554196
        var k = tan(Double.pi * f0 / rate)
        let vh = pow(10, 3.999843853973347 / 20), vb = pow(vh, 0.4996667741545416)
        var a0 = 1 + k / q + k * k
        shelf = ((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0)
        f0 = 38.13547087602444; q = 0.5003270373238773
        k = tan(Double.pi * f0 / rate)
        a0 = 1 + k / q + k * k
        highPass = (1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0)
        subBlock = (sampleRate + 5) / 10
    }

    public func add(_ samples: UnsafeBufferPointer<Float>) {
        var s1 = self.s1, s2 = self.s2, h1 = self.h1, h2 = self.h2
        var inSubBlock = self.inSubBlock, subSum = self.subSum
        let (b0, b1, b2, a1, a2) = shelf
        let (_, _, _, c1, c2) = highPass
        for x in samples {
            let v = Double(x)
            let y = b0 * v + s1
            s1 = b1 * v - a1 * y + s2
            s2 = b2 * v - a2 * y
            let z = y + h1                // the high-pass's numerator is 1, −2, 1
            h1 = -2 * y - c1 * z + h2
            h2 = y - c2 * z
            subSum += z * z
            inSubBlock += 1
            if inSubBlock == subBlock {
                closeSubBlock(subSum)
                inSubBlock = 0
                subSum = 0
            }
        }
        self.s1 = s1; self.s2 = s2; self.h1 = h1; self.h2 = h2
        self.inSubBlock = inSubBlock; self.subSum = subSum
    }

    private func closeSubBlock(_ sum: Double) {
        recent[subBlocks % 4] = sum
        subBlocks += 1
        guard subBlocks >= 4 else { return }
        let energy = (recent[0] + recent[1] + recent[2] + recent[3]) / Double(4 * subBlock)
        let loudness = Self.lufs(energy)
        guard loudness >= Self.floor else { return }
        let bin = min(Self.bins - 1, Int((loudness - Self.floor) / Self.step))
        counts[bin] += 1
        energies[bin] += energy
    }

    /// Takes in the blocks another meter measured (a later stretch of the same programme, cut
    /// in a pause: no block straddles the cut, and those at its edges are silence the gate drops).
    public func absorb(_ other: KWeightedMeter) {
        for bin in 0..<Self.bins where other.counts[bin] > 0 {
            counts[bin] += other.counts[bin]
            energies[bin] += other.energies[bin]
        }
    }

    /// Integrated loudness in LUFS; −inf when nothing passed the absolute gate.
    public var integratedLoudness: Double {
        var count = 0, energy = 0.0
        for bin in 0..<Self.bins { count += counts[bin]; energy += energies[bin] }
        guard count > 0 else { return -.infinity }
        let threshold = Self.lufs(energy / Double(count)) - 10
        let first = min(Self.bins, max(0, Int(((threshold - Self.floor) / Self.step).rounded(.up))))
        count = 0; energy = 0
        for bin in first..<Self.bins { count += counts[bin]; energy += energies[bin] }
        return count > 0 ? Self.lufs(energy / Double(count)) : -.infinity
    }

    static func lufs(_ energy: Double) -> Double { -0.691 + 10 * log10(energy) }
}
