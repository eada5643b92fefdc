import CLibXML2
import EditionCore
import Foundation

/// Reads an HTML page through libxml2. `PageMetadata` gathers what the page says about itself
/// (JSON-LD, Open Graph, `<title>`, `<h1>`s, bylines) and `ContentFinder` scores the page's
/// blocks to find the story; this walks the story's blocks in reading order, keeping
/// paragraphs, subheadings (h2–h4 open sections), lists, quotes and table rows, and drops
/// navigation, figures and captions, scripts, forms, hidden text, lists of links and
/// share/newsletter/related widgets, each recorded with its reason. Text straight inside a
/// container is read too, in paragraphs ended by block elements or a double <br>. When the page
/// hides its story from the markup but gives it in JSON-LD's `articleBody`, that is read.
struct HTMLReader {
    static let dropped: [String: String] = [
        "nav": "navigation", "header": "page header", "footer": "page footer", "aside": "aside",
        "figure": "figure and caption", "figcaption": "figure caption", "script": "script", "style": "style",
        "noscript": "script", "form": "form", "button": "button", "iframe": "embedded frame", "svg": "graphic",
        "template": "template", "select": "form", "input": "form", "dialog": "dialog",
    ]
    static let widgetHints = ["share", "social", "newsletter", "related", "subscribe", "advert", "promo", "comment",
                              "sidebar", "byline", "author", "kicker", "eyebrow", "breadcrumb", "cookie", "signup",
                              "paywall", "read-more", "readmore", "caption", "credit", "recirc", "outbrain", "taboola",
                              "trending", "most-read", "mostread", "more-stories", "popular", "disqus", "ad-slot",
                              "ad-container", "adslot", "sponsor", "sr-only", "visually-hidden", "toolbar", "in-article-ad"]

    /// What the reading loop works through: an element, or a run of text and inline elements
    /// that reads as one paragraph.
    enum Item { case node(xmlNodePtr), run([xmlNodePtr]) }

    func read(_ data: Data, name: String) throws -> Article {
        try read(name: name) { try HTMLDocument(data, name: name, pruning: $0) }
    }

    /// The page as decoded text, parsed from the string's own bytes (not a copy of them).
    /// `pruning: false` parses it whole, as a second reading would (for tests).
    func read(_ text: String, name: String, pruning: Bool = true) throws -> Article {
        try read(name: name) { try HTMLDocument(text, name: name, pruning: pruning && $0) }
    }

    /// The page as clean UTF-8 pieces (`pieces()` starts it afresh: it may be parsed twice),
    /// parsed as they come, so a long page is never held whole.
    func read(name: String, pieces: () throws -> () throws -> [UInt8]?) throws -> Article {
        try read(name: name) { try HTMLDocument(name: name, pruning: $0, pieces: try pieces()) }
    }

    /// Reads the page parsed with its furniture pruned; if the reading needed what was pruned
    /// (rare: a widget that turns out to hold the story), parses it again whole and reads that.
    private func read(name: String, parse: (_ pruning: Bool) throws -> HTMLDocument) throws -> Article {
        let pruned = try parse(true)
        let result = Result { try read(document: pruned, name: name) }
        if pruned.pruner?.wasNeeded != true { return try result.get() }
        return try read(document: try parse(false), name: name)
    }

    private func read(document: HTMLDocument, name: String) throws -> Article {
        guard let root = document.root else { throw ReadingError.noText(name) }
        // The nodes below are the document's: it must outlive every use of them.
        return try withExtendedLifetime(document) { try read(root: root, name: name, pruner: document.pruner) }
    }

    private func read(root: xmlNodePtr, name: String, pruner: FurniturePruner?) throws -> Article {
        let page = PageMetadata(root: root)
        let finder = ContentFinder(root: root, expectedElements: page.elements)
        var warnings: [String] = []
        let roots: [xmlNodePtr]
        if let finding = finder.find(root, headline: page.confirmedH1) {
            roots = finding.roots
            if let why = finder.noArticle(page: page, prose: finding.prose) { throw ReadingError.noArticle(name, why) }
            if let warning = finding.warning { warnings.append("\(name): \(warning)") }
        } else {
            // No paragraph long enough to score: the page's own containers, else the densest block,
            // which may be inside furniture (the page has nothing else): that needs the whole page.
            if let pruner, pruner.hasPruned { pruner.markNeeded(); throw ReadingError.noText(name) }
            let content = Self.first(root, "article") ?? Self.first(root, "main") ?? Self.densest(root) ?? root
            if let why = finder.noArticle(page: page, prose: finder[content].prose) { throw ReadingError.noArticle(name, why) }
            roots = [content]
        }
        let rootKeys = Set(roots.map { UnsafeMutableRawPointer($0) })
        let storyH1s = page.h1s.prefix(100).filter { $0.node.isInside(anyOf: rootKeys) }.map(\.text)
        let headline = page.headline(storyH1s: storyH1s)
        var story = walk(roots, headline: headline, finder: finder)
        story.removed = outside(roots, root: root) + story.removed
        if let body = page.linkedData?.articleBody, story.lacks(body) {
            story.useLinkedBody(body)
        }
        guard !story.sections.allSatisfy(\.blocks.isEmpty) else {
            throw ReadingError.nothingLeft(name, removed: story.removed)
        }
        let title = headline ?? {
            let fallback = ArticleReader.title(fromName: name)
            warnings.append("\(name): no headline found; using “\(fallback)”")
            return fallback
        }()
        let authors = page.authors.isEmpty ? story.bylineAuthors : page.authors
        return Article(headline: title, standfirst: page.standfirst, authors: authors, published: page.published ?? story.bylineDate,
                       sourceURL: page.url, sections: story.sections.filter { !$0.blocks.isEmpty || $0.heading != nil },
                       removed: story.removed, warnings: warnings, language: page.articleLanguage)
    }

