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
    private var boxSum: Float
    private var count = 0
    private var released: Float = 1

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
        boxSum = Float(span)
    }

    deinit {
        delay.deallocate(); gains.deallocate(); dequeIndex.deallocate(); dequeGain.deallocate()
    }

    /// Limits `samples`, appending the result to `output`. The first `lookahead + 1` results
    /// are the delay line filling up and are not emitted, so output and input align exactly.
    public func process(_ samples: UnsafeBufferPointer<Float>, into output: inout [Float]) {
        output.reserveCapacity(output.count + samples.count)
        for x in samples {
            let y = step(x)
            if count > span { output.append(y) }
        }
    }

    /// The samples still inside the limiter; afterwards, exactly as many came out as went in.
    public func flush(into output: inout [Float]) {
        let pending = min(count, span)
        for _ in 0..<pending { output.append(step(0)) }
    }

    @inline(__always)
    private func step(_ x: Float) -> Float {
        let n = count
        count += 1
        let magnitude = abs(x)
        let needed = magnitude > ceiling ? ceiling / magnitude : 1
        // Sliding minimum of the needed gain over the last span inputs.
        while tail != head {
            let last = tail == 0 ? dequeCapacity - 1 : tail - 1
            guard dequeGain[last] >= needed else { break }
            tail = last
        }
        dequeIndex[tail] = n
        dequeGain[tail] = needed
        tail = tail + 1 == dequeCapacity ? 0 : tail + 1
        if dequeIndex[head] <= n - span { head = head + 1 == dequeCapacity ? 0 : head + 1 }
        let minimum = dequeGain[head]
        // Release: fall at once, rise slowly.
        released = minimum < released ? minimum : released + (minimum - released) * releaseCoefficient
        // Box filter over the same span.
        boxSum += released - gains[slot]
        gains[slot] = released
        let gain = min(1, boxSum / Float(span))
        let out = delay[slot] * gain
        delay[slot] = x
        slot = slot + 1 == span ? 0 : slot + 1
        return out
    }
}
