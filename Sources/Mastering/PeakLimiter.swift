import Foundation

/// A look-ahead peak limiter that never lets a sample above its ceiling and does not pump.
///
/// Each sample's needed gain (ceiling over its level, or over the level estimated half-way to
/// the sample before) is taken as the minimum over the next `window` groups of four samples,
/// slowed on the way back up (release), then averaged over the look-ahead (a box filter), and
/// the input delayed by the look-ahead is multiplied by it. Every term of the box average
/// covers the sample it scales, so the ceiling holds exactly, and the gain moves smoothly over
/// the look-ahead instead of jumping.
///
/// Why groups of four: the release and the box sum are chains, each step waiting on the one
/// before, and one sample per step bounded the limiter at about 0.4 s per hour of audio. With
/// the minimum taken per group, four samples' release is one step in SIMD (`release(from:)`),
/// and the box sum one prefix sum; the needed gains are found four at a time beforehand.
/// Output is delayed internally by the look-ahead; callers see aligned output, as many samples
/// as went in once `flush` is called.
public final class PeakLimiter {
    public let ceiling: Float
    /// Groups of delay; the box filter spans `4 × lookahead` samples.
    let lookahead: Int
    /// Groups the sliding minimum spans: one more than the look-ahead, so that every sample the
    /// box sums for an output sample had that sample in its window.
    let window: Int
    let keep: Float
    /// The release from `r` towards a group's minimum `m`, four samples in one step:
    /// r_j = min(m, keepPowers_j · r + m · reach_j), the recursion r ← min(m, keep·r + (1 − keep + 10⁻⁵)·m)
    /// unrolled (the extra 10⁻⁵ makes it arrive, where Float rounding would stall a little short).
    let keepPowers: SIMD4<Float>, reach: SIMD4<Float>
    private let delay: UnsafeMutablePointer<SIMD4<Float>>   // the last `lookahead` input groups
    private let gains: UnsafeMutablePointer<SIMD4<Float>>   // their released gains
    private let dequeIndex: UnsafeMutablePointer<Int>       // monotonic deque for the sliding minimum
    private let dequeGain: UnsafeMutablePointer<Float>
    private let dequeCapacity: Int
    private var head = 0, tail = 0
    private var slot = 0
    private var boxSum: Double           // Double: summed over hours of samples, a Float would drift
    private var groups = 0               // groups taken in
    private var released: Float = 1
    private var history: (Float, Float, Float) = (0, 0, 0)   // the last three inputs, latest first
    private var leftover: [Float] = []   // fewer than four samples, waiting for the rest of their group
    private var taken = 0, given = 0     // samples in and out
    private var needs: [Float] = []      // per call: the gain each sample needs
    private var limited = UnsafeMutablePointer<Float>.allocate(capacity: 0)   // per call: what `run` gives out
    private var limitedCapacity = 0

    /// What its output depends on besides its input and ceiling: the defaults below and this
    /// design's version. Change it with either, so that no kept encoded part or loudness
    /// calibration outlives them.
    public static let identity = "limiter 2: minimum per 4 samples, 5 ms look-ahead, 80 ms release, 4-tap inter-sample estimate"

    public init(ceiling: Float, sampleRate: Int, lookaheadMilliseconds: Double = 5, releaseMilliseconds: Double = 80) {
        self.ceiling = ceiling
        lookahead = max(1, Int((Double(sampleRate) * lookaheadMilliseconds / 1000 / 4).rounded()))
        window = lookahead + 1
        let k = exp(-1 / (Double(sampleRate) * releaseMilliseconds / 1000))
        keep = Float(k)
        let step = 1 - k + 1e-5
        keepPowers = SIMD4((1...4).map { Float(pow(k, Double($0))) })
        reach = SIMD4((1...4).map { j in Float(step * (1 - pow(k, Double(j))) / (1 - k)) })
        delay = .allocate(capacity: lookahead); delay.initialize(repeating: .zero, count: lookahead)
        gains = .allocate(capacity: lookahead); gains.initialize(repeating: SIMD4(repeating: 1), count: lookahead)
        dequeCapacity = window + 1
        dequeIndex = .allocate(capacity: dequeCapacity); dequeIndex.initialize(repeating: 0, count: dequeCapacity)
        dequeGain = .allocate(capacity: dequeCapacity); dequeGain.initialize(repeating: 1, count: dequeCapacity)
        boxSum = Double(4 * lookahead)
    }

