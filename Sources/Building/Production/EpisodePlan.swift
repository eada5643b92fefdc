import Settings
import Crypto
import EditionCore
import Foundation
import Normalizing
import Reading
import Segmenting

/// Everything needed to produce one episode: the outline to speak, the voice, and what the
/// sidecars say about it. An article makes one; an edition joins several.
public struct EpisodePlan: Sendable {
    public var slug: String
    /// What to say, before normalizing; `script` reads it sentence by sentence.
    public var outline: ScriptOutline
    public var title: String
    public var authors: [String]
    public var published: PublicationDate?
    public var url: String?
    public var standfirst: String?
    public var source: Episode.Source
    public var warnings: [String]
    public var removedLines: Int
    public var profile: VoiceProfile
    /// The language the episode is spoken in: the article's, else its voice's.
    public var language: String

    /// The script, normalized with the voice's rules and lexicon as it is read: the one
    /// sequence that `edition script` prints and synthesis speaks.
    public var script: Script {
        let normalizer = self.normalizer
        return Script(outline: outline, clausePause: profile.pauses.clause) { text in
            let normalized = normalizer.normalize(text)
            return SpokenText(text: normalized.spoken, tokens: normalized.tokens)
        }
    }

    /// The voice's normalizer: its language's rules, then its lexicon.
    public var normalizer: Normalizer { Normalizer(language: profile.language, lexicon: profile.lexicon) }

    /// Reads an article and scripts it.
    public static func article(_ source: ArticleSource, profile: VoiceProfile, intro: IntroTemplate = .standard,
                               overrides: ArticleOverrides = ArticleOverrides()) throws -> EpisodePlan {
        var (article, data) = try source.read()
        overrides.apply(to: &article)
        if let language = article.language, !LanguageTag.same(profile.language, language) {
            article.warnings.append("\(source.name): the article is in \(LanguageTag.name(language)) but the voice \(profile.name) speaks \(profile.language)")
        }
        let outline = ScriptPlanner(pauses: profile.pauses, intro: intro).outline(for: article)
        guard article.blocks.contains(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }), outline.hasSpeech else {
            throw ReadingError.noText(source.name)
        }
        let digest = Digest.sha256(data ?? (try? Self.canonical.encode(article)) ?? Data())
        let path: String = if case .file(let p) = source { p } else { source.name }
        return EpisodePlan(slug: articleSlug(article, overrides), outline: outline, title: article.headline,
                           authors: article.authors, published: article.published, url: article.sourceURL,
                           standfirst: article.standfirst ?? article.blocks.first?.text,
                           source: .init(path: path, sha256: digest), warnings: article.warnings,
                           removedLines: article.removed.count, profile: profile,
                           language: article.language ?? profile.language)
    }

    private static let canonical: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func articleSlug(_ article: Article, _ overrides: ArticleOverrides) -> String {
        Slug.make(overrides.slug ?? article.headline)
    }

    static func editionSlug(_ entry: Manifest.EditionEntry) -> String {
        entry.slug.map { Slug.make($0) } ?? Slug.make(entry.title)
    }

    /// The slug an item's plan will have, reading no more than the article's headline needs.
    static func baseSlug(_ item: BuildItem, profile: VoiceProfile) throws -> String {
        switch item.kind {
        case .article(let source, let overrides):
            if let slug = overrides.slug { return Slug.make(slug) }
            if case .file("-") = source { throw BuildError.source("-", "standard input is read once, when it is built") }
            var (article, _) = try source.read()
            overrides.apply(to: &article)
            return articleSlug(article, overrides)
        case .edition(let entry, _):
            return editionSlug(entry)
        }
    }

    /// A bare text fragment (`edition script --fragment`): no headline detection, no intro.
    public static func fragment(_ text: String, profile: VoiceProfile) -> EpisodePlan {
        EpisodePlan(slug: "fragment", outline: ScriptPlanner(pauses: profile.pauses).fragment(text), title: "Fragment",
                    authors: [], source: .init(path: "-", sha256: Digest.sha256(text)), warnings: [], removedLines: 0,
                    profile: profile, language: profile.language)
    }

    /// Several articles narrated into one programme, one chapter per story. A story that
    /// cannot be read is left out with a warning; the edition fails only if none can.
    public static func edition(_ entry: Manifest.EditionEntry, base: URL, profile: VoiceProfile) throws -> EpisodePlan {
        var stories: [Article] = []
        var warnings: [String] = []
        var digests: [String] = []
        var removed = 0
        for item in entry.articles {
            let source = ArticleSource.file(BuildPlan.resolve(item.path, base))
            do {
                var (article, data) = try source.read()
                ArticleOverrides(title: item.title, date: item.date, url: item.url, language: item.language).apply(to: &article)
                stories.append(article)
                warnings += article.warnings
                removed += article.removed.count
                digests.append(Digest.sha256(data ?? Data()))
            } catch {
                warnings.append("story left out: \(error.localizedDescription)")
            }
        }
        guard !stories.isEmpty else { throw BuildError.source(entry.title, "none of the edition's articles could be read") }
        let outline = ScriptPlanner(pauses: profile.pauses).edition(title: entry.title, intro: entry.intro, outro: entry.outro, stories: stories)
        let date = entry.date.map { PublicationDate(iso: $0) }
        let authors = Array(NSOrderedSet(array: stories.flatMap(\.authors))) as? [String] ?? []
        return EpisodePlan(slug: editionSlug(entry), outline: outline, title: entry.title,
                           authors: authors, published: date, url: entry.url,
                           standfirst: stories.map(\.headline).joined(separator: " · "),
                           source: .init(path: base.path, sha256: Digest.sha256(digests.joined())), warnings: warnings,
                           removedLines: removed, profile: profile,
                           language: entry.language ?? stories.first?.language ?? profile.language)
    }
}

/// What a manifest (or a caller of the library) may say about an article, over what the
/// article itself says.
public struct ArticleOverrides: Sendable, Codable, Equatable {
    public var title: String?
    public var date: String?
    public var url: String?
    public var authors: [String]?
    /// The files' base name, instead of one made from the headline (the service names an
    /// episode's files by its opaque id, so a corrected headline keeps its URLs).
    public var slug: String?
    /// The article's language (BCP 47), over what it says and what its letters tell.
    public var language: String?

    public init(title: String? = nil, date: String? = nil, url: String? = nil, authors: [String]? = nil, slug: String? = nil,
                language: String? = nil) {
        self.title = title
        self.date = date
        self.url = url
        self.authors = authors
        self.slug = slug
        self.language = language
    }

    func apply(to article: inout Article) {
        if let language { article.language = language }
        if let title { article.headline = title }
        if let url { article.sourceURL = url }
        if let date { article.published = PublicationDate(iso: date) }
        if let authors { article.authors = authors }
    }
}

enum Digest {
    static func sha256(_ data: Data) -> String { Hex.string(SHA256.hash(data: data)) }
    static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }
}
