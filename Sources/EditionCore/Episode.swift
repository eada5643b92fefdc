/// The episode metadata sidecar (`<slug>.json`): what was narrated, from what, how, and
/// what was written. The feed is built from these files, so they carry everything it needs.
public struct Episode: Codable, Sendable, Equatable {
    public struct Source: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    public struct ChapterEntry: Codable, Sendable, Equatable {
        public var title: String
        public var startTime: Double
        public init(title: String, startTime: Double) {
            self.title = title
            self.startTime = startTime
        }
    }

    public var title: String
    public var slug: String
    public var authors: [String]
    public var published: String?
    public var url: String?
    public var standfirst: String?
    public var source: Source
    public var voice: String
    public var duration: Double
    public var sampleRate: Int
    public var files: [String]
    public var chapters: [ChapterEntry]
    public var warnings: [String]
    public var generator: String
    /// Integrated loudness (LUFS) and true peak (dBTP) measured on the mastered audio.
    public var loudness: Double?
    public var truePeak: Double?
    /// The publication date in ISO 8601, when the source's date could be parsed.
    public var publishedISO: String?
    /// Hash of everything the episode was built from; an unchanged key means nothing to redo.
    public var buildKey: String?
    /// How the transcript's words divide into paragraphs and headings (absent in episodes made
    /// by earlier versions); the site lays out the text read from it.
    public var layout: [TextBlock]?
    /// The language the episode is spoken in (BCP 47: "uk", "en-US"); absent in episodes made by
    /// earlier versions.
    public var language: String?

    public init(title: String, slug: String, authors: [String], published: String?, url: String?,
                standfirst: String?, source: Source, voice: String, duration: Double, sampleRate: Int,
                files: [String], chapters: [ChapterEntry], warnings: [String], generator: String,
                loudness: Double? = nil, truePeak: Double? = nil) {
        self.title = title
        self.slug = slug
        self.authors = authors
        self.published = published
        self.url = url
        self.standfirst = standfirst
        self.source = source
        self.voice = voice
        self.duration = duration
        self.sampleRate = sampleRate
        self.files = files
        self.chapters = chapters
        self.warnings = warnings
        self.generator = generator
        self.loudness = loudness
        self.truePeak = truePeak
    }
}
