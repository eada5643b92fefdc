import EditionCore

/// What every page of a site shares: its name, language, head and footer.
public struct SiteInfo: Sendable {
    public var title: String
    public var description: String?
    /// The `lang` of the pages (BCP 47), from the podcast config.
    public var language: String

    public init(title: String, description: String? = nil, language: String = "en") {
        self.title = title
        self.description = description
        self.language = language
    }

    public init(podcast: PodcastConfig?) {
        self.init(title: podcast?.title ?? "Audio editions", description: podcast?.description, language: podcast?.language ?? "en")
    }
}

/// The document around a page's body. The generator meta tag also marks the pages the site
/// wrote, so a re-run may remove the page of an episode that is gone and nothing else.
enum PageFrame {
    static let generatorMark = #"<meta name="generator" content="edition site">"#

    static func html(site: SiteInfo, links: SiteLinks, title: String, canonical: String?, description: String?,
                     body: String) -> String {
        var head = """
            <!doctype html>
            <html lang="\(HTML.escape(site.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(generatorMark)
            <title>\(HTML.escape(title))</title>
            <link rel="icon" href="data:,">

            """
        if let description, !description.isEmpty { head += "<meta name=\"description\" content=\"\(HTML.escape(description))\">\n" }
        if let canonical { head += "<link rel=\"canonical\" href=\"\(HTML.escape(canonical))\">\n" }
        if let feed = links.feed {
            head += "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"\(HTML.escape(site.title))\" href=\"\(HTML.escape(feed))\">\n"
        }
        head += """
            <link rel="stylesheet" href="\(HTML.escape(links.asset(PlayerAssets.styleName)))">
            <script type="module" src="\(HTML.escape(links.asset(PlayerAssets.scriptName)))"></script>
            </head>
            <body class="edition-page">

            """
        return head + body + "</body>\n</html>\n"
    }

    /// "4 March 2024" from an ISO 8601 date, without a locale (the same bytes on every machine).
    static func day(_ iso: String?) -> String? {
        guard let iso, iso.count >= 10 else { return nil }
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    /// "45 s", "12 min", "1 h 5 min".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "" }
        if seconds < 60 { return "\(Int(seconds.rounded())) s" }
        let minutes = Int((seconds / 60).rounded())
        return minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
    }

    /// A `<time>` element for an episode's date, or nothing.
    static func time(_ episode: Episode) -> String? {
        if let day = day(episode.publishedISO) {
            return "<time datetime=\"\(HTML.escape(episode.publishedISO!))\">\(day)</time>"
        }
        return episode.published.map(HTML.escape)
    }
}


