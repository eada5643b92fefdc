import Configuration
import Crypto
import EditionCore
import Foundation
import Reading

/// Everything needed to produce one episode: the script to speak, the voice, and what the
/// sidecars say about it. An article makes one; an edition joins several.
public struct EpisodePlan: Sendable {
    public var slug: String
    /// What to say; `builder` turns each line into chunks as it is spoken.
    public var outline: ScriptOutline
    public var builder: ScriptBuilder
    public var title: String
    public var authors: [String]
    public var published: PublicationDate?
    public var url: String?
    public var standfirst: String?
    public var source: Episode.Source
    public var warnings: [String]
    public var removedLines: Int
    public var profile: VoiceProfile

    /// Reads an article file (or stdin for "-") and scripts it.
    public static func article(_ path: String, profile: VoiceProfile, intro: IntroTemplate = .standard,
                               overrides: ArticleOverrides = ArticleOverrides()) throws -> EpisodePlan {
        let reader = ArticleReader()
        let data = try reader.load(path: path)
        var article = try reader.read(data, name: path == "-" ? "stdin" : path)
        overrides.apply(to: &article)
        guard article.blocks.contains(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ReadingError.noText(path == "-" ? "stdin" : path)
        }
        let builder = ScriptBuilder(profile: profile, intro: intro)
        let outline = builder.outline(for: article)
        guard outline.hasSpeech else { throw ReadingError.noText(path) }
        return EpisodePlan(slug: Slug.make(article.headline), outline: outline, builder: builder, title: article.headline,
                           authors: article.authors, published: article.published, url: article.sourceURL,
                           standfirst: article.standfirst ?? article.blocks.first?.text,
                           source: .init(path: path, sha256: Digest.sha256(data)), warnings: article.warnings,
                           removedLines: article.removed.count, profile: profile)
    }
}

/// What a manifest may say about an article, over what the article itself says.
public struct ArticleOverrides: Sendable, Codable, Equatable {
    public var title: String?
    public var date: String?
    public var url: String?

    public init(title: String? = nil, date: String? = nil, url: String? = nil) {
        self.title = title
        self.date = date
        self.url = url
    }

    func apply(to article: inout Article) {
        if let title { article.headline = title }
        if let url { article.sourceURL = url }
        if let date { article.published = PublicationDate(text: date, date: ISO8601DateFormatter.day(date), hasTime: date.contains("T")) }
    }
}

enum Digest {
    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }
    static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }
}

extension EpisodePlan {
    /// Several articles narrated into one programme, one chapter per story. A story that
    /// cannot be read is left out with a warning; the edition fails only if none can.
    public static func edition(_ entry: Manifest.EditionEntry, base: URL, profile: VoiceProfile) throws -> EpisodePlan {
        let reader = ArticleReader()
        var stories: [Article] = []
        var warnings: [String] = []
        var digests: [String] = []
        var removed = 0
        for item in entry.articles {
            let path = BuildPlan.resolve(item.path, base)
            do {
                let data = try reader.load(path: path)
                var article = try reader.read(data, name: path)
                ArticleOverrides(title: item.title, date: item.date, url: item.url).apply(to: &article)
                stories.append(article)
                warnings += article.warnings
                removed += article.removed.count
                digests.append(Digest.sha256(data))
            } catch {
                warnings.append("story left out: \(error.localizedDescription)")
            }
        }
        guard !stories.isEmpty else { throw BuildError.source(entry.title, "none of the edition's articles could be read") }
        let builder = ScriptBuilder(profile: profile)
        let outline = builder.edition(title: entry.title, intro: entry.intro, outro: entry.outro, stories: stories)
        let date = entry.date.map { PublicationDate(text: $0, date: ISO8601DateFormatter.day($0), hasTime: $0.contains("T")) }
        let authors = Array(NSOrderedSet(array: stories.flatMap(\.authors))) as? [String] ?? []
        return EpisodePlan(slug: entry.slug.map { Slug.make($0) } ?? Slug.make(entry.title), outline: outline, builder: builder, title: entry.title,
                           authors: authors, published: date, url: entry.url,
                           standfirst: stories.map(\.headline).joined(separator: " · "),
                           source: .init(path: base.path, sha256: Digest.sha256(digests.joined())), warnings: warnings,
                           removedLines: removed, profile: profile)
    }
}
