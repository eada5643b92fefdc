import Foundation

/// A look-ahead peak limiter that never lets a sample above its ceiling and does not pump:
/// the gain each sample needs is taken as the minimum over the next `lookahead` samples, slowed
/// on the way back up (release), then smoothed by a box filter of the same length. Because the
/// box average over a window that contains the peak is at most the peak's own gain, the ceiling
/// holds exactly, and the gain moves smoothly over the look-ahead instead of jumping.
/// Output is delayed by `lookahead + 1` samples internally; callers see aligned output.
/// It runs on every sample of hours of audio, so its state lives in raw buffers (no array
/// uniqueness checks) and ring indices wrap by comparison, not division.
public final class PeakLimiter {
    public let ceiling: Float
    let lookahead: Int
    let span: Int                       // lookahead + 1: ring size for the delay and box filter
    let releaseCoefficient: Float
    private let delay: UnsafeMutablePointer<Float>
    private let gains: UnsafeMutablePointer<Float>
    private let dequeIndex: UnsafeMutablePointer<Int>   // monotonic deque for the sliding minimum
    private let dequeGain: UnsafeMutablePointer<Float>
    private let dequeCapacity: Int
    private var head = 0, tail = 0
    private var slot = 0
    private var boxSum: Double    // Double: summed over hours of samples, a Float would drift
    private var count = 0
    private var released: Float = 1
    private var history: (Float, Float, Float) = (0, 0, 0)   // the last three inputs

    /// What its output depends on besides its input and ceiling: the defaults below and this
    /// design's version. Change it with either, so that no kept encoded part outlives them.
    static let identity = "limiter 1: 5 ms look-ahead, 80 ms release, 4-tap inter-sample estimate"

    public init(ceiling: Float, sampleRate: Int, lookaheadMilliseconds: Double = 5, releaseMilliseconds: Double = 80) {
        self.ceiling = ceiling
        lookahead = max(1, Int(Double(sampleRate) * lookaheadMilliseconds / 1000))
        span = lookahead + 1
        releaseCoefficient = Float(1 - exp(-1 / (Double(sampleRate) * releaseMilliseconds / 1000)))
        delay = .allocate(capacity: span); delay.initialize(repeating: 0, count: span)
        gains = .allocate(capacity: span); gains.initialize(repeating: 1, count: span)
        dequeCapacity = span + 1
        dequeIndex = .allocate(capacity: dequeCapacity); dequeIndex.initialize(repeating: 0, count: dequeCapacity)
        dequeGain = .allocate(capacity: dequeCapacity); dequeGain.initialize(repeating: 1, count: dequeCapacity)
        boxSum = Double(span)
    }

    deinit {
        delay.deallocate(); gains.deallocate(); dequeIndex.deallocate(); dequeGain.deallocate()
    }

    /// Limits `samples`, appending the result to `output`. The first `lookahead + 1` results
    /// are the delay line filling up and are not emitted, so output and input align exactly.
    public func process(_ samples: UnsafeBufferPointer<Float>, into output: inout [Float]) {
        let emitted = max(0, count + samples.count - max(count, span))
        let first = output.count
        output.append(contentsOf: repeatElement(0, count: emitted))
        output.withUnsafeMutableBufferPointer { out in
            run(samples.count, input: { samples[$0] }, output: out.baseAddress! + first)
        }
    }

    /// The samples still inside the limiter; afterwards, exactly as many came out as went in.
    public func flush(into output: inout [Float]) {
        let pending = min(count, span)
        let first = output.count
        output.append(contentsOf: repeatElement(0, count: pending))
        // Sample n leaves the delay line at step n + span: span silent steps push every one out.
        output.withUnsafeMutableBufferPointer { out in
            run(span, input: { _ in 0 }, output: out.baseAddress! + first)
        }
    }

    /// The loop works on local copies of the state: the compiler cannot keep class fields in
    /// registers across stores through the ring pointers, and this runs on every sample.
    /// Outputs for inputs before the delay line has filled are not written.
    @inline(__always)
    private func run(_ n: Int, input: (Int) -> Float, output: UnsafeMutablePointer<Float>) {
        var count = self.count, head = self.head, tail = self.tail, slot = self.slot
        var boxSum = self.boxSum, released = self.released
        let ceiling = self.ceiling, span = self.span, capacity = dequeCapacity, release = releaseCoefficient
        let delay = self.delay, gains = self.gains, dequeIndex = self.dequeIndex, dequeGain = self.dequeGain
        let inverseSpan = 1 / Double(span), keep = 1 - release
        var written = 0
        var (x1, x2, x3) = history
        for i in 0..<n {
            let x = input(i)
            // The peak between samples can stand above both: espeak's speech reaches up to the
            // Nyquist frequency. A 4-tap estimate of the point half-way between the last two
            // samples lets the limiter see most of it (the true-peak meter checks the rest).
            let between = (9 * (x2 + x1) - x3 - x) * (1 / 16)
            (x3, x2, x1) = (x2, x1, x)
            let magnitude = max(abs(x), abs(between))
            let needed = magnitude > ceiling ? ceiling / magnitude : 1
            // Sliding minimum of the needed gain over the last span inputs (monotonic deque).
            while tail != head {
                let last = tail == 0 ? capacity - 1 : tail - 1
                guard dequeGain[last] >= needed else { break }
                tail = last
            }
            dequeIndex[tail] = count
            dequeGain[tail] = needed
            tail = tail + 1 == capacity ? 0 : tail + 1
            if dequeIndex[head] <= count - span { head = head + 1 == capacity ? 0 : head + 1 }
            let minimum = dequeGain[head]
            // Release: fall at once, rise slowly. Moving a fraction of the way to `minimum` never
            // passes it, so one `min` covers both cases with a short dependency chain.
            released = min(minimum, released * keep + minimum * release)
            // Box filter over the same span.
            boxSum += Double(released - gains[slot])
            gains[slot] = released
            let gain = min(1, Float(boxSum * inverseSpan))
            let y = delay[slot] * gain
            delay[slot] = x
            slot = slot + 1 == span ? 0 : slot + 1
            count += 1
            if count > span { output[written] = y; written += 1 }
        }
        history = (x1, x2, x3)
        self.count = count; self.head = head; self.tail = tail; self.slot = slot
        self.boxSum = boxSum; self.released = released
    }
}