    deinit {
        delay.deallocate(); gains.deallocate(); dequeIndex.deallocate(); dequeGain.deallocate(); limited.deallocate()
    }

    /// Limits `samples`, appending what is ready to `output`: output and input align exactly,
    /// and the last look-ahead's worth comes out at `flush`.
    public func process(_ samples: UnsafeBufferPointer<Float>, into output: inout [Float]) {
        taken += samples.count
        if leftover.isEmpty {
            limit(samples, into: &output)
        } else {
            let joined = leftover + samples
            leftover.removeAll()
            joined.withUnsafeBufferPointer { limit($0, into: &output) }
        }
    }

    /// The samples still inside the limiter; afterwards, exactly as many came out as went in.
    public func flush(into output: inout [Float]) {
        // The last group filled out with silence, then silence to push every group out.
        let silence = [Float](repeating: 0, count: (4 - leftover.count) % 4 + 4 * lookahead)
        let padded = leftover + silence
        leftover.removeAll()
        padded.withUnsafeBufferPointer { limit($0, into: &output) }
    }

    /// The whole groups of `samples` through the limiter; the rest waits in `leftover`.
    private func limit(_ samples: UnsafeBufferPointer<Float>, into output: inout [Float]) {
        let count = samples.count / 4
        leftover = Array(samples[(4 * count)...])
        guard count > 0 else { return }
        findNeeds(UnsafeBufferPointer(rebasing: samples[..<(4 * count)]))
        let ready = max(0, groups + count - lookahead) - max(0, groups - lookahead)
        let emitted = min(4 * ready, taken - given)
        // Limited into a buffer of the limiter's own, then appended: growing `output` by a
        // filled-in block first cost as much again as the copy.
        if limitedCapacity < 4 * ready {
            limited.deallocate()
            limitedCapacity = 4 * ready
            limited = .allocate(capacity: limitedCapacity)
        }
        needs.withUnsafeBufferPointer { needs in
            run(count, input: UnsafeRawPointer(samples.baseAddress!), needs: needs.baseAddress!, output: UnsafeMutableRawPointer(limited))
        }
        output.append(contentsOf: UnsafeBufferPointer(start: limited, count: emitted))
        given += emitted
    }

    /// The gain each sample needs, into `needs`, four samples at a time: this part has no chain
    /// from one sample to the next. The peak between samples can stand above both: espeak's
    /// speech reaches up to the Nyquist frequency. A 4-tap estimate of the point half-way
    /// between the two samples before each lets the limiter see most of it (the true-peak meter
    /// checks the rest).
    private func findNeeds(_ samples: UnsafeBufferPointer<Float>) {
        let n = samples.count
        if needs.count < n + 3 { needs = [Float](repeating: 0, count: n + 3) }
        let ceiling = self.ceiling
        needs.withUnsafeMutableBufferPointer { buffer in
            // The samples after the three before them, then each one's need written over the
            // sample three places back (already read by then).
            let x = buffer.baseAddress!
            (x[0], x[1], x[2]) = (history.2, history.1, history.0)
            (x + 3).update(from: samples.baseAddress!, count: n)
            history = (x[n + 2], x[n + 1], x[n])
            let p = UnsafeMutableRawPointer(x)
            for i in stride(from: 0, to: n, by: 4) {
                let v = p.loadUnaligned(fromByteOffset: 4 * (i + 3), as: SIMD4<Float>.self)
                let b1 = p.loadUnaligned(fromByteOffset: 4 * (i + 2), as: SIMD4<Float>.self)
                let b2 = p.loadUnaligned(fromByteOffset: 4 * (i + 1), as: SIMD4<Float>.self)
                let b3 = p.loadUnaligned(fromByteOffset: 4 * i, as: SIMD4<Float>.self)
                let between = (9 * (b1 + b2) - b3 - v) * (1 / 16)
                // Lane-wise selects: the generic pointwiseMax is a call, not an instruction.
                let av = v.replacing(with: -v, where: v .< 0), ab = between.replacing(with: -between, where: between .< 0)
                var magnitude = av.replacing(with: ab, where: ab .> av)
                magnitude.replace(with: 1e-30, where: magnitude .< 1e-30)
                var needed = ceiling / magnitude
                needed.replace(with: 1, where: needed .> 1)
                p.storeBytes(of: needed, toByteOffset: 4 * i, as: SIMD4<Float>.self)
            }
        }
    }

