import Foundation

/// The interpolation kernel both upsamplers use: a sinc cut off at the input's Nyquist
/// frequency under a Kaiser window (β 8) reaching `half` input samples either side.
enum SincKernel {
    static let half = 24
    private static let beta = 8.0
    private static let window0 = bessel0(beta)

    /// The weight of an input `u` samples before the point being interpolated (0 outside the window).
    static func weight(_ u: Double) -> Double {
        let r = u / Double(half)
        guard abs(r) < 1 else { return 0 }
        // Exact zeros at whole samples, so an output on an input copies it.
        let sinc = u == 0 ? 1 : u == u.rounded() ? 0 : sin(Double.pi * u) / (Double.pi * u)
        return sinc * bessel0(beta * (1 - r * r).squareRoot()) / window0
    }

    /// The modified Bessel function I0, by its series.
    private static func bessel0(_ x: Double) -> Double {
        var sum = 1.0, term = 1.0, k = 1.0
        while term > 1e-12 * sum { term *= (x / (2 * k)) * (x / (2 * k)); sum += term; k += 1 }
        return sum
    }
}
