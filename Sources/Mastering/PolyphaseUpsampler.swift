import Foundation

/// Upsampling by a rational ratio L/M > 1 (22.05 → 48 kHz is 320/147: Opus, and 48 kHz
/// masters) with the half-band upsampler's kernel: a 48-tap windowed sinc (Kaiser, β 8) cut off
/// at the input's Nyquist frequency, one row of taps per output phase. Flat to 10 kHz, images
/// above 12 kHz more than 60 dB down (espeak's speech has nothing up there), at a small part of
/// libsamplerate's sinc cost (13 s of CPU per hour of audio to 48 kHz).
/// Output k sits at input time k·M/L, so output 0 is input 0, and `ceil(n·L/M)` samples come
/// out for n in, once `last` is passed.
public final class PolyphaseUpsampler {
    static let half = SincKernel.half
    let up: Int      // L
    let down: Int    // M
    /// Row p (of L): the weights of inputs base − 23 … base + 24 for output phase p/L.
    let taps: [Float]

    /// Inputs from absolute index `origin` on (zeros before the first).
    private var buffer = [Float](repeating: 0, count: half - 1)
    private var origin = -(half - 1)
    private var received = 0
    private var produced = 0   // outputs so far (k of the next)

    /// nil unless `target / source` reduces to an upsampling ratio with at most 1,024 phases.
    public init?(from source: Int, to target: Int) {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        guard source > 0, target > source else { return nil }
        let g = gcd(target, source)
        up = target / g
        down = source / g
        guard up <= 1024 else { return nil }
        taps = Self.design(phases: up)
    }

    static func design(phases: Int) -> [Float] {
        var table: [Float] = []
        table.reserveCapacity(phases * 2 * half)
        for p in 0..<phases {
            let fraction = Double(p) / Double(phases)
            let row = (-(half - 1)...half).map { j in SincKernel.weight(fraction - Double(j)) }   // input base + j
            let total = row.reduce(0, +)
            table += row.map { Float($0 / total) }    // unity gain at DC in every phase
        }
        return table
    }

    public func process(_ input: [Float], last: Bool) -> [Float] {
        let half = Self.half, width = 2 * half
        buffer.append(contentsOf: input)
        received += input.count
        if last { buffer.append(contentsOf: repeatElement(0, count: half)) }
        // Output k needs inputs up to base + 24; when the input has ended, zeros stand in, and
        // outputs stop at the one whose time passes the last input.
        let available = origin + buffer.count
        let total = last ? (received * up + down - 1) / down : Int.max
        // Outputs whose window lies inside what has arrived: ⌊k·M/L⌋ + 24 < available.
        let ready = min(total, max(0, ((available - half) * up + down - 1) / down))
        var output = [Float](repeating: 0, count: max(0, ready - produced))
        var k = produced
        // base and phase of output k, stepped by M/L (no division per sample).
        var base = (k * down) / up, phase = k * down - base * up
        buffer.withUnsafeBufferPointer { x in
            taps.withUnsafeBufferPointer { t in
                output.withUnsafeMutableBufferPointer { out in
                let raw = UnsafeRawPointer(x.baseAddress!), weights = UnsafeRawPointer(t.baseAddress!)
                var n = 0
                while k < ready {
                    let start = (base &- (half - 1) &- origin) &* MemoryLayout<Float>.stride
                    let row = phase &* width &* MemoryLayout<Float>.stride
                    @inline(__always) func product(_ i: Int) -> SIMD8<Float> {
                        let offset = i &* 8 &* MemoryLayout<Float>.stride
                        return raw.loadUnaligned(fromByteOffset: start &+ offset, as: SIMD8<Float>.self)
                            * weights.loadUnaligned(fromByteOffset: row &+ offset, as: SIMD8<Float>.self)
                    }
                    let sum = (product(0) + product(1)) + (product(2) + product(3)) + (product(4) + product(5))
                    out[n] = sum.sum()
                    n &+= 1
                    k &+= 1
                    phase &+= down
                    while phase >= up { phase &-= up; base &+= 1 }
                }
                }
            }
        }
        produced = k
        // Keep what the next output's window reaches back to.
        let keepFrom = (produced * down) / up - (half - 1)
        let drop = min(buffer.count, max(0, keepFrom - origin))
        buffer.removeFirst(drop)
        origin += drop
        return output
    }
}