    /// `count` groups from `input`, with their samples' needs; the groups leaving the delay line
    /// to `output`. The loop works on local copies of the state: the compiler cannot keep class
    /// fields in registers across stores through the ring pointers.
    private func run(_ count: Int, input: UnsafeRawPointer, needs: UnsafePointer<Float>, output: UnsafeMutableRawPointer) {
        var groups = self.groups, head = self.head, tail = self.tail, slot = self.slot
        var boxSum = self.boxSum, released = self.released
        let lookahead = self.lookahead, window = self.window, capacity = dequeCapacity
        let keepPowers = self.keepPowers, reach = self.reach, inverse = 1 / Float(4 * lookahead)
        let delay = self.delay, gains = self.gains, dequeIndex = self.dequeIndex, dequeGain = self.dequeGain
        var written = 0
        for g in 0..<count {
            let x = input.loadUnaligned(fromByteOffset: 16 * g, as: SIMD4<Float>.self)
            let n = UnsafeRawPointer(needs).loadUnaligned(fromByteOffset: 16 * g, as: SIMD4<Float>.self)
            let needed = Swift.min(Swift.min(n[0], n[1]), Swift.min(n[2], n[3]))
            // Sliding minimum of the groups' needs over the last `window` groups (monotonic deque).
            while tail != head {
                let last = tail == 0 ? capacity - 1 : tail - 1
                guard dequeGain[last] >= needed else { break }
                tail = last
            }
            dequeIndex[tail] = groups
            dequeGain[tail] = needed
            tail = tail + 1 == capacity ? 0 : tail + 1
            if dequeIndex[head] <= groups - window { head = head + 1 == capacity ? 0 : head + 1 }
            let minimum = dequeGain[head]
            // Release: fall at once, rise slowly; moving a fraction of the way never passes it.
            var r = keepPowers * released + reach * minimum
            r.replace(with: minimum, where: r .> minimum)
            released = r[3]
            // The box sum after each of the four samples: a prefix sum of what enters less what leaves.
            // The running total stays in Double; within a group, Float offsets from it are exact
            // enough (the gain's error is below 10⁻⁷).
            let d = r - gains[slot]
            let d01 = d[0] + d[1], d012 = d01 + d[2]
            let sums = SIMD4(d[0], d01, d012, d012 + d[3])
            var gain = (Float(boxSum) + sums) * inverse
            boxSum += Double(sums[3])
            gain.replace(with: 1, where: gain .> 1)
            gains[slot] = r
            let delayed = delay[slot]
            delay[slot] = x
            slot = slot + 1 == lookahead ? 0 : slot + 1
            groups += 1
            if groups > lookahead {
                output.storeBytes(of: delayed * gain, toByteOffset: 16 * written, as: SIMD4<Float>.self)
                written += 1
            }
        }
        self.groups = groups; self.head = head; self.tail = tail; self.slot = slot
        self.boxSum = boxSum; self.released = released
    }
}
