import Foundation
import Yams

/// A YAML list of what to build: articles (each with an optional voice, title, date and URL)
/// and editions (several articles narrated into one programme). Paths are relative to the file.
///
///     voice: en-us-news
///     articles:
///       - stories/budget.txt
///       - path: stories/floods.md
///         voice: en-gb-news
///         title: Floods close the coast road
///         date: 2026-11-25
///         url: https://example.org/floods
///     editions:
///       - title: Morning Briefing, 25 November 2026
///         date: 2026-11-25
///         intro: Good morning. Here is the news.
///         outro: That was the Morning Briefing.
///         introAudio: jingle.wav
///         storyPause: 1500
///         articles: [stories/budget.txt, stories/floods.md]
public struct Manifest: Decodable, Sendable {
    public struct ArticleEntry: Decodable, Sendable {
        public var path: String
        public var voice: String?
        public var title: String?
        public var date: String?
        public var url: String?

        public init(from decoder: Decoder) throws {
            if let path = try? decoder.singleValueContainer().decode(String.self) {
                self.path = path
                return
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            path = try c.decode(String.self, forKey: .path)
            voice = try c.decodeIfPresent(String.self, forKey: .voice)
            title = try c.decodeIfPresent(String.self, forKey: .title)
            date = try c.decodeIfPresent(String.self, forKey: .date)
            url = try c.decodeIfPresent(String.self, forKey: .url)
        }

        enum CodingKeys: String, CodingKey { case path, voice, title, date, url }
    }

    public struct EditionEntry: Decodable, Sendable {
        public var title: String
        public var slug: String?
        public var date: String?
        public var url: String?
        public var voice: String?
        public var intro: String?
        public var outro: String?
        public var introAudio: String?
        public var outroAudio: String?
        /// Milliseconds between stories (default: the voice's chapter pause).
        public var storyPause: Int?
        public var articles: [ArticleEntry]
    }

    public var voice: String?
    public var articles: [ArticleEntry]
    public var editions: [EditionEntry]

    enum CodingKeys: String, CodingKey { case voice, articles, editions }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        voice = try c.decodeIfPresent(String.self, forKey: .voice)
        articles = try c.decodeIfPresent([ArticleEntry].self, forKey: .articles) ?? []
        editions = try c.decodeIfPresent([EditionEntry].self, forKey: .editions) ?? []
    }

    public static func load(_ url: URL) throws -> Manifest {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw BuildError.manifest(url.path, "cannot be read (\(error.localizedDescription))")
        }
        do {
            let manifest = try YAMLDecoder().decode(Manifest.self, from: text)
            if manifest.articles.isEmpty && manifest.editions.isEmpty {
                throw BuildError.manifest(url.path, "lists no `articles` and no `editions`")
            }
            return manifest
        } catch let error as BuildError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            let at = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw BuildError.manifest(url.path, "`\(at)` is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            throw BuildError.manifest(url.path, "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` has the wrong type")
        } catch {
            throw BuildError.manifest(url.path, "is not valid YAML (\(error))")
        }
    }
}

public enum BuildError: LocalizedError, Equatable {
    case manifest(String, String)
    case source(String, String)
    case nothingToBuild

    public var errorDescription: String? {
        switch self {
        case .manifest(let path, let why): return "\(path): \(why)"
        case .source(let path, let why): return "\(path): \(why)"
        case .nothingToBuild: return "no articles found in the sources given"
        }
    }
}
