import Foundation

/// BS.1770-4 integrated loudness for the mastering loop: K-weighting designed for any rate with
/// libebur128's own formulas, 400 ms blocks every 100 ms, the absolute (−70 LUFS) and relative
/// (−10 LU) gates. Why not libebur128 itself: its 4th-order direct-form filter is one long chain
/// of dependent multiply-adds, ~8 ns a sample, and mastering measures every sample it writes.
///
/// Here the two biquads run on four stretches of the programme at once, one per SIMD lane: a
/// recursive filter cannot be split in time, but it forgets: each lane after the first starts
/// from rest `warmUp` samples early, by when what it missed has decayed below 10⁻⁹ (the slowest
/// pole is the 38 Hz high-pass's). The filters run in Float: that pole lifts rounding noise to
/// about −90 dB of the signal. Tests hold the meter to libebur128 within 0.02 LU, and to itself
/// fed one sample at a time; `verify` reads files with libebur128.
public final class KWeightedMeter {
    typealias Coefficients = (b0: Float, b1: Float, b2: Float, a1: Float, a2: Float)
    // Pre-filter (high shelf) and RLB high-pass.
    private let shelf: Coefficients
    private let highPass: Coefficients
    /// The filters' state where the measured audio ends: direct form I, the input's last two
    /// samples, the shelf's (the high-pass's input) and the high-pass's.
    private var state = FilterState()
    private let subBlock: Int                            // 100 ms of samples
    private let warmUp: Int
    /// Audio not yet filtered. It starts on a 100 ms boundary whenever `inSubBlock` is 0.
    private var pending: [Float] = []
    private var inSubBlock = 0
    private var subSum = 0.0
    private var recent = [Double](repeating: 0, count: 4) // the last four 100 ms sums
    private var subBlocks = 0
    /// Gated blocks binned by loudness (0.01 LU from −70 LUFS): count and exact energy sum, so
    /// memory is flat over any length and only the relative gate's own bin is approximate.
    private var counts = [Int](repeating: 0, count: KWeightedMeter.bins)
    private var energies = [Double](repeating: 0, count: KWeightedMeter.bins)
    static let bins = 10_000, floor = -70.0, step = 0.01
    /// 100 ms blocks per lane in one pass: four lanes of 3.2 s, so the warm-up is a few percent.
    static let laneBlocks = 32
    /// In a pause the filters' state decays towards Float's subnormals, where arithmetic costs a
    /// hundred times more: each 100 ms it is set to zero below 10⁻²⁵ (−500 dB), which a 100 ms
    /// decay cannot take below the subnormals (the slowest pole loses about 10⁻¹¹ in that time).
    static let rest: Float = 1e-25

    public init(sampleRate: Int) {
        let rate = Double(sampleRate)
        var f0 = 1681.974450955533, q = 0.7071752369554196
        var k = tan(Double.pi * f0 / rate)
        let vh = pow(10, 3.999843853973347 / 20), vb = pow(vh, 0.4996667741545416)
        var a0 = 1 + k / q + k * k
        shelf = (Float((vh + vb * k / q + k * k) / a0), Float(2 * (k * k - vh) / a0), Float((vh - vb * k / q + k * k) / a0),
                 Float(2 * (k * k - 1) / a0), Float((1 - k / q + k * k) / a0))
        f0 = 38.13547087602444; q = 0.5003270373238773
        k = tan(Double.pi * f0 / rate)
        a0 = 1 + k / q + k * k
        let a1 = 2 * (k * k - 1) / a0, a2 = (1 - k / q + k * k) / a0
        highPass = (1, -2, 1, Float(a1), Float(a2))
        subBlock = (sampleRate + 5) / 10
        // Samples until the high-pass's impulse response stays under 10⁻⁹ of its start.
        var h = (1.0, 0.0), n = 0, quiet = 0
        while quiet < 64 && n < 20 * sampleRate {
            h = (-a1 * h.0 - a2 * h.1, h.0)
            quiet = abs(h.0) < 1e-9 ? quiet + 1 : 0
            n += 1
        }
        warmUp = n
    }

    public func add(_ samples: UnsafeBufferPointer<Float>) {
        pending.append(contentsOf: samples)
        if pending.count >= 4 * Self.laneBlocks * subBlock + subBlock { drain(final: false) }
    }

    /// Filters what is pending: one sample at a time up to a 100 ms boundary, then four lanes of
    /// 3.2 s while there is enough for them; at the `final` drain, four shorter lanes if they
    /// are still long beside the warm-up, and one sample at a time for the rest.
    private func drain(final: Bool) {
        var done = 0
        if inSubBlock != 0 { done = serial(from: 0, count: min(pending.count, subBlock - inSubBlock)) }
        let full = Self.laneBlocks * subBlock
        while pending.count - done >= 4 * full {
            lanes(from: done, length: full)
            done += 4 * full
        }
        if final {
            let length = (pending.count - done) / (4 * subBlock) * subBlock
            if length >= 4 * warmUp {
                lanes(from: done, length: length)
                done += 4 * length
            }
            done += serial(from: done, count: pending.count - done)
        }
        pending.removeFirst(done)
    }

