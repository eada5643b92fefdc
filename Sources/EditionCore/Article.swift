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
    public var sourceURL: String?
    public var sections: [Section]
    public var removed: [RemovedLine]
    /// Problems the reader recovered from (e.g. invalid UTF-8 replaced), shown to the user.
    public var warnings: [String]

    public init(headline: String, standfirst: String? = nil, authors: [String] = [],
                published: PublicationDate? = nil, sourceURL: String? = nil,
                sections: [Section] = [], removed: [RemovedLine] = [], warnings: [String] = []) {
        self.headline = headline
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

    public init(text: String, date: Date? = nil, hasTime: Bool = false) {
        self.text = text
        self.date = date
        self.hasTime = hasTime
    }

    /// An ISO 8601 date ("2024-03-19") or timestamp, as manifests and front matter give them.
    public init(iso text: String) {
        self.init(text: text, date: Self.isoDate(text), hasTime: text.contains("T"))
    }

    /// "2024-03-19" or a full timestamp.
    public static func isoDate(_ text: String) -> Date? {
        if let d = ISO8601DateFormatter().date(from: text) { return d }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return f.date(from: String(text.prefix(10)))
    }
}
