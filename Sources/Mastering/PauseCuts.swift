import Audio

/// Where a programme can be cut without a seam: inside its pauses, which the pause plan fills
/// with exact zeros. Both the parallel master (segments limited and resampled on their own,
/// each starting from rest) and the two-part MP3 cut there.
enum PauseCuts {
    /// The runs of zeros of at least `minimum` samples inside `window` of the spool.
    static func zeroRuns(_ spool: PCMSpool, in window: Range<Int>, minimum: Int) throws -> [Range<Int>] {
        let samples = try spool.samples(in: window)
        var runs: [Range<Int>] = []
        samples.withUnsafeBufferPointer { s in
            var i = 0
            while i < s.count {
                while i < s.count, s[i] != 0 { i += 1 }
                let start = i
                while i < s.count, s[i] == 0 { i += 1 }
                if i - start >= minimum { runs.append((window.lowerBound + start)..<(window.lowerBound + i)) }
            }
        }
        return runs
    }

    /// The cut `place` makes in some pause near `target` (looking 2 s, then 10 s, then 60 s at
    /// 22.05 kHz either side), the closest to `target`; nil if no pause takes one. Speech pauses
    /// every few seconds, so the first look nearly always finds one, reading a tenth of the samples.
    static func nearest(_ spool: PCMSpool, to target: Int, minimum: Int,
                        place: (Range<Int>) -> Int?) throws -> Int? {
        for radius in [22050 * 2, 22050 * 10, 22050 * 60] {
            let window = max(0, target - radius)..<min(spool.count, target + radius)
            let cuts = try zeroRuns(spool, in: window, minimum: minimum).compactMap(place)
            if let best = cuts.min(by: { abs($0 - target) < abs($1 - target) }) { return best }
        }
        return nil
    }

    /// Segment boundaries for rendering the programme in parallel: about every `every` samples,
    /// each in the middle of a pause of at least `minimum` samples, so that a limiter, meter or
    /// resampler started from rest there sees what it would have seen running on. Depends on
    /// the programme alone (never on the number of cores), so the output does too. Cuts fall on
    /// multiples of `grid` (which must be under `minimum / 2`): an upsampler by L/M started from
    /// rest at a multiple of M gives exactly the outputs the whole programme's would there.
    static func segments(_ spool: PCMSpool, every: Int, minimum: Int, grid: Int = 1) throws -> [Range<Int>] {
        var bounds = [0]
        var target = every
        while target < spool.count - every / 2 {
            guard let cut = try nearest(spool, to: target, minimum: minimum, place: { ($0.lowerBound + $0.upperBound) / 2 / grid * grid }),
                  cut > bounds.last! + every / 4, cut < spool.count - every / 4 else { target += every; continue }
            bounds.append(cut)
            target = cut + every
        }
        bounds.append(spool.count)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }
}
