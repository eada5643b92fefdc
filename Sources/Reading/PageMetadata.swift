import CLibXML2
import Foundation

/// What a page says about itself, gathered in one walk before the story is looked for: the
/// `<title>`, Open Graph and `article:` meta tags, JSON-LD, `<html lang>`, the canonical link,
/// the `<h1>`s, `rel=author` links and byline elements. `PageMetadata+Article` weighs them
/// against each other.
struct PageMetadata {
    var title: String?
    var openGraphTitle: String?
    var openGraphType: String?
    var siteName: String?
    var description: String?
    var metaAuthors: [String] = []
    var linkedAuthors: [String] = []
    var date: String?
    /// The first `<time datetime>`, for a page with no date in its metadata.
    var firstTime: String?
    var canonicalURL: String?
    var openGraphURL: String?
    var language: String?
    var linkedData: LinkedDataArticle?
    /// Every `<h1>` with its text, in page order, except those inside captions and figures and
    /// those that link to another page: the site's logo linking home, or another story's teaser.
    var h1s: [(node: xmlNodePtr, text: String)] = []
    /// The first of those the publisher marks `itemprop="headline"`.
    var markedH1: String?
    /// `application-name`, which some sites fill with the page's title: a site name only when
    /// Open Graph gives none and it is not the title.
    var applicationName: String?
    /// Elements marked `itemprop="articleBody"`: the publisher's own mark on the story.
    var articleBodies: [xmlNodePtr] = []
    /// The text of the first element whose class or id names a byline or author.
    var byline: String?
    /// Whether any `article:` meta tag (published_time, section, author…) is present.
    var hasArticleTags = false

    /// How many elements the page has (up to the bound below).
    var elements = 0

    /// The bound keeps a hostile page's walk finite; a real page has far fewer elements.
    static let maximumElements = 2_000_000

    init(root: xmlNodePtr) {
        var scripts: [String] = []
        var stack = [root]
        var visited = 0
        while let node = stack.popLast(), visited < Self.maximumElements {
            visited += 1
            guard node.isElement else { continue }
            elements += 1
            let tag = node.tag
            switch tag {
            case "html": language = language ?? node.attribute("lang").flatMap(Self.nonEmpty)
            case "h1":
                // A caption set in a heading's type is still a caption.
                let hints = ContentFinder.hints(node)
                if !hints.contains("caption") && !hints.contains("credit") { h1s.append((node, node.text)) }
            case "figure", "figcaption", "style", "noscript", "template", "svg": continue  // nothing to learn inside
            case "title": if title == nil { title = Self.nonEmpty(node.text) }
            case "script":
                if node.attribute("type")?.lowercased().contains("ld+json") == true { scripts.append(node.rawText) }
                continue
            case "meta": readMeta(node)
            case "time":
                // Asked only while it can still count: a page of comments has a <time> in each.
                let published = date == nil && node.attribute("itemprop")?.lowercased() == "datepublished"
                if published || firstTime == nil, let value = node.attribute("datetime").flatMap(Self.nonEmpty) {
                    if published { date = value }
                    firstTime = firstTime ?? value
                }
            case "link":
                let rel = node.attribute("rel")?.lowercased() ?? ""
                if rel == "canonical" { canonicalURL = canonicalURL ?? node.attribute("href").flatMap(Self.nonEmpty) }
                if rel == "author", let name = node.attribute("title").flatMap(Self.nonEmpty) { Self.add(name, to: &linkedAuthors) }
            case "a" where node.attribute("rel")?.lowercased().split(separator: " ").contains("author") == true:
                if let name = Self.nonEmpty(node.text) { Self.add(name, to: &linkedAuthors) }
            default: break
            }
            if node.attribute("itemprop")?.lowercased() == "articlebody" { articleBodies.append(node) }
            if byline == nil && tag != "body" && tag != "html" && tag != "article" {
                let hints = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
                if hints.contains("byline") || hints.contains("author") { byline = Self.nonEmpty(node.text) }
            }
            var child = node.pointee.last  // last to first, so the walk pops them in page order
            while let last = child { stack.append(last); child = last.pointee.prev }
        }
        linkedData = LinkedDataArticle.find(inScripts: scripts)
        if siteName == nil, let applicationName,
           ![title, openGraphTitle].contains(where: { $0.map { Self.sameTitle($0, applicationName) } ?? false }) {
            siteName = applicationName
        }
        let pageHost = [canonicalURL, openGraphURL, linkedData?.url].lazy.compactMap { $0.flatMap(Self.host) }.first
        h1s.removeAll { Self.linksElsewhere($0.node, pageHost: pageHost) }
        markedH1 = h1s.first { $0.node.attribute("itemprop")?.lowercased().split(separator: " ").contains("headline") == true }?.text
    }