    /// Four stretches of `length` samples from `start` (a 100 ms boundary), one per lane.
    private func lanes(from start: Int, length: Int) {
        let shelf = self.shelf, highPass = self.highPass
        var x1 = SIMD4<Float>.zero, x2 = SIMD4<Float>.zero, y1 = SIMD4<Float>.zero, y2 = SIMD4<Float>.zero
        var z1 = SIMD4<Float>.zero, z2 = SIMD4<Float>.zero
        @inline(__always) func step(_ x: SIMD4<Float>) -> SIMD4<Float> {
            let y = shelf.b0 * x + shelf.b1 * x1 + shelf.b2 * x2 - shelf.a1 * y1 - shelf.a2 * y2
            let z = (y - 2 * y1 + y2) - highPass.a1 * z1 - highPass.a2 * z2   // the high-pass's numerator is 1, −2, 1
            (x2, x1, y2, y1, z2, z1) = (x1, x, y1, y, z1, z)
            return z
        }
        var sums = [Double](repeating: 0, count: 4 * (length / subBlock))
        pending.withUnsafeBufferPointer { audio in
            let p = audio.baseAddress! + start
            // Lanes 1–3 warm up on the audio before their stretch; lane 0 then takes the
            // carried state, as it continues what was measured before.
            let lead = min(warmUp, length)
            for t in 0..<lead {
                let i = length - lead + t
                _ = step(SIMD4(0, p[i], p[length + i], p[2 * length + i]))
            }
            x1[0] = state.x1; x2[0] = state.x2; y1[0] = state.y1; y2[0] = state.y2; z1[0] = state.z1; z2[0] = state.z2
            var block = 0
            for blockStart in stride(from: 0, to: length, by: subBlock) {
                var squares = SIMD4<Float>.zero
                for t in blockStart..<(blockStart + subBlock) {
                    let z = step(SIMD4(p[t], p[length + t], p[2 * length + t], p[3 * length + t]))
                    squares += z * z
                }
                for lane in 0..<4 { sums[lane * (length / subBlock) + block] = Double(squares[lane]) }
                block += 1
                settle(&x1); settle(&x2); settle(&y1); settle(&y2); settle(&z1); settle(&z2)
            }
        }
        state = FilterState(x1: x1[3], x2: x2[3], y1: y1[3], y2: y2[3], z1: z1[3], z2: z2[3])
        for sum in sums { closeSubBlock(sum) }
    }

    /// `count` samples from `start`, one at a time (the same filters in direct form I).
    private func serial(from start: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        let (b0, b1, b2, a1, a2) = shelf
        let (c1, c2) = (highPass.a1, highPass.a2)
        var s = state
        pending.withUnsafeBufferPointer { audio in
            for i in start..<(start + count) {
                let x = audio[i]
                let y = b0 * x + b1 * s.x1 + b2 * s.x2 - a1 * s.y1 - a2 * s.y2
                let z = (y - 2 * s.y1 + s.y2) - c1 * s.z1 - c2 * s.z2
                (s.x2, s.x1, s.y2, s.y1, s.z2, s.z1) = (s.x1, x, s.y1, y, s.z1, z)
                subSum += Double(z * z)
                inSubBlock += 1
                if inSubBlock == subBlock {
                    closeSubBlock(subSum)
                    inSubBlock = 0
                    subSum = 0
                    s.rest()
                }
            }
        }
        state = s
        return count
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
        drain(final: true)
        other.drain(final: true)
        for bin in 0..<Self.bins where other.counts[bin] > 0 {
            counts[bin] += other.counts[bin]
            energies[bin] += other.energies[bin]
        }
    }

    /// Integrated loudness in LUFS; −inf when nothing passed the absolute gate.
    public var integratedLoudness: Double {
        drain(final: true)
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

private struct FilterState {
    var x1: Float = 0, x2: Float = 0, y1: Float = 0, y2: Float = 0, z1: Float = 0, z2: Float = 0

    mutating func rest() {
        var v = SIMD8<Float>(x1, x2, y1, y2, z1, z2, 0, 0)
        v.replace(with: 0, where: (v .< KWeightedMeter.rest) .& (v .> -KWeightedMeter.rest))
        (x1, x2, y1, y2, z1, z2) = (v[0], v[1], v[2], v[3], v[4], v[5])
    }
}

/// Flushes filter state that has decayed to rest (see `KWeightedMeter.rest`).
@inline(__always)
private func settle(_ v: inout SIMD4<Float>) {
    v.replace(with: 0, where: (v .< KWeightedMeter.rest) .& (v .> -KWeightedMeter.rest))
}
