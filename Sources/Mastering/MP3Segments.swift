import Audio

/// Where to cut a programme so that its MP3 can be encoded in two halves at once and joined
/// without a seam. The joined stream carries, between the halves, the first encoder's padding
/// (576 + (−n mod 576) samples for n input samples, as LAME 3.100 pads) and the second's delay
/// (576 samples): the cut goes inside a pause (the pause plan's silence is exact zeros), and
/// the second half starts that many samples later, so the decoded MP3 keeps the programme's
/// exact length and the padding replaces silence.
enum MP3Segments {
    struct Cut: Equatable {
        /// The first half is the spool's samples before `firstEnd`, the second those from `secondStart`.
        var firstEnd: Int
        var secondStart: Int
    }

    static let frame = 576            // samples per MPEG-2 Layer III frame (22.05 and 24 kHz)
    static let encoderDelay = 576     // LAME 3.100's encoder delay
    static let margin = 64            // silence kept on each side of the padding
    /// Shorter programmes are not worth two encoders (about five minutes at 22.05 kHz).
    static let minimumSamples = 22050 * 300

    /// LAME 3.100's end padding for `n` input samples (measured: 576 plus what completes a frame).
    static func padding(_ n: Int) -> Int { frame + (frame - n % frame) % frame }

    /// A cut near the middle of `spool`, inside a run of zeros long enough, or nil. `lead`
    /// samples (an intro clip) come before the spool in the first half.
    static func cut(_ spool: PCMSpool, lead: Int) throws -> Cut? {
        guard spool.count >= minimumSamples else { return nil }
        // The first half ends `margin` into a pause; the second starts after the padding and the
        // delay, `margin` before the pause ends.
        func secondStart(_ firstEnd: Int) -> Int { firstEnd + padding(lead + firstEnd) + encoderDelay }
        let firstEnd = try PauseCuts.nearest(spool, to: spool.count / 2, minimum: 1) { run in
            let firstEnd = run.lowerBound + margin
            return secondStart(firstEnd) + margin <= run.upperBound ? firstEnd : nil
        }
        return firstEnd.map { Cut(firstEnd: $0, secondStart: secondStart($0)) }
    }
}