    /// Reads the story's blocks in page order. An explicit stack, not recursion: a page may
    /// nest thousands of levels deep.
    func walk(_ roots: [xmlNodePtr], headline: String?, finder: ContentFinder) -> Story {
        var story = Story()
        let storyProse = roots.reduce(0) { $0 + finder[$1].prose }
        var stack: [Item] = []
        for root in roots.reversed() {
            if ["p", "h1", "h2", "h3", "h4", "blockquote", "li", "ul", "ol", "table", "pre", "dl"].contains(root.tag) {
                stack.append(.node(root))
            } else {
                stack.append(contentsOf: Self.items(in: root).reversed())
            }
        }
        while let item = stack.popLast() {
            guard case .node(let node) = item else {
                guard case .run(let nodes) = item else { continue }
                story.read(run: nodes)
                continue
            }
            // Reading inside furniture that was pruned: the page is read again whole.
            if let pruned = node.prunedContent { pruned.needed = true; continue }
            let tag = node.tag
            if tag == "head" { continue }  // metadata, read by PageMetadata
            if let reason = dropReason(node, finder: finder, storyProse: storyProse) {
                let text = node.textPrefix(500)
                if !text.isEmpty { story.removed.append(RemovedLine(text: text, reason: reason)) }
                continue
            }
            switch tag {
            case "h1", "h2", "h3", "h4":
                let text = node.text
                if text.isEmpty { continue }
                // The headline is read as the headline, wherever the page puts it.
                if !story.hasBody, let headline, PageMetadata.sameTitle(text, headline) { continue }
                if tag == "h1" && !story.hasBody {
                    story.removed.append(RemovedLine(text: text, reason: "title above the story"))
                    continue
                }
                story.sections.append(Section(heading: text))
            case "blockquote":
                let text = node.text
                if !text.isEmpty { story.append(Block(.quote, text)) }
            case "li":
                let text = node.text
                if !text.isEmpty { story.append(Block(.listItem, text)) }
            case "tr" where Self.isDataRow(node):
                let cells = node.children.filter { $0.tag == "td" || $0.tag == "th" }.map(\.text).filter { !$0.isEmpty }
                if !cells.isEmpty { story.append(Block(.paragraph, cells.joined(separator: ", "))) }
            default:
                stack.append(contentsOf: Self.items(in: node).reversed())
            }
        }
        return story
    }

    /// Why an element inside the story is not part of it, or nil. A widget's class on the block
    /// that holds most of the story (`<div class="article-body paywall">`) does not drop it.
    func dropReason(_ node: xmlNodePtr, finder: ContentFinder, storyProse: Int) -> String? {
        if let reason = Self.tagReason(node) { return reason }
        if ContentFinder.isHidden(node) { return "hidden element" }
        let counts = finder[node]
        if let reason = Self.widgetReason(node) {
            let holdsStory = counts.prose * 2 >= storyProse && counts.linkDensity < 0.3 && storyProse > 0
            return holdsStory ? nil : reason
        }
        // A block that is mostly links is a list of other stories, or the site's menu.
        if ["div", "section", "ul", "ol", "table", "dl", "span"].contains(node.tag), counts.text > 0,
           counts.linkDensity > 0.5, counts.prose < 200 {
            return "list of links"
        }
        return nil
    }

    /// A table row of short cells is data (read as "cell, cell, cell"); a layout table's row is not.
    static func isDataRow(_ node: xmlNodePtr) -> Bool {
        let cells = node.children.filter { $0.tag == "td" || $0.tag == "th" }
        return cells.count >= 2 && cells.allSatisfy { cell in
            cell.children.allSatisfy { !$0.isElement || xmlNodePtr.inlineTags.contains($0.tag) || $0.tag == "br" }
        }
    }

    /// Why an element is not part of the story, or nil: its tag, or a class or id that names a
    /// widget. The story's own <header> (the one holding the headline) is part of the story.
    static func dropReason(_ node: xmlNodePtr) -> String? { tagReason(node) ?? widgetReason(node) }

    static func tagReason(_ node: xmlNodePtr) -> String? {
        let tag = node.tag
        if tag == "header" && first(node, "h1") != nil { return nil }
        return dropped[tag]
    }

    static func widgetReason(_ node: xmlNodePtr) -> String? {
        let hints = ContentFinder.hints(node)
        guard hints != " " else { return nil }  // most elements have no class or id: the common case, kept quick
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
    func outside(_ content: [xmlNodePtr], root: xmlNodePtr) -> [RemovedLine] {
        var ancestors = Set<UnsafeMutableRawPointer>()
        for story in content {
            var up: xmlNodePtr? = story
            while let node = up { ancestors.insert(UnsafeMutableRawPointer(node)); up = node.pointee.parent.map { xmlNodePtr($0) } }
        }
        let story = Set(content.map { UnsafeMutableRawPointer($0) })
        var removed: [RemovedLine] = []
        var stack = [root]
        while let node = stack.popLast() {
            if story.contains(UnsafeMutableRawPointer(node)) || !node.isElement || ["head", "title", "meta", "link"].contains(node.tag) { continue }
            if ancestors.contains(UnsafeMutableRawPointer(node)) {
                stack.append(contentsOf: node.children.reversed())
                continue
            }
            let text = node.textPrefix(500)
            if !text.isEmpty { removed.append(RemovedLine(text: text, reason: Self.dropped[node.tag] ?? "outside the main content")) }
        }
        return removed
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
