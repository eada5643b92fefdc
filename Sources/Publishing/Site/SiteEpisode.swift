import EditionCore
import Foundation

/// One episode as the site shows it: its metadata, the audio a browser plays, and the timed
/// words of its transcript; or, when a file is missing or damaged, what is wrong, so the page
/// says so instead of showing a player that cannot play.
public struct SiteEpisode: Sendable {
    /// The file name the metadata was found under, without `.json`: never the JSON's own
    /// `slug`, which a damaged or hostile file could set to `../x`.
    public var slug: String
    public var episode: Episode?
    /// The audio file a browser plays, by preference.
    public var audio: String?
    public var words: [Transcripts.Segment] = []
    /// Why the episode has no player (empty when it plays).
    public var problems: [String] = []

    public var playable: Bool { problems.isEmpty }
    public var title: String { episode?.title ?? slug }

    /// Browsers play all of these; MP3 first (smallest and everywhere), WAV last (largest).
    static let audioPreference = ["mp3", "opus", "ogg", "flac", "wav"]

    /// Every episode in a folder, newest first (undated ones last, then by title and slug: the
    /// order never depends on the file system).
    public static func all(in directory: URL) throws -> [SiteEpisode] {
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        let episodes = names.filter(EpisodeJSON.isMetadataName).map { load(slug: String($0.dropLast(5)), in: directory, names: names) }
        return episodes.sorted { a, b in
            let (x, y) = (a.episode?.publishedISO ?? "", b.episode?.publishedISO ?? "")
            if x != y { return x > y }
            if a.title != b.title { return a.title < b.title }
            return a.slug < b.slug
        }
    }

    /// One episode by slug; nil when the folder has no `<slug>.json`.
    public static func find(_ slug: String, in directory: URL) throws -> SiteEpisode? {
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        guard EpisodeJSON.isMetadataName(slug + ".json"), names.contains(slug + ".json") else { return nil }
        return load(slug: slug, in: directory, names: names)
    }

    static func load(slug: String, in directory: URL, names: Set<String>) -> SiteEpisode {
        var site = SiteEpisode(slug: slug)
        do {
            site.episode = try EpisodeJSON.read(directory.appendingPathComponent(slug + ".json"))
        } catch {
            site.problems.append("its metadata (\(slug).json) cannot be read")
            return site
        }
        site.audio = audioPreference.map { "\(slug).\($0)" }.first(where: names.contains)
        if site.audio == nil { site.problems.append("its audio file is missing") }
        let transcript = "\(slug).transcript.json"
        if !names.contains(transcript) {
            site.problems.append("its transcript (\(transcript)) is missing")
        } else if let data = try? Data(contentsOf: directory.appendingPathComponent(transcript)),
                  let document = try? JSONDecoder().decode(Transcripts.Document.self, from: data),
                  document.segments.allSatisfy({ $0.startTime.isFinite && $0.startTime >= 0 }) {
            site.words = document.segments
        } else {
            site.problems.append("its transcript (\(transcript)) is damaged")
        }
        return site
    }
}
