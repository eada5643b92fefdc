import Foundation
import Yams

/// The podcast's own description, from a YAML file (`edition feed init` writes a commented one).
public struct PodcastConfig: Sendable, Equatable {
    public struct Owner: Sendable, Equatable { public var name: String; public var email: String }
    public var title: String
    public var description: String
    public var author: String
    public var owner: Owner?
    public var image: String
    public var language: String
    /// Apple categories, "News" or "News > Daily News".
    public var categories: [String]
    public var explicit: Bool
    public var baseURL: String
    public var feedURL: String
    public var copyright: String?
    public var type: String
    public var disclosure: String?
    public var link: String?

    public static func load(_ file: URL) throws -> PodcastConfig {
        let label = file.lastPathComponent
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw FeedError.config(label, "cannot be read (\(error.localizedDescription)); `edition feed init` writes an example")
        }
        let node: Any?
        do { node = try Yams.load(yaml: text) } catch { throw FeedError.config(label, "is not valid YAML (\(error))") }
        guard let map = node as? [String: Any] else { throw FeedError.config(label, "must be a mapping of keys to values") }
        func string(_ key: String, required: Bool = true) throws -> String? {
            guard let value = map[key] else {
                if required { throw FeedError.config(label, "`\(key)` is missing") }
                return nil
            }
            let s = "\(value)".trimmingCharacters(in: .whitespacesAndNewlines)
            if required && s.isEmpty { throw FeedError.config(label, "`\(key)` is empty") }
            return s
        }
        func absoluteURL(_ key: String) throws -> String {
            let s = try string(key)!
            guard let u = URL(string: s), let scheme = u.scheme, ["http", "https"].contains(scheme), u.host != nil else {
                throw FeedError.config(label, "`\(key)` must be an absolute http(s) URL (got \(s))")
            }
            return s
        }
        var owner: Owner?
        if let o = map["owner"] {
            guard let o = o as? [String: Any], let name = o["name"].map({ "\($0)" }), let email = o["email"].map({ "\($0)" }) else {
                throw FeedError.config(label, "`owner` needs `name` and `email`")
            }
            owner = Owner(name: name, email: email)
        }
        let categories: [String]
        switch map["categories"] {
        case let list as [Any]: categories = list.map { "\($0)" }
        case let one as String: categories = [one]
        case nil: throw FeedError.config(label, "`categories` is missing")
        default: throw FeedError.config(label, "`categories` must be a list such as [News, News > Daily News]")
        }
        guard !categories.isEmpty else { throw FeedError.config(label, "`categories` is empty") }
        let explicit: Bool
        switch map["explicit"] {
        case let b as Bool: explicit = b
        case nil: throw FeedError.config(label, "`explicit` is missing")
        default: throw FeedError.config(label, "`explicit` must be true or false")
        }
        let type = try string("type", required: false) ?? "episodic"
        guard ["episodic", "serial"].contains(type) else { throw FeedError.config(label, "`type` must be episodic or serial (got \(type))") }
        return PodcastConfig(title: try string("title")!, description: try string("description")!, author: try string("author")!,
                             owner: owner, image: try absoluteURL("image"), language: try string("language")!, categories: categories,
                             explicit: explicit, baseURL: try absoluteURL("baseURL"), feedURL: try absoluteURL("feedURL"),
                             copyright: try string("copyright", required: false), type: type,
                             disclosure: try string("disclosure", required: false), link: try string("link", required: false))
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
        categories:                                    # Apple's categories; "Parent > Sub" nests
          - News > Daily News
        explicit: false
        baseURL: https://example.org/podcast/          # where the episode files will be served
        feedURL: https://example.org/podcast/feed.xml  # where this feed will be served
        link: https://example.org/                     # optional: the show's web page
        copyright: © 2026 Example Newsroom             # optional
        type: episodic                                 # episodic or serial
        disclosure: This audio was created with AI assistance.   # optional: added to every episode's description

        """
}

public enum FeedError: LocalizedError, Equatable {
    case config(String, String)
    case episode(String, String)

    public var errorDescription: String? {
        switch self {
        case .config(let file, let why): return "\(file): \(why)"
        case .episode(let file, let why): return "\(file): \(why)"
        }
    }
}
