import EditionCore
import Foundation

/// One episode as the feed announces it: its metadata and the files beside it.
public struct FeedItem: Sendable {
    public var episode: Episode
    /// The audio the item points at, its exact size and MIME type.
    public var enclosure: (name: String, bytes: Int, mimeType: String)
    /// Publication date; nil when the article had none.
    public var date: Date?
    /// Sidecar files present in the folder.
    public var sidecars: Set<String>
    /// The item's identity; see `identity(of:)`. `makeGUIDsUnique` settles clashes.
    public var guid: String

    public init(episode: Episode, enclosure: (name: String, bytes: Int, mimeType: String), date: Date?, sidecars: Set<String>) {
        self.episode = episode
        self.enclosure = enclosure
        self.date = date
        self.sidecars = sidecars
        self.guid = Self.identity(of: episode)
    }

    /// A stable identity, never a file hash, so a corrected and re-narrated article keeps it: the
    /// article's URL, else its source file's name (an edition's source is its manifest's folder,
    /// so an edition is known by its slug), else — read from standard input — its slug.
    public static func identity(of episode: Episode) -> String {
        if let url = episode.url?.trimmingCharacters(in: .whitespacesAndNewlines), !url.isEmpty { return url }
        let path = episode.source.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "edition:\(episode.slug)"
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if ["-", "stdin"].contains(path) || name.isEmpty || name.hasPrefix(".") { return "edition:\(episode.slug)" }
        return "edition:\(name)"
    }

    /// Two items with one identity (the same URL, or two sources both named index.html) would
    /// share a guid and apps would keep only one: each falls back to its slug, unique in a folder.
    /// Returns a line for each item changed.
    public static func makeGUIDsUnique(_ items: inout [FeedItem]) -> [String] {
        let counts = Dictionary(items.map { ($0.guid, 1) }, uniquingKeysWith: +)
        var changed: [String] = []
        for i in items.indices where counts[items[i].guid]! > 1 {
            changed.append("\(items[i].episode.slug).json: shares its guid \(items[i].guid) with another episode; using edition:\(items[i].episode.slug)")
            items[i].guid = "edition:\(items[i].episode.slug)"
        }
        return changed
    }
}

/// RSS 2.0 with the Apple (itunes:) and Podcasting 2.0 (podcast:) namespaces. Deterministic:
/// the same config and episodes give the same bytes (no build time in the feed).
public enum FeedWriter {
    public static func xml(_ config: PodcastConfig, items: [FeedItem], limit: Int? = nil) -> String {
        let sorted = items.sorted { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return (a.episode.title, a.guid) < (b.episode.title, b.guid)
            }
        }
        let shown = limit.map { Array(sorted.prefix($0)) } ?? sorted
        var x = FeedXML()
        x.open("rss", [("version", "2.0"), ("xmlns:itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
                       ("xmlns:podcast", "https://podcastindex.org/namespace/1.0"),
                       ("xmlns:atom", "http://www.w3.org/2005/Atom")])
        x.open("channel")
        x.element("title", config.title)
        x.element("link", config.link ?? config.baseURL)
        x.element("description", config.description)
        x.element("language", config.language)
        if let c = config.copyright { x.element("copyright", c) }
        x.empty("atom:link", [("href", config.feedURL), ("rel", "self"), ("type", "application/rss+xml")])
        if let newest = shown.compactMap(\.date).max() { x.element("lastBuildDate", rfc2822(newest)) }
        x.element("generator", "edition")
        x.element("itunes:author", config.author)
        x.empty("itunes:image", [("href", config.image)])
        // One element per parent, its subcategories nested ("News > Daily News", "News > Politics").
        var parents: [(name: String, subs: [String])] = []
        for category in config.categories {
            let parts = category.components(separatedBy: ">").map { $0.trimmingCharacters(in: .whitespaces) }
            let i = parents.firstIndex { $0.name == parts[0] } ?? { parents.append((parts[0], [])); return parents.count - 1 }()
            if parts.count > 1, !parents[i].subs.contains(parts[1]) { parents[i].subs.append(parts[1]) }
        }
        for (name, subs) in parents {
            if subs.isEmpty {
                x.empty("itunes:category", [("text", name)])
            } else {
                x.open("itunes:category", [("text", name)])
                for sub in subs { x.empty("itunes:category", [("text", sub)]) }
                x.close("itunes:category")
            }
        }
        x.element("itunes:explicit", config.explicit ? "true" : "false")
        x.element("itunes:type", config.type)
        if let owner = config.owner {
            x.open("itunes:owner")
            x.element("itunes:name", owner.name)
            x.element("itunes:email", owner.email)
            x.close("itunes:owner")
        }
        x.element("podcast:guid", PodcastGUID.of(feedURL: config.feedURL))
        x.element("podcast:locked", config.locked ? "yes" : "no", config.owner.map { [("owner", $0.email)] } ?? [])
        x.element("podcast:medium", "podcast")
        for item in shown { self.item(item, config, &x) }
        x.close("channel")
        x.close("rss")
        return x.text
    }

