import EditionCore

/// A chapter as tags store it: a title and a start in whole milliseconds of playback time.
/// ID3 CHAP frames and Vorbis `CHAPTERnnn` comments both count in milliseconds, so every
/// format gets its times from this one rounding of the programme's sample position.
public struct ChapterMark: Sendable, Equatable {
    public var title: String
    public var startMs: Int

    public init(title: String, startMs: Int) {
        self.title = title
        self.startMs = startMs
    }

    /// Rounds the chapter's sample position to the nearest millisecond (half up), in integers
    /// so that every format and the chapters JSON can agree to the millisecond.
    public init(_ chapter: Chapter, sampleRate: Int) {
        precondition(sampleRate > 0, "sample rate must be positive")
        self.init(title: chapter.title, startMs: (chapter.start * 1000 + sampleRate / 2) / sampleRate)
    }

    /// Checks what every format needs: starts at or after 0, in playback order (equal starts are
    /// allowed: an empty chapter is legal), and not after the end of the programme.
    static func validate(_ chapters: [ChapterMark], durationMs: Int?) throws {
        var previous = 0
        for (index, chapter) in chapters.enumerated() {
            let label = "chapter \(index + 1) (\"\(chapter.title.prefix(40))\")"
            guard chapter.startMs >= 0 else {
                throw TaggingError.invalidChapters("\(label) starts before 0 ms (\(chapter.startMs) ms)")
            }
            guard chapter.startMs >= previous else {
                throw TaggingError.invalidChapters(
                    "\(label) starts at \(chapter.startMs) ms, before the chapter ahead of it (\(previous) ms)")
            }
            if let durationMs, chapter.startMs > durationMs {
                throw TaggingError.invalidChapters(
                    "\(label) starts at \(chapter.startMs) ms, after the end of the audio (\(durationMs) ms)")
            }
            previous = chapter.startMs
        }
    }
}
