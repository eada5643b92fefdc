import EditionCore
import Foundation
import Tagging

/// Reads the chapters an audio file carries, by its extension: WAV (RIFF or RF64) cue points
/// named by `labl`; MP3 (ID3 CHAP/CTOC), FLAC and Ogg (Vorbis comments `CHAPTERnnn`)
/// through the tag readers. Other files have none.
enum ChapterReader {
    static func chapters(in path: String) throws -> [Episode.ChapterEntry] {
        let url = URL(fileURLWithPath: path)
        switch url.pathExtension.lowercased() {
        case "wav":
            let wav = try WAVMarkers.read(url)  // our own reader: libsndfile sees no cues in RF64
            return wav.markers.map { .init(title: $0.name, startTime: Double($0.position) / Double(wav.sampleRate)) }
        case "mp3", "flac", "opus", "ogg", "oga":
            return try ChapterReading.chapters(in: url).map { .init(title: $0.title, startTime: Double($0.startMs) / 1000) }
        default:
            return []
        }
    }
}
