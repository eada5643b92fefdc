import Audio
import EditionCore
import Foundation

/// Reads the chapters an audio file carries: WAV cue points named by `labl` (through
/// libsndfile). Other containers' chapters are read by the tag readers.
enum ChapterReader {
    static func chapters(in path: String, soundFile: SoundFile) throws -> [Episode.ChapterEntry] {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "wav":
            return soundFile.cues().map { .init(title: $0.name, startTime: Double($0.position) / Double(soundFile.sampleRate)) }
        default:
            return []
        }
    }
}
