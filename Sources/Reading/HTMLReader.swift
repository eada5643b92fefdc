import CLibXML2
import EditionCore
import Foundation

/// Reads an HTML page through libxml2: finds the main content (`<article>`, else `<main>`,
/// else the element whose paragraphs hold the most text), drops navigation, headers, footers,
/// asides, figures and captions, scripts, forms and share/newsletter/related widgets (each
/// recorded with its reason), and turns h2–h4 into sections. Headline, authors, date and URL
/// come from the page's own markup.
struct HTMLReader {
    static let dropped: [String: String] = [
        "nav": "navigation", "header": "page header", "footer": "page footer", "aside": "aside",
        "figure": "figure and caption", "figcaption": "figure caption", "script": "script", "style": "style",
        "noscript": "script", "form": "form", "button": "button", "iframe": "embedded frame", "svg": "graphic",
        "template": "template", "select": "form", "input": "form",
    ]
    static let widgetHints = ["share", "social", "newsletter", "related", "subscribe", "advert", "promo", "comment",
                              "sidebar", "byline", "breadcrumb", "cookie", "signup", "paywall", "read-more", "readmore"]

    func read(_ data: Data, name: String) throws -> Article {
        let document = try HTMLDocument(data, name: name)
        guard let root = document.root else { throw ReadingError.noText(name) }
        var meta = Meta()
        collectMeta(root, &meta)
        let content = Self.first(root, "article") ?? Self.first(root, "main") ?? Self.densest(root) ?? root
        var sections = [Section()]
        var removed = outside(content, root: root)
        var headline: String?
        // An explicit stack, not recursion: a page may nest a hundred thousand levels deep.
        var stack: [xmlNodePtr] = content.children.reversed()
        while let node = stack.popLast() {
            guard node.isElement else { continue }
            let tag = node.tag
            let hints = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
            if let reason = Self.dropped[tag] ?? Self.widgetHints.first(where: { hints.contains($0) }).map({ "\($0) widget" }) {
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
            case "p":
                let text = node.text
                if let reason = Furniture.reason(text) { removed.append(RemovedLine(text: text, reason: reason)) }
                else if !text.isEmpty { sections[sections.count - 1].blocks.append(Block(.paragraph, text)) }
            case "blockquote":
                let text = node.text
                if !text.isEmpty { sections[sections.count - 1].blocks.append(Block(.quote, text)) }
            case "li":
                let text = node.text
                if !text.isEmpty { sections[sections.count - 1].blocks.append(Block(.listItem, text)) }
            default:
                stack.append(contentsOf: node.children.reversed())
            }
        }
        guard let title = headline ?? meta.title, !title.isEmpty else { throw ReadingError.noText(name) }
        let body = sections.filter { !$0.blocks.isEmpty }
        guard !body.isEmpty else {
            throw removed.isEmpty ? ReadingError.noText(name) : ReadingError.onlyFurniture(name, removed.count)
        }
        let date = meta.date.map { PublicationDate(text: $0, date: ISO8601DateFormatter.day($0), hasTime: $0.contains("T")) }
        return Article(headline: title, authors: meta.authors, published: date, sourceURL: meta.url,
                       sections: sections.filter { !$0.blocks.isEmpty || $0.heading != nil }, removed: removed)
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

    struct Meta { var title: String?; var authors: [String] = []; var date: String?; var url: String? }

    func collectMeta(_ root: xmlNodePtr, _ meta: inout Meta) {
        var stack = [root]
        var visited = 0
        while let node = stack.popLast(), visited < 200_000 {
            visited += 1
            guard node.isElement else { continue }
            switch node.tag {
            case "title": if meta.title == nil { meta.title = node.text }
            case "meta":
                let key = (node.attribute("name") ?? node.attribute("property") ?? "").lowercased()
                let value = node.attribute("content") ?? ""
                switch key {
                case "author": if meta.authors.isEmpty { meta.authors = value.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
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
            default: break
            }
            stack.append(contentsOf: node.children)
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
