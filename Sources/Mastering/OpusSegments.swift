import Audio

/// Where to cut a programme so that its Opus stream can be encoded in parts at once and laid
/// end to end (`OggOpusJoin`). A cut falls on a 20 ms frame boundary of the whole stream (441
/// samples at 22.05 kHz are 960 at 48 kHz, so the upsampler's output for a part starts exactly
/// where the whole programme's would) and inside a pause, with three frames of exact zeros on
/// each side: the upsampler's window, the encoder's lookahead and the frame before the cut
/// then hold nothing but silence, which libopus codes as silence frames that leave encoder and
/// decoder in the same state whichever encoder made them. Unlike the MP3's, these parts leave
/// no gap: every sample is encoded once.
enum OpusSegments {
    /// About how long each part is, in seconds (as the MP3's).
    static let partSeconds = 30

    /// The spool's samples each part encodes, in order (one part when the programme is short,
    /// or when frames at `sourceRate` are not whole samples). `lead` samples (an intro clip)
    /// come before the spool in the first part. Depends on the programme alone.
    static func parts(_ spool: PCMSpool, lead: Int, sourceRate: Int) throws -> [Range<Int>] {
        let whole = [0..<spool.count]
        let perFrame = sourceRate * OpusPartWriter.frameSize
        guard perFrame % OpusPartWriter.sampleRate == 0 else { return whole }
        let frame = perFrame / OpusPartWriter.sampleRate
        let quiet = 3 * frame
        let every = partSeconds * sourceRate
        var parts: [Range<Int>] = []
        var start = 0
        while spool.count - start >= 2 * every {
            guard let cut = try PauseCuts.nearest(spool, to: start + every, minimum: 2 * quiet + frame, place: { run in
                let earliest = run.lowerBound + quiet
                let cut = earliest + (frame - (lead + earliest) % frame) % frame
                return cut > start + every / 2 && cut + quiet <= run.upperBound ? cut : nil
            }) else { break }
            parts.append(start..<cut)
            start = cut
        }
        parts.append(start..<spool.count)
        return parts
    }
}
