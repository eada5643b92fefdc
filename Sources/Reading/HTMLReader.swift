import CLibXML2
import EditionCore
import Foundation

/// Reads an HTML page through libxml2: finds the main content (`<article>`, else `<main>`,
/// else the element whose paragraphs hold the most text), drops navigation, page headers,
/// footers, asides, figures and captions, scripts, forms and share/newsletter/related widgets
/// (each recorded with its reason), and turns h2–h4 into sections. Text straight inside a
/// container is read too, in paragraphs ended by block elements or a double <br>. Headline,
/// authors, date and URL come from the page's own markup.
struct HTMLReader {
    static let dropped: [String: String] = [
        "nav": "navigation", "header": "page header", "footer": "page footer", "aside": "aside",
        "figure": "figure and caption", "figcaption": "figure caption", "script": "script", "style": "style",
        "noscript": "script", "form": "form", "button": "button", "iframe": "embedded frame", "svg": "graphic",
        "template": "template", "select": "form", "input": "form",
    ]
    static let widgetHints = ["share", "social", "newsletter", "related", "subscribe", "advert", "promo", "comment",
                              "sidebar", "byline", "author", "kicker", "eyebrow", "breadcrumb", "cookie", "signup",
                              "paywall", "read-more", "readmore"]

    /// What the reading loop works through: an element, or a run of text and inline elements
    /// that reads as one paragraph.
    enum Item { case node(xmlNodePtr), run([xmlNodePtr]) }

    func read(_ data: Data, name: String) throws -> Article {
        let document = try HTMLDocument(data, name: name)
        guard let root = document.root else { throw ReadingError.noText(name) }
        var meta = Meta()
        collectMeta(root, &meta)
        let content = Self.first(root, "article") ?? Self.first(root, "main") ?? Self.densest(root) ?? root
        var sections = [Section()]
        var removed = outside(content, root: root)
        var headline: String?
        var authors = meta.authors
        var hasBody: Bool { sections.contains { !$0.blocks.isEmpty } }
        // An explicit stack, not recursion: a page may nest thousands of levels deep.
        var stack: [Item] = Self.items(in: content).reversed()
        while let item = stack.popLast() {
            guard case .node(let node) = item else {
                guard case .run(let nodes) = item else { continue }
                let text = nodes.map(\.rawText).joined().collapsingWhitespace
                if text.isEmpty { continue }
                if let reason = Furniture.reason(text) {
                    removed.append(RemovedLine(text: text, reason: reason))
                } else if !hasBody, let lead = Byline.lead(text) {
                    // "By A and B" or a date above the story is metadata, not story.
                    if authors.isEmpty { authors = lead.authors }
                    removed.append(RemovedLine(text: text, reason: lead.reason))
                } else if nodes.allSatisfy({ $0.tag == "time" || ($0.isText && !$0.hasVisibleText) }) {
                    removed.append(RemovedLine(text: text, reason: "date line"))  // "<time>Nov 21</time>" on its own
                } else {
                    sections[sections.count - 1].blocks.append(Block(.paragraph, text))
                }
                continue
            }
            let tag = node.tag
            if tag == "head" { continue }  // metadata, read by collectMeta
            if let reason = Self.dropReason(node) {
                let text = node.text
                if !text.isEmpty { removed.append(RemovedLine(text: String(text.prefix(500)), reason: reason)) }
                continue
            }
            switch tag {
            case "h1":
                let text = node.text
                if headline == nil { headline = text } else if !text.isEmpty { sections.append(Section(heading: text)) }
            case "h2", "h3", "h4":
                let text = node.text
                if !text.isEmpty { sections.append(Section(heading: text)) }
            case "blockquote":
                let text = node.text
                if !text.isEmpty { sections[sections.count - 1].blocks.append(Block(.quote, text)) }
            case "li":
                let text = node.text
                if !text.isEmpty { sections[sections.count - 1].blocks.append(Block(.listItem, text)) }
            default:
                stack.append(contentsOf: Self.items(in: node).reversed())
            }
        }
        guard !sections.allSatisfy(\.blocks.isEmpty) else {
            throw removed.isEmpty ? ReadingError.noText(name) : ReadingError.onlyFurniture(name, removed.count)
        }
        // The story's own <h1>, else the page's, else what the page tells sharers, else the file name.
        var warnings: [String] = []
        let title = [headline, meta.h1, meta.title].compactMap { $0 }.first { !$0.isEmpty } ?? {
            let fallback = ArticleReader.title(fromName: name)
            warnings.append("\(name): no headline found; using “\(fallback)”")
            return fallback
        }()
        let date = meta.date.map { PublicationDate(iso: $0) }
        return Article(headline: title, authors: authors, published: date, sourceURL: meta.url,
                       sections: sections.filter { !$0.blocks.isEmpty || $0.heading != nil }, removed: removed, warnings: warnings)
    }

    /// Why an element is not part of the story, or nil: its tag, or a class or id that names a
    /// widget. The story's own <header> (the one holding the headline) is part of the story.
    static func dropReason(_ node: xmlNodePtr) -> String? {
        let tag = node.tag
        if tag == "header" && first(node, "h1") != nil { return nil }
        if let reason = dropped[tag] { return reason }
        let hints = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
        return widgetHints.first(where: { hints.contains($0) }).map { "\($0) widget" }
    }

