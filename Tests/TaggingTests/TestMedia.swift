import Audio
import EditionTestSupport
import Foundation
import Tagging

/// Real encoded files made with libsndfile from a generated tone, and the chapters the tests
/// write into them.
enum TestMedia {
    enum Format: String, CaseIterable {
        case mp3, flac, opus, vorbis

        var soundFileFormat: Int32 {
            switch self {
            case .mp3: return SoundFile.mp3
            case .flac: return SoundFile.flac16
            case .opus: return SoundFile.oggOpus
            case .vorbis: return SoundFile.oggVorbis
            }
        }
        /// Opus only takes 8/12/16/24/48 kHz; the others use the podcast rate.
        var sampleRate: Int { self == .opus ? 48_000 : 44_100 }
        var fileExtension: String { self == .vorbis ? "ogg" : rawValue }
        /// One codec frame in seconds: the tolerance for times that depend on the encoder.
        var frameSeconds: Double {
            switch self {
            case .mp3: return 1152.0 / 44_100
            case .flac: return 4096.0 / 44_100
            case .opus: return 0.020
            case .vorbis: return 2048.0 / 44_100
            }
        }
    }

    static let durationMs = 12_000

    /// 140 characters, Cyrillic and ASCII: about 210 bytes in UTF-8 (under the 255-byte chapter
    /// title cap) and 280 in UTF-16, far past the 126 bytes at which ffprobe 5.1 drops a v2.4 chapter.
    static let longTitle: String = {
        let words = "Длинный заголовок новости about the budget vote "
        let text = String(repeating: words, count: 5)
        return String(text.prefix(139)) + "."
    }()

    static let chapters: [ChapterMark] = [
        ChapterMark(title: "Opening", startMs: 0),
        ChapterMark(title: longTitle, startMs: 1_500),
        ChapterMark(title: "Tom & Jerry <say> \"hi\" & 'bye'", startMs: 3_250),
        ChapterMark(title: "Подкаст: новости дня — Москва", startMs: 5_001),
        ChapterMark(title: "Emoji 🎙️ newsroom 👩🏽‍💻 and 🇺🇦", startMs: 7_777),
        ChapterMark(title: "", startMs: 10_500),
    ]

    /// The title every reader should see: an empty one is written as "Chapter N".
    static func expectedTitle(_ index: Int, in chapters: [ChapterMark] = chapters) -> String {
        chapters[index].title.isEmpty ? "Chapter \(index + 1)" : chapters[index].title
    }

    /// A tone of `durationMs` (a 440 Hz sine whose level steps each second), mono 16-bit.
    static func tone(_ format: Format, in directory: URL, name: String = "tone", durationMs: Int = durationMs) throws -> (url: URL, written: Int) {
        let url = directory.appendingPathComponent("\(name).\(format.fileExtension)")
        let rate = format.sampleRate
        let count = rate * durationMs / 1000
        let samples = (0..<count).map { i -> Int16 in
            let level = 3000.0 + 1500.0 * Double(i / rate % 4)
            return Int16(level * sin(2 * Double.pi * 440 * Double(i) / Double(rate)))
        }
        let file = try SoundFile(writingTo: url.path, format: format.soundFileFormat, sampleRate: rate)
        try file.write(samples)
        try file.close()
        return (url, count)
    }

    /// Every decoded sample (libsndfile: mpg123 for MP3, libFLAC, libopus, libvorbis).
    static func decode(_ url: URL) throws -> [Int16] {
        try SoundFile(readingFrom: url.path).readAll()
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    static let episode = (title: "Morning edition — 17 March", artist: "Edition News", album: "Daily",
                          date: "2026-03-17", comment: "Top stories, read by espeak-ng.")

    /// Tags `url` as the project does: an ID3 tag for MP3, Vorbis comments for FLAC and Ogg.
    static func tag(_ url: URL, _ format: Format, chapters: [ChapterMark], title: String = episode.title) throws {
        let e = episode
        if format == .mp3 {
            try ID3Tag(title: title, artist: e.artist, album: e.album, date: e.date, comment: e.comment,
                       durationMs: durationMs, chapters: chapters).prepend(to: url)
            return
        }
        let comment = try VorbisComment.episode(title: title, artist: e.artist, album: e.album, date: e.date,
                                                comment: e.comment, chapters: chapters)
        if format == .flac {
            try FLACMetadata.replaceComments(in: url, with: comment)
        } else {
            try OggComments.replaceComments(in: url, with: comment)
        }
    }
}

/// What ffprobe 5.1 reads: chapters, tags (format and stream, keys lower-cased) and duration.
struct Probe {
    struct Chapter {
        let start: Double, end: Double
        let title: String?
    }

    let chapters: [Chapter]
    let tags: [String: String]
    let duration: Double

    init(_ url: URL) throws {
        let result = try CommandRunner.run("/usr/bin/ffprobe", ["-v", "error", "-show_chapters", "-show_format",
                                                                "-show_streams", "-print_format", "json", url.path])
        guard result.status == 0 else { throw ID3Reader.Failure(description: "ffprobe failed: \(result.stderr)") }
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        chapters = (json["chapters"] as? [[String: Any]] ?? []).map { chapter in
            Chapter(start: Double(chapter["start_time"] as? String ?? "") ?? .nan,
                    end: Double(chapter["end_time"] as? String ?? "") ?? .nan,
                    title: (chapter["tags"] as? [String: String])?["title"])
        }
        let format = json["format"] as? [String: Any] ?? [:]
        var tags: [String: String] = [:]
        let streamTags = (json["streams"] as? [[String: Any]] ?? []).compactMap { $0["tags"] as? [String: String] }
        for dictionary in [format["tags"] as? [String: String] ?? [:]] + streamTags {
            for (key, value) in dictionary { tags[key.lowercased()] = value }
        }
        self.tags = tags
        duration = Double(format["duration"] as? String ?? "") ?? .nan
        errors = result.stderr
    }

    /// What ffprobe printed at `-v error`: empty when it found nothing wrong.
    let errors: String
}
