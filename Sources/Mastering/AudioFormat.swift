import Audio

/// An output format of an episode, with what libsndfile needs to write it and what a feed
/// needs to announce it.
public enum AudioFormat: String, CaseIterable, Sendable, Codable {
    case wav, mp3, flac, opus, vorbis

    public var fileExtension: String {
        switch self {
        case .vorbis: return "ogg"
        default: return rawValue
        }
    }

    public var mimeType: String {
        switch self {
        case .wav: return "audio/wav"
        case .mp3: return "audio/mpeg"
        case .flac: return "audio/flac"
        case .opus: return "audio/ogg; codecs=opus"
        case .vorbis: return "audio/ogg"
        }
    }

    var soundFileFormat: Int32 {
        switch self {
        case .wav: return SoundFile.wav16
        case .mp3: return SoundFile.mp3
        case .flac: return SoundFile.flac16
        case .opus: return SoundFile.oggOpus
        case .vorbis: return SoundFile.oggVorbis
        }
    }

    /// Lossy decoders overshoot the PCM's true peak (measured here: Opus and Vorbis by up to
    /// 0.7 dB over a ceiling that already keeps 0.6 dB), so their limiter keeps this much more
    /// headroom, in dB — no more, since every dB of limiting also costs loudness. The MP3's 0.2
    /// keeps it under Apple's −1 dBTP (en-gb-news, the voice with the sharpest peaks, decoded
    /// at −1.0 to −1.5 on six articles; en-us-news −1.7 to −2.0) at −16.2 to −16.5 LUFS. More
    /// does not buy peaks back: LAME's own noise moves them by as much, and 0.5 cost 0.25 LU.
    var extraHeadroom: Double {
        switch self {
        case .wav, .flac: return 0
        case .mp3: return 0.2
        case .opus, .vorbis: return 0.5
        }
    }

    /// Opus takes 48 kHz (libsndfile refuses 22.05 and 44.1). MP3 stays at the engine's rate
    /// when MPEG has it (espeak-ng's 22.05 kHz is MPEG-2 Layer III, which every player decodes,
    /// and holds all of its speech, which stops at 11 kHz): no resampling, and a quarter of the
    /// encoding time of 44.1 kHz. Vorbis takes any rate, so it stays at the engine's too: half
    /// the encoding time (24 minutes of speech: 7.3 s of CPU instead of 14.5) and a quarter
    /// smaller at the same quality setting. The lossless formats take the plan's rate.
    public func sampleRate(planned: Int, source: Int) -> Int {
        switch self {
        case .opus: return 48000
        case .vorbis: return source
        case .mp3: return Self.mpegRates.contains(source) ? source : planned
        default: return planned
        }
    }

    static let mpegRates: Set<Int> = [16000, 22050, 24000, 32000, 44100, 48000]

    /// MP3: 64 kb/s CBR at LAME quality 7 (README: "MP3"); the others through libsndfile.
    func writer(path: String, rate: Int, strings: [(Int32, String)], chunks: [(id: String, data: [UInt8])]) throws -> any AudioWriter {
        if self == .mp3 { return try MP3Writer(path: path, sampleRate: rate, kbps: 64, quality: 7) }
        return try SoundFile(writingTo: path, format: soundFileFormat, sampleRate: rate, chunks: chunks, strings: strings)
    }
}