    /// The children of a container, with text and inline elements gathered into runs. A run
    /// ends at a block element, at an inline widget (dropped on its own) or at a double <br>,
    /// which old sites use between paragraphs ("Para one.<br><br>Para two.").
    static func items(in node: xmlNodePtr) -> [Item] {
        var items: [Item] = []
        var run: [xmlNodePtr] = []
        var breakPending = false
        func endRun() { if !run.isEmpty { items.append(.run(run)); run = [] }; breakPending = false }
        for child in node.children {
            if child.isText {
                if child.hasVisibleText { breakPending = false }
                run.append(child)
            } else if child.isElement {
                let tag = child.tag
                if tag == "br" {
                    if breakPending { endRun() } else { breakPending = true; run.append(child) }
                } else if xmlNodePtr.inlineTags.contains(tag) && dropReason(child) == nil {
                    breakPending = false
                    run.append(child)
                } else {
                    endRun()
                    items.append(.node(child))
                }
            }
        }
        endRun()
        return items
    }

    /// Everything on the page around the main content, so nothing is dropped silently.
    func outside(_ content: xmlNodePtr, root: xmlNodePtr) -> [RemovedLine] {
        var ancestors = Set<UnsafeMutableRawPointer>()
        var up: xmlNodePtr? = content
        while let node = up { ancestors.insert(UnsafeMutableRawPointer(node)); up = node.pointee.parent.map { xmlNodePtr($0) } }
        var removed: [RemovedLine] = []
        var stack = [root]
        while let node = stack.popLast() {
            if node == content || !node.isElement || ["head", "title", "meta", "link"].contains(node.tag) { continue }
            if ancestors.contains(UnsafeMutableRawPointer(node)) {
                stack.append(contentsOf: node.children.reversed())
                continue
            }
            let text = node.text
            if !text.isEmpty { removed.append(RemovedLine(text: String(text.prefix(500)), reason: Self.dropped[node.tag] ?? "outside the main content")) }
        }
        return removed
    }

    struct Meta {
        var title: String?
        var authors: [String] = []
        var date: String?
        var url: String?
        /// The first <h1> on the page, for when the story's own has none.
        var h1: String?
        /// The text of the first element whose class names a byline or author.
        var byline: String?
    }

    /// "Story headline | Site Name" → "Story headline", when the tail is short like a site name:
    /// the <title> carries the site's name, which is furniture, not headline.
    static func withoutSiteName(_ title: String) -> String {
        for separator in [" | ", " – ", " — ", " - ", " · "] {
            if let range = title.range(of: separator, options: .backwards), range.lowerBound > title.startIndex,
               title[range.upperBound...].split(separator: " ").count <= 4 {
                return String(title[..<range.lowerBound])
            }
        }
        return title
    }

    func collectMeta(_ root: xmlNodePtr, _ meta: inout Meta) {
        var stack = [root]
        var visited = 0
        while let node = stack.popLast(), visited < 200_000 {
            visited += 1
            guard node.isElement else { continue }
            switch node.tag {
            case "h1": if meta.h1 == nil { meta.h1 = node.text }
            case "title": if meta.title == nil { meta.title = Self.withoutSiteName(node.text) }
            case "meta":
                let key = (node.attribute("name") ?? node.attribute("property") ?? "").lowercased()
                let value = node.attribute("content") ?? ""
                switch key {
                case "author": if meta.authors.isEmpty && !value.hasPrefix("http") { meta.authors = Byline.names(value) }
                case "og:title": meta.title = value
                case "article:published_time", "date", "pubdate": meta.date = meta.date ?? value
                case "og:url": meta.url = meta.url ?? value
                default: break
                }
            case "link" where node.attribute("rel")?.lowercased() == "canonical": meta.url = node.attribute("href")
            case "time": if meta.date == nil { meta.date = node.attribute("datetime") }
            case "a" where node.attribute("rel")?.lowercased() == "author":
                let name = node.text
                if !name.isEmpty && !meta.authors.contains(name) { meta.authors.append(name) }
            default:
                let hints = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
                if meta.byline == nil && (hints.contains("byline") || hints.contains("author")) { meta.byline = node.text }
            }
            stack.append(contentsOf: node.children.reversed())
        }
        // No author in the page's metadata: the byline element says "By A and B", or just
        // holds the names (<span class="author">Chris York</span>).
        if meta.authors.isEmpty, let byline = meta.byline {
            if let parsed = Byline.parse(byline) {
                meta.authors = parsed.authors
            } else if byline.wordCount <= 8 && !byline.contains(where: \.isNumber) {
                meta.authors = Byline.names(byline)
            }
        }
    }

    static func first(_ root: xmlNodePtr, _ tag: String) -> xmlNodePtr? {
        var stack = [root]
        while let node = stack.popLast() {
            if node.tag == tag { return node }
            stack.append(contentsOf: node.children.reversed())
        }
        return nil
    }

    /// The element whose direct <p> children hold the most text: the story on a page without
    /// <article> or <main>.
    static func densest(_ root: xmlNodePtr) -> xmlNodePtr? {
        var best: (node: xmlNodePtr, score: Int)?
        var stack = [root]
        while let node = stack.popLast() {
            let kids = node.children
            let score = kids.filter { $0.tag == "p" }.reduce(0) { $0 + $1.text.count }
            if score > (best?.score ?? 0) { best = (node, score) }
            stack.append(contentsOf: kids.filter(\.isElement))
        }
        return best?.node
    }
}
