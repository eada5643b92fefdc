import Foundation
/// A look-ahead peak limiter that never lets a sample above its ceiling and does not pump:
/// the gain each sample needs is taken as the minimum over the next `lookahead` samples, slowed
/// on the way back up (release), then smoothed by a box filter of the same length. Because the
/// box average over a window that contains the peak is at most the peak's own gain, the ceiling
/// holds exactly, and the gain moves smoothly over the look-ahead instead of jumping.
/// Output is delayed by `lookahead` samples; `flush()` returns the tail.
public struct PeakLimiter {
    public let ceiling: Float
    let lookahead: Int
    let releaseCoefficient: Float
    private var delay: [Float]
    private var gains: [Float]          // smoothed (release) gains, ring for the box filter
    // Monotonic deque (ring buffer) for the sliding minimum: indices and gains, head…tail.
    private var dequeIndex: [Int]
    private var dequeGain: [Float]
    private var head = 0
    private var tail = 0
    private var boxSum: Float = 0
    private var count = 0
    private var released: Float = 1

    public init(ceiling: Float, sampleRate: Int, lookaheadMilliseconds: Double = 5, releaseMilliseconds: Double = 80) {
        self.ceiling = ceiling
        lookahead = max(1, Int(Double(sampleRate) * lookaheadMilliseconds / 1000))
        releaseCoefficient = Float(1 - exp(-1 / (Double(sampleRate) * releaseMilliseconds / 1000)))
        delay = [Float](repeating: 0, count: lookahead + 1)
        gains = [Float](repeating: 1, count: lookahead + 1)
        boxSum = Float(lookahead + 1)
        dequeIndex = [Int](repeating: 0, count: lookahead + 2)
        dequeGain = [Float](repeating: 1, count: lookahead + 2)
    }

    /// Limits `samples`, appending the result to `output`. The first `lookahead + 1` results
    /// are the delay line filling up and are not emitted, so output and input align exactly.
    public mutating func process(_ samples: UnsafeBufferPointer<Float>, into output: inout [Float]) {
        for x in samples {
            let y = step(x)
            if count > lookahead + 1 { output.append(y) }
        }
    }

    /// The samples still inside the limiter; afterwards, exactly as many came out as went in.
    public mutating func flush(into output: inout [Float]) {
        let pending = min(count, lookahead + 1)
        for _ in 0..<pending { output.append(step(0)) }
    }

    private mutating func step(_ x: Float) -> Float {
        let n = count
        count += 1
        let magnitude = abs(x)
        let needed = magnitude > ceiling ? ceiling / magnitude : 1
        // Sliding minimum of the needed gain over the last lookahead+1 inputs.
        let capacity = dequeIndex.count
        while tail != head, dequeGain[(tail - 1 + capacity) % capacity] >= needed { tail = (tail - 1 + capacity) % capacity }
        dequeIndex[tail] = n
        dequeGain[tail] = needed
        tail = (tail + 1) % capacity
        if dequeIndex[head] <= n - lookahead - 1 { head = (head + 1) % capacity }
        let minimum = dequeGain[head]
        // Release: fall at once, rise slowly.
        released = minimum < released ? minimum : released + (minimum - released) * releaseCoefficient
        // Box filter over the same span.
        let slot = n % (lookahead + 1)
        boxSum += released - gains[slot]
        gains[slot] = released
        let gain = min(1, boxSum / Float(lookahead + 1))
        let out = delay[slot] * gain
        delay[slot] = x
        return out
    }
}
