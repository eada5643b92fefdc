import Audio

/// Where to cut a programme so that its MP3 can be encoded in two halves at once and joined
/// without a seam. The joined stream carries, between the halves, the first encoder's padding
/// (576 + (−n mod 576) samples for n input samples, as LAME 3.100 pads) and the second's delay
/// (576 samples): the cut goes inside a pause (the pause plan's silence is exact zeros), and
/// the second half starts that many samples later, so the decoded MP3 keeps the programme's
/// exact length and the padding replaces silence.
enum MP3Segments {
    static let frame = 576            // samples per MPEG-2 Layer III frame (22.05 and 24 kHz)
    static let encoderDelay = 576     // LAME 3.100's encoder delay
    static let margin = 64            // silence kept on each side of the padding
    /// About how long each part is: short enough that a few minutes of audio keep every core
    /// busy, long enough that a part's set-up is nothing (about 30 s at 22.05 kHz).
    static let partSamples = 22050 * 30

    /// LAME 3.100's end padding for `n` input samples (measured: 576 plus what completes a frame).
    static func padding(_ n: Int) -> Int { frame + (frame - n % frame) % frame }

    /// The spool's samples each part encodes, in order, or nil when the programme is too short
    /// to split. `lead` samples (an intro clip) come before the spool in the first part. Between
    /// two parts, the samples left out are exactly the first part's padding plus the second's
    /// delay, inside a pause, so the decoded stream keeps the programme's length. The parts
    /// depend on the programme alone, never on the number of cores.
    static func parts(_ spool: PCMSpool, lead: Int) throws -> [Range<Int>]? {
        guard spool.count >= 2 * partSamples else { return nil }
        var parts: [Range<Int>] = []
        var start = 0
        while spool.count - start >= 2 * partSamples {
            let before = parts.isEmpty ? lead : 0
            // A part ends `margin` into a pause; the next starts after the padding and the delay,
            // `margin` before the pause ends.
            func next(_ end: Int) -> Int { end + padding(before + end - start) + encoderDelay }
            guard let end = try PauseCuts.nearest(spool, to: start + partSamples, minimum: 1, place: { run in
                let end = run.lowerBound + margin
                return end > start + partSamples / 2 && next(end) + margin <= run.upperBound ? end : nil
            }) else { break }
            parts.append(start..<end)
            start = next(end)
        }
        guard !parts.isEmpty else { return nil }
        parts.append(start..<spool.count)
        return parts
    }
}
