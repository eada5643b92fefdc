import Audio

/// Where to cut a programme so that its Vorbis stream can be encoded in parts at once
/// (`VorbisPartWriter`, `OggVorbisJoin`). A cut is a part's end, inside a pause with enough
/// digital silence after it for the seam (`VorbisPartWriter.quietNeeded`: 2,560 samples at
/// 22.05 kHz, 116 ms); the next part starts a little after it, where the seam puts it, which
/// only the part before it knows. The silence between is the end of that part's last block.
enum VorbisSegments {
    /// About how long each part is, in seconds (as the MP3's and the Opus's).
    static let partSeconds = 30
    /// Silence kept before a cut.
    static let margin = 64

    /// Each part's end in the spool, in order (none when the programme is short or no pause
    /// takes a cut; the last part runs to the spool's end). Depends on the programme alone.
    static func cuts(_ spool: PCMSpool, sampleRate: Int) throws -> [Int] {
        let quiet = try VorbisPartWriter.quietNeeded(sampleRate: sampleRate)
        let every = partSeconds * sampleRate
        var cuts: [Int] = []
        var start = 0
        while spool.count - start >= 2 * every {
            guard let cut = try PauseCuts.nearest(spool, to: start + every, minimum: margin + quiet, place: { run in
                let cut = run.lowerBound + margin
                return cut > start + every / 2 && cut + quiet <= run.upperBound ? cut : nil
            }) else { break }
            cuts.append(cut)
            start = cut + quiet   // past where the next part can start
        }
        return cuts
    }
}
