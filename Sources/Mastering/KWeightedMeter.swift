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
    // Direct form I history: the input's last two samples, the shelf's (the high-pass's input)
    // and the high-pass's.
    private var x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0, z1 = 0.0, z2 = 0.0
    /// Each filter four samples at a time (see `Block`).
    private let shelfBlock: Block, highPassBlock: Block
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
        shelfBlock = Block(shelf)
        highPassBlock = Block(highPass)
    }

    /// A biquad run four samples at a time: the four outputs are the feed-forward part convolved
    /// with the first four terms of the feedback's impulse response, plus what the last two
    /// outputs contribute, so only one step in four waits on the step before (a plain biquad's
    /// chain of dependent multiply-adds is what bounded the meter: 0.38 s per hour of audio).
    struct Block {
        let b: (Double, Double, Double)
        let h0, h1, h2, h3: SIMD4<Double>   // column j: h[k − j] for k ≥ j
        let fromY1: SIMD4<Double>, fromY2: SIMD4<Double>

        init(_ c: (Double, Double, Double, Double, Double)) {
            let (b0, b1, b2, a1, a2) = c
            b = (b0, b1, b2)
            var h = [1.0, -a1]
            for _ in 2..<4 { h.append(-a1 * h[h.count - 1] - a2 * h[h.count - 2]) }
            let columns = (0..<4).map { j in SIMD4((0..<4).map { k in k >= j ? h[k - j] : 0 }) }
            (h0, h1, h2, h3) = (columns[0], columns[1], columns[2], columns[3])
            // y[k] from y[−1] = 1 (or y[−2] = 1) alone, with no input.
            func response(_ p1: Double, _ p2: Double) -> SIMD4<Double> {
                var out: [Double] = [], (q1, q2) = (p1, p2)
                for _ in 0..<4 { let y = -a1 * q1 - a2 * q2; out.append(y); (q2, q1) = (q1, y) }
                return SIMD4(out)
            }
            fromY1 = response(1, 0)
            fromY2 = response(0, 1)
        }

        /// Four outputs from four inputs `x`, the two inputs before them and the two outputs before them.
        @inline(__always)
        func run(_ x: SIMD4<Double>, _ x1: Double, _ x2: Double, _ y1: Double, _ y2: Double) -> SIMD4<Double> {
            let shifted1 = SIMD4(x1, x[0], x[1], x[2]), shifted2 = SIMD4(x2, x1, x[0], x[1])
            let w = b.0 * x + b.1 * shifted1 + b.2 * shifted2
            let forced = (h0 * w[0] + h1 * w[1]) + (h2 * w[2] + h3 * w[3])
            return forced + (fromY1 * y1 + fromY2 * y2)
        }
    }

    public func add(_ samples: UnsafeBufferPointer<Float>) {
        var x1 = self.x1, x2 = self.x2, y1 = self.y1, y2 = self.y2, z1 = self.z1, z2 = self.z2
        var inSubBlock = self.inSubBlock, subSum = self.subSum
        let subBlock = self.subBlock
        let shelfBlock = self.shelfBlock, highPassBlock = self.highPassBlock
        @inline(__always) func accumulate(_ z: Double) {
            subSum += z * z
            inSubBlock += 1
            if inSubBlock == subBlock {
                closeSubBlock(subSum)
                inSubBlock = 0
                subSum = 0
            }
        }
        var i = 0
        let n = samples.count
        while i + 4 <= n {
            let x = SIMD4(Double(samples[i]), Double(samples[i + 1]), Double(samples[i + 2]), Double(samples[i + 3]))
            let y = shelfBlock.run(x, x1, x2, y1, y2)
            let z = highPassBlock.run(y, y1, y2, z1, z2)
            (x1, x2, y1, y2, z1, z2) = (x[3], x[2], y[3], y[2], z[3], z[2])
            if inSubBlock + 4 < subBlock {   // the usual case: no sub-block ends in these four
                let squares = z * z
                subSum += (squares[0] + squares[1]) + (squares[2] + squares[3])
                inSubBlock += 4
            } else {
                for k in 0..<4 { accumulate(z[k]) }
            }
            i += 4
        }
        // The last one to three samples, one at a time (the same filters in direct form I).
        let (b0, b1, b2, a1, a2) = shelf
        let (_, _, _, c1, c2) = highPass
        while i < n {
            let x = Double(samples[i])
            let y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
            let z = y - 2 * y1 + y2 - c1 * z1 - c2 * z2   // the high-pass's numerator is 1, −2, 1
            (x2, x1, y2, y1, z2, z1) = (x1, x, y1, y, z1, z)
            accumulate(z)
            i += 1
        }
        self.x1 = x1; self.x2 = x2; self.y1 = y1; self.y2 = y2; self.z1 = z1; self.z2 = z2
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
