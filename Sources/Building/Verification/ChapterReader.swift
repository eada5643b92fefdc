import Audio
import EditionCore
import Foundation
import Tagging

/// Reads the chapters an audio file carries, by its extension: WAV cue points named by `labl`
/// (through libsndfile); MP3 (ID3 CHAP/CTOC), FLAC and Ogg (Vorbis comments `CHAPTERnnn`)
/// through the tag readers. Other files have none.
enum ChapterReader {
    static func chapters(in path: String, soundFile: SoundFile) throws -> [Episode.ChapterEntry] {
        let url = URL(fileURLWithPath: path)
        switch url.pathExtension.lowercased() {
        case "wav":
            return soundFile.cues().map { .init(title: $0.name, startTime: Double($0.position) / Double(soundFile.sampleRate)) }
        case "mp3", "flac", "opus", "ogg", "oga":
            return try ChapterReading.chapters(in: url).map { .init(title: $0.title, startTime: Double($0.startMs) / 1000) }
        default:
            return []
        }
    }
}
