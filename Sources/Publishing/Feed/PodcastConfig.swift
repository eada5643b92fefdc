import Settings
import Foundation

/// The podcast's own description, from a YAML file (`edition feed init` writes a commented one).
public struct PodcastConfig: Sendable, Equatable {
    public struct Owner: Sendable, Equatable { public var name: String; public var email: String }
    public var title: String
    public var description: String
    public var author: String
    public var owner: Owner?
    public var image: String
    public var language: String
    /// Apple categories as Apple spells them, "News" or "News > Daily News" (checked on loading).
    public var categories: [String]
    public var explicit: Bool
    public var baseURL: String
    public var feedURL: String
    public var copyright: String?
    public var type: String
    public var disclosure: String?
    public var link: String?
    /// `podcast:locked`: true asks other platforms not to import the feed (Podcasting 2.0).
    public var locked: Bool = false

    /// Every key the config may hold, in the order `edition feed init` writes them.
    public static let keys = ["title", "description", "author", "owner", "image", "language", "categories", "explicit",
                              "baseURL", "feedURL", "link", "copyright", "type", "disclosure", "locked"]

    /// Apple cuts descriptions (the show's and each episode's) at 4000 bytes.
    public static let descriptionLimit = 4000

    /// Reads and checks a config file; errors (`ConfigError`) name the file (as its last path
    /// component), the line when known, and the key. Non-fatal remarks (an http: URL) go to `warn`.
    public static func load(_ file: URL, warn: (String) -> Void = { _ in }) throws -> PodcastConfig {
        let label = file.lastPathComponent
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw ConfigError(file: label,
                              problem: "cannot be read (\(error.localizedDescription)); `edition feed init` writes an example")
        }
        return try parse(yaml: text, file: label, warn: warn)
    }

    /// Parses and checks config text; errors name `file`, the line and the key.
    public static func parse(yaml text: String, file: String = "podcast.yaml", warn: (String) -> Void = { _ in }) throws -> PodcastConfig {
        let map = try ConfigDocument.parse(yaml: text, file: file).mapping(keys: keys, shape: "`title: …`, `feedURL: …`")
        return try withoutActuallyEscaping(warn) { try ConfigReader(map: map, warn: $0).read() }
    }

    public static let example = """
        # Podcast feed settings for `edition feed`. Every key is required unless marked optional.
        title: The Daily Edition                       # the show's name
        description: Narrated editions of our reporting, read by a synthetic voice.
        author: Example Newsroom                       # itunes:author
        owner:                                         # optional: who Apple contacts
          name: Example Newsroom
          email: podcasts@example.org
        image: https://example.org/podcast/cover.jpg   # square JPEG/PNG, 1400–3000 px
        language: en-us
        # Apple's categories, checked against its list; "Category > Subcategory" nests. The list:
        # Arts, Business, Comedy, Education, Fiction, Government, History, Health & Fitness,
        # Kids & Family, Leisure, Music, News, Religion & Spirituality, Science, Society & Culture,
        # Sports, Technology, True Crime, TV & Film. News has Business News, Daily News,
        # Entertainment News, News Commentary, Politics, Sports News and Tech News.
        categories:
          - News > Daily News
        explicit: false
        baseURL: https://example.org/podcast/          # where the episode files will be served
        feedURL: https://example.org/podcast/feed.xml  # where this feed will be served
        link: https://example.org/                     # optional: the show's web page
        copyright: © 2026 Example Newsroom             # optional
        type: episodic                                 # episodic or serial
        disclosure: This audio was created with AI assistance.   # optional: added to every episode's description
        locked: false                                  # optional: true asks other platforms not to import the feed

        """
}

/// A problem with an episode the feed lists (the podcast config's problems are `ConfigError`s).
public enum FeedError: LocalizedError, Equatable {
    case episode(String, String)

    public var errorDescription: String? {
        switch self {
        case .episode(let file, let why): return "\(file): \(why)"
        }
    }
}
