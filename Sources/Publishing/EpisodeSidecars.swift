import EditionCore
import Foundation

/// The files beside an episode's audio, all from its one `Timeline`: chapters JSON, WebVTT,
/// SRT, the JSON transcript, and last the episode metadata (whose presence marks the episode
/// complete). `stage(name)` gives the (temporary) path each is written to.
public enum EpisodeSidecars {
    public static func names(slug: String) -> [String] {
        ["\(slug).chapters.json", "\(slug).vtt", "\(slug).srt", "\(slug).transcript.json", "\(slug).json"]
    }

    public static func write(_ episode: Episode, timeline: Timeline, stage: (String) -> URL) throws {
        let slug = episode.slug
        try ChaptersJSON.data(for: timeline, language: episode.language).write(to: stage("\(slug).chapters.json"))
        try Transcripts.writeWebVTT(timeline, language: episode.language, to: stage("\(slug).vtt"))
        try Transcripts.writeSRT(timeline, to: stage("\(slug).srt"))
        try Transcripts.writeJSON(timeline, language: episode.language, to: stage("\(slug).transcript.json"))
        try EpisodeJSON.data(for: episode).write(to: stage("\(slug).json"))
    }
}
