import Foundation

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
///       - path: stories/kyiv-uk.txt
///         language: uk       # over what the article says; picks the voice when none is named
///     editions:
///       - title: Morning Briefing, 25 November 2026
///         date: 2026-11-25
///         intro: Good morning. Here is the news.
///         outro: That was the Morning Briefing.
///         introAudio: jingle.wav
///         storyPause: 1500
///         articles: [stories/budget.txt, stories/floods.md]
public struct Manifest: Sendable, Equatable {
    public struct ArticleEntry: Sendable, Equatable {
        public var path: String
        public var voice: String?
        public var title: String?
        public var date: String?
        public var url: String?
        /// The article's language (BCP 47), over what the article says.
        public var language: String?

        public init(path: String, voice: String? = nil, title: String? = nil, date: String? = nil, url: String? = nil,
                    language: String? = nil) {
            self.path = path
            self.voice = voice
            self.title = title
            self.date = date
            self.url = url
            self.language = language
        }
    }

    public struct EditionEntry: Sendable, Equatable {
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
        /// The programme's language (BCP 47); else its first story's.
        public var language: String?
        public var articles: [ArticleEntry]

        public init(title: String, slug: String? = nil, date: String? = nil, url: String? = nil, voice: String? = nil,
                    intro: String? = nil, outro: String? = nil, introAudio: String? = nil, outroAudio: String? = nil,
                    storyPause: Int? = nil, language: String? = nil, articles: [ArticleEntry]) {
            self.title = title
            self.slug = slug
            self.date = date
            self.url = url
            self.voice = voice
            self.intro = intro
            self.outro = outro
            self.introAudio = introAudio
            self.outroAudio = outroAudio
            self.storyPause = storyPause
            self.language = language
            self.articles = articles
        }
    }

    public var voice: String?
    public var articles: [ArticleEntry]
    public var editions: [EditionEntry]

    public init(voice: String? = nil, articles: [ArticleEntry] = [], editions: [EditionEntry] = []) {
        self.voice = voice
        self.articles = articles
        self.editions = editions
    }

    public static let keys = ["voice", "articles", "editions"]
    static let articleKeys = ["path", "voice", "title", "date", "url", "language"]
    static let editionKeys = ["title", "slug", "date", "url", "voice", "intro", "outro", "introAudio", "outroAudio",
                              "storyPause", "language", "articles"]

    /// Reads a manifest; errors are `ConfigError`s naming the file (`file`, by default its
    /// path), the line and the key.
    public static func load(_ url: URL, file: String? = nil) throws -> Manifest {
        try read(try ConfigDocument.load(url, file: file))
    }

    public static func parse(yaml text: String, file: String) throws -> Manifest {
        try read(try ConfigDocument.parse(yaml: text, file: file))
    }

    static func read(_ document: ConfigDocument) throws -> Manifest {
        let map = try document.mapping(keys: keys, shape: "`articles:` or `editions:` with a list under it")
        let manifest = Manifest(voice: try map["voice"]?.text(),
                                articles: try map["articles"]?.list().map(article) ?? [],
                                editions: try map["editions"]?.list().map(edition) ?? [])
        if manifest.articles.isEmpty && manifest.editions.isEmpty {
            throw map.fail("lists no `articles` and no `editions`")
        }
        return manifest
    }

    /// A path alone, or a mapping with `path` and what overrides the article's own.
    static func article(_ value: ConfigValue) throws -> ArticleEntry {
        if value.isScalar { return ArticleEntry(path: try value.text()) }
        let map = try value.mapping(keys: articleKeys)
        return ArticleEntry(path: try map.required("path").text(), voice: try map["voice"]?.text(),
                            title: try map["title"]?.text(), date: try map["date"]?.text(), url: try map["url"]?.text(),
                            language: try map["language"]?.text())
    }

    static func edition(_ value: ConfigValue) throws -> EditionEntry {
        let map = try value.mapping(keys: editionKeys)
        let list = try map.required("articles")
        let articles = try list.list()
        if articles.isEmpty { throw list.fail("`\(list.key)` is empty") }
        return EditionEntry(title: try map.required("title").text(), slug: try map["slug"]?.text(),
                            date: try map["date"]?.text(), url: try map["url"]?.text(), voice: try map["voice"]?.text(),
                            intro: try map["intro"]?.text(), outro: try map["outro"]?.text(),
                            introAudio: try map["introAudio"]?.text(), outroAudio: try map["outroAudio"]?.text(),
                            storyPause: try map["storyPause"]?.integer(in: 0...10_000), language: try map["language"]?.text(),
                            articles: try articles.map(article))
    }
}
