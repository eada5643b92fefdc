import Audio
import EditionCore
import Foundation
import Tagging

/// Reads the chapters an audio file carries: WAV cue points named by `labl` (through
/// libsndfile); MP3, FLAC and Ogg through the tag readers.
enum ChapterReader {
    static func chapters(in path: String, soundFile: SoundFile) throws -> [Episode.ChapterEntry] {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "wav":
            return soundFile.cues().map { .init(title: $0.name, startTime: Double($0.position) / Double(soundFile.sampleRate)) }
        default:
            return try ChapterReading.chapters(in: URL(fileURLWithPath: path))
                .map { .init(title: $0.title, startTime: Double($0.startMs) / 1000) }
        }
    }
}