    static func item(_ item: FeedItem, _ config: PodcastConfig, _ x: inout FeedXML) {
        let e = item.episode
        x.open("item")
        x.element("title", e.title)
        x.element("itunes:title", e.title)
        x.element("description", description(of: e, config))
        if let link = e.url { x.element("link", link) }
        x.element("guid", item.guid, [("isPermaLink", "false")])
        if let date = item.date { x.element("pubDate", rfc2822(date)) }
        x.empty("enclosure", [("url", url(config.baseURL, item.enclosure.name)), ("length", "\(item.enclosure.bytes)"),
                              ("type", item.enclosure.mimeType)])
        x.element("itunes:duration", "\(Int(e.duration.rounded()))")
        x.element("itunes:episodeType", "full")
        if !e.authors.isEmpty { x.element("itunes:author", e.authors.joined(separator: ", ")) }
        x.element("itunes:explicit", config.explicit ? "true" : "false")
        if item.sidecars.contains("\(e.slug).chapters.json") {
            x.empty("podcast:chapters", [("url", url(config.baseURL, "\(e.slug).chapters.json")), ("type", "application/json+chapters")])
        }
        // RSS has no item language; Podcasting 2.0 gives each transcript one (absent, apps assume the channel's).
        let language = e.language.map { [("language", $0)] } ?? []
        if item.sidecars.contains("\(e.slug).vtt") {
            x.empty("podcast:transcript", [("url", url(config.baseURL, "\(e.slug).vtt")), ("type", "text/vtt"), ("rel", "captions")] + language)
        }
        if item.sidecars.contains("\(e.slug).transcript.json") {
            x.empty("podcast:transcript", [("url", url(config.baseURL, "\(e.slug).transcript.json")), ("type", "application/json")] + language)
        }
        if item.sidecars.contains("\(e.slug).srt") {
            x.empty("podcast:transcript", [("url", url(config.baseURL, "\(e.slug).srt")), ("type", "application/x-subrip")] + language)
        }
        x.close("item")
    }

    /// The standfirst (else the title), then the disclosure line, within Apple's 4000 bytes: a long
    /// standfirst is cut at a word, the disclosure always kept whole.
    static func description(of episode: Episode, _ config: PodcastConfig) -> String {
        let standfirst = episode.standfirst?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let lead = standfirst.isEmpty ? episode.title : standfirst
        guard let disclosure = config.disclosure, !disclosure.isEmpty else { return clipped(lead) }
        let room = PodcastConfig.descriptionLimit - disclosure.utf8.count - 2
        guard room >= 64 else { return clipped(lead + "\n\n" + disclosure) }
        return clipped(lead, to: room) + "\n\n" + disclosure
    }

    /// `text` cut at a word to fit in `limit` UTF-8 bytes, with "…" when cut.
    static func clipped(_ text: String, to limit: Int = PodcastConfig.descriptionLimit) -> String {
        guard text.utf8.count > limit else { return text }
        var bytes = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf8.count
            if bytes + size > limit - 3 { break }   // room for "…"
            bytes += size
            end = text.index(after: index)
        }
        var cut = text[..<end]
        if let space = cut.lastIndex(where: \.isWhitespace), cut.distance(from: cut.startIndex, to: space) > cut.count / 2 {
            cut = cut[..<space]
        }
        return cut.trimmingCharacters(in: .whitespacesAndNewlines) + "…"
    }

    /// baseURL + a file name, percent-encoded (file names are ASCII slugs, but be safe).
    static func url(_ base: String, _ name: String) -> String {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name
        return base.hasSuffix("/") ? base + encoded : base + "/" + encoded
    }

    /// RFC 2822 in GMT: "Tue, 19 Mar 2024 17:31:00 GMT".
    public static func rfc2822(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: date)
    }
}
