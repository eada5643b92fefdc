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
    /// 0.7 dB, MP3 by 0.2, over a ceiling that already keeps 0.6 dB), so their limiter keeps this much
    /// more headroom, in dB — no more, since every dB of limiting also costs loudness.
    var extraHeadroom: Double {
        switch self {
        case .wav, .flac: return 0
        case .mp3: return 0.2
        case .opus, .vorbis: return 0.5
        }
    }

    /// Opus takes 48 kHz (libsndfile refuses 22.05 and 44.1); the others take the plan's rate.
    public func sampleRate(planned: Int) -> Int { self == .opus ? 48000 : planned }
}