    /// Whether a heading's text is a link away from this page: to the site's home page (a logo
    /// set in an <h1>), or to another site (an aggregator's teaser for someone else's story).
    /// The link is the heading's own (`<h1><a>`) or one around it (`<a><h1>`).
    static func linksElsewhere(_ heading: xmlNodePtr, pageHost: String?) -> Bool {
        var href: String?
        var up: xmlNodePtr? = heading.pointee.parent.map { xmlNodePtr($0) }
        for _ in 0..<2 {
            guard let node = up, node.isElement else { break }
            if node.tag == "a" { href = node.attribute("href"); break }
            up = node.pointee.parent.map { xmlNodePtr($0) }
        }
        if href == nil {
            let links = heading.children.filter { $0.tag == "a" }
            if links.count == 1, links[0].text == heading.text { href = links[0].attribute("href") }
        }
        guard let href = href?.trimmingCharacters(in: .whitespaces), !href.isEmpty else { return false }
        if ["/", "./", "/index.html", "index.html", "/index.php"].contains(href.lowercased()) { return true }
        guard let host = host(href) else { return false }
        let path = href.split(separator: "/", omittingEmptySubsequences: false).dropFirst(3).joined(separator: "/")
        if path.isEmpty || ["index.html", "index.php"].contains(path.lowercased()) { return true }
        return pageHost.map { !sameSite(host, $0) } ?? false
    }

    /// "https://www.example.com/a/b" → "example.com"; nil for a relative link.
    static func host(_ url: String) -> String? {
        let lower = url.lowercased()
        guard let scheme = ["https://", "http://", "//"].first(where: lower.hasPrefix) else { return nil }
        let host = lower.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        guard !host.isEmpty else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : String(host)
    }

    /// One host the other's subdomain ("edition.cnn.com", "cnn.com") counts as the same site.
    static func sameSite(_ a: String, _ b: String) -> Bool {
        a == b || a.hasSuffix("." + b) || b.hasSuffix("." + a)
    }

    private mutating func readMeta(_ node: xmlNodePtr) {
        let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? "").lowercased()
        guard let value = node.attribute("content").flatMap(Self.nonEmpty) else {
            if node.attribute("http-equiv")?.lowercased() == "content-language" { language = language ?? node.attribute("content") }
            return
        }
        if key.hasPrefix("article:") { hasArticleTags = true }
        switch key {
        case "og:title": openGraphTitle = openGraphTitle ?? value
        case "og:type": openGraphType = value.lowercased()
        case "og:site_name": siteName = siteName ?? value
        case "application-name": applicationName = applicationName ?? value
        case "og:description", "description", "twitter:description": description = description ?? value
        case "og:url": openGraphURL = openGraphURL ?? value
        case "og:locale": language = language ?? value.replacingOccurrences(of: "_", with: "-")
        case "author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl":
            // article:author is often a profile URL, which names nobody.
            if metaAuthors.isEmpty && !value.hasPrefix("http") { metaAuthors = Byline.names(Self.withoutBy(value)) }
        case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
             "parsely-pub-date", "sailthru.date", "og:published_time":
            date = date ?? value
        default: break
        }
    }

    static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func add(_ name: String, to names: inout [String]) {
        let name = withoutBy(name)
        if !name.isEmpty && !names.contains(name) { names.append(name) }
    }

    /// "By Jane Doe" → "Jane Doe".
    static func withoutBy(_ text: String) -> String {
        text.replacingOccurrences(of: #"^\s*by\s+"#, with: "", options: [.regularExpression, .caseInsensitive])
            .trimmingCharacters(in: .whitespaces)
    }
}
