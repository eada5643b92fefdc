import Audio
import Tagging
import EditionCore
import Foundation

/// Text tags for the episode's audio files.
public struct EpisodeTags: Sendable, Equatable {
    public var title: String
    public var artist: String?
    public var album: String?
    public var date: String?
    public var comment: String?
    public var software: String

    public init(title: String, artist: String? = nil, album: String? = nil, date: String? = nil,
                comment: String? = nil, software: String = "edition") {
        self.title = title
        self.artist = artist
        self.album = album
        self.date = date
        self.comment = comment
        self.software = software
    }
}

/// Writes the recorded programme as 16-bit PCM WAV: LIST/INFO tags, then `cue ` and
/// `LIST/adtl` markers, then the audio — all metadata before the first sample, as libsndfile requires.
public enum WAVWriter {
    public static func write(_ recorder: ProgrammeRecorder, timeline: Timeline, tags: EpisodeTags, to path: String) throws {
        var strings: [(Int32, String)] = [(SoundFile.title, tags.title), (SoundFile.software, tags.software)]
        if let v = tags.artist { strings.append((SoundFile.artist, v)) }
        if let v = tags.album { strings.append((SoundFile.album, v)) }
        if let v = tags.date { strings.append((SoundFile.date, v)) }
        if let v = tags.comment { strings.append((SoundFile.comment, v)) }
        let file = try SoundFile(writingTo: path, format: SoundFile.wav16, sampleRate: timeline.sampleRate,
                                 chunks: MarkerChunks.chunks(for: timeline.chapters), strings: strings)
        try recorder.spool.forEachBlock { try file.write($0) }
        try file.close()
    }
}
