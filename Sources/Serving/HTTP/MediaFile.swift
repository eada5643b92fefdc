import Foundation
import Hummingbird

/// A file of an episode under `/media/`: `<episode id><suffix>`, with the suffix from a fixed
/// list. Anything else in a URL is refused before it comes near the file system, so no
/// client-supplied text ever becomes part of a path.
struct MediaFile: Equatable {
    enum Kind: String, CaseIterable {
        case mp3, wav, flac, opus, vorbis, chapters, vtt, srt, transcript, metadata

        var suffix: String {
            switch self {
            case .mp3: return ".mp3"
            case .wav: return ".wav"
            case .flac: return ".flac"
            case .opus: return ".opus"
            case .vorbis: return ".ogg"
            case .chapters: return ".chapters.json"
            case .vtt: return ".vtt"
            case .srt: return ".srt"
            case .transcript: return ".transcript.json"
            case .metadata: return ".json"
            }
        }

        var contentType: String {
            switch self {
            case .mp3: return "audio/mpeg"
            case .wav: return "audio/wav"
            case .flac: return "audio/flac"
            case .opus: return "audio/ogg; codecs=opus"
            case .vorbis: return "audio/ogg"
            case .chapters: return "application/json+chapters; charset=utf-8"
            case .vtt: return "text/vtt; charset=utf-8"
            case .srt: return "application/x-subrip; charset=utf-8"
            case .transcript, .metadata: return "application/json; charset=utf-8"
            }
        }

        /// The key in an episode's `files`.
        var apiName: String { rawValue }
    }

    var episodeId: String
    var kind: Kind
    var name: String { episodeId + kind.suffix }

    /// Parses a file name; `episodeId` also requires it to belong to that episode.
    init?(name: String, episodeId: String? = nil) {
        let idLength = "ep-".count + 20
        guard name.count > idLength, name.utf8.count == name.count else { return nil }
        let id = String(name.prefix(idLength))
        let suffix = String(name.dropFirst(idLength))
        guard Identifier.isWellFormed(Substring(id), prefix: "ep"), episodeId == nil || episodeId == id,
              let kind = Kind.allCases.first(where: { $0.suffix == suffix }) else { return nil }
        self.episodeId = id
        self.kind = kind
    }
}
