import Foundation

/// A structured article: what the reader stage produces from scraped text, Markdown or HTML.
/// Everything the listener will hear is in `headline`, `standfirst` and `sections`;
/// everything dropped is in `removed`, with a reason, so nothing disappears silently.
public struct Article: Codable, Sendable, Equatable {
    public var headline: String
    public var standfirst: String?
    public var authors: [String]
    /// Publication date and time as written in the source, parsed where possible.
    public var published: PublicationDate?
    /// Where the article lives: a page's canonical URL, front matter's `url`.
    public var sourceURL: String?
    /// The language the article is written in, as a BCP 47 tag ("en", "en-GB"), when the source says.
    public var language: String?
    public var sections: [Section]
    public var removed: [RemovedLine]
    /// Problems the reader recovered from (e.g. invalid UTF-8 replaced), shown to the user.
    public var warnings: [String]

    public init(headline: String, standfirst: String? = nil, authors: [String] = [],
                published: PublicationDate? = nil, sourceURL: String? = nil,
                sections: [Section] = [], removed: [RemovedLine] = [], warnings: [String] = [],
                language: String? = nil) {
        self.headline = headline
        self.language = language
        self.standfirst = standfirst
        self.authors = authors
        self.published = published
        self.sourceURL = sourceURL
        self.sections = sections
        self.removed = removed
        self.warnings = warnings
    }

    /// All body blocks in reading order.
    public var blocks: [Block] { sections.flatMap(\.blocks) }
}

/// A run of body text under an optional heading.
public struct Section: Codable, Sendable, Equatable {
    public var heading: String?
    public var blocks: [Block]

    public init(heading: String? = nil, blocks: [Block] = []) {
        self.heading = heading
        self.blocks = blocks
    }
}

/// One block of body text. Paragraphs, quotes and list items are read with different pauses.
public struct Block: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case paragraph, quote, listItem }
    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// A line the reader dropped, and why (e.g. "byline", "photo caption", "newsletter plug").
public struct RemovedLine: Codable, Sendable, Equatable {
    public var text: String
    public var reason: String
    /// 1-based line number in the source, where the format has lines.
    public var line: Int?

    public init(text: String, reason: String, line: Int? = nil) {
        self.text = text
        self.reason = reason
        self.line = line
    }
}

/// A publication date as found in the source. `date` is set when it could be parsed;
/// `hasTime` says whether a time of day was given (so "March 19, 2024" is not read as midnight).
public struct PublicationDate: Codable, Sendable, Equatable {
    public var text: String
    public var date: Date?
    public var hasTime: Bool
    /// The time zone the source wrote the time in, as an offset ("+02:00", "Z"), when it gave one.
    public var timeZone: String?

    public init(text: String, date: Date? = nil, hasTime: Bool = false, timeZone: String? = nil) {
        self.text = text
        self.date = date
        self.hasTime = hasTime
        self.timeZone = timeZone
    }

    /// An ISO 8601 date ("2024-03-19") or timestamp, as manifests, front matter and page metadata
    /// give them; a timestamp's offset ("+02:00", "-0500", "Z") is kept as its time zone.
    public init(iso text: String) {
        let zone = text.range(of: #"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$"#, options: .regularExpression)
            .flatMap { text[$0].range(of: #"(Z|[+-]\d{2}:?\d{2})$"#, options: .regularExpression) }.map { String(text[$0]) }
        self.init(text: text, date: Self.isoDate(text), hasTime: text.contains("T"), timeZone: zone)
    }

    /// "2024-03-19" or a full timestamp, with or without fractional seconds.
    public static func isoDate(_ text: String) -> Date? {
        if let d = ISO8601DateFormatter().date(from: text) { return d }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withFullDate]
        return f.date(from: String(text.prefix(10)))
    }
}
