import CLibXML2
import Foundation

/// Finds the story on a whole saved page, the way the best reader views do: every paragraph
/// scores its parent and grandparents (by length and commas), class and id hints add or take
/// away, link-heavy blocks lose; the best block is widened to a structured container that holds
/// little else (`<article>`, `itemprop=articleBody`, `<main>`) and joined by the siblings that
/// belong to the story (a story split across several containers). It also says when the page
/// has no story, or when it is unsure which block is the story.
struct ContentFinder {
    /// Characters of text below an element, of link text, and commas; scripts and styles count nothing.
    struct Stats {
        var text = 0, links = 0, commas = 0
        var prose: Int { text - links }
        var linkDensity: Double { text == 0 ? 0 : Double(links) / Double(text) }

        init() {}

        /// A text node's characters and commas.
        init(counting node: xmlNodePtr) { (text, commas) = ContentFinder.count(node) }
    }

    /// The block or blocks chosen, in page order.
    struct Finding {
        var roots: [xmlNodePtr]
        var prose: Int
        /// Set when another block scored nearly as well: names the block chosen.
        var warning: String?
    }

    typealias Key = UnsafeMutableRawPointer
    private(set) var stats: [Key: Stats] = [:]
    private(set) var containers: [xmlNodePtr] = []
    private(set) var linkCount = 0
    private(set) var articleCount = 0

    static let ignored: Set<String> = ["script", "style", "noscript", "template", "svg", "head", "iframe", "select", "button"]
    static let positive = ["article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story"]
    static let negative = ["hidden", "banner", "combx", "comment", "com-", "contact", "foot", "gdpr", "masthead", "media",
                           "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
                           "sponsor", "shopping", "tags", "tool", "widget", "newsletter", "subscribe", "recirc", "taboola",
                           "advert", "caption", "credit", "-ad-", "nav", "menu", "breadcrumb", "social", "teaser"]

    /// One pass over the page, children before parents, so each element's counts are its children's
    /// sums. `expectedElements` (the page's count, when known) sizes the table once.
    init(root: xmlNodePtr, expectedElements: Int = 0) {
        stats.reserveCapacity(expectedElements)
        var stack: [(node: xmlNodePtr, done: Bool, isLink: Bool)] = [(root, false, false)]
        while let (node, done, isLink) = stack.popLast() {
            if done {
                var sum = Stats()
                var next = node.pointee.children
                while let child = next {
                    next = child.pointee.next
                    if child.isText {
                        let (text, commas) = Self.count(child)
                        sum.text += text
                        sum.commas += commas
                    } else if let counts = stats[Key(child)] {
                        sum.text += counts.text; sum.links += counts.links; sum.commas += counts.commas
                    }
                }
                if isLink { sum.links = sum.text }
                stats[Key(node)] = sum
                continue
            }
            guard node.isElement else { continue }
            // Furniture pruned while parsing: its counts were taken before it was freed.
            if let pruned = node.prunedContent {
                if let counts = pruned.stats { stats[Key(node)] = counts }
                linkCount += pruned.linkCount
                continue
            }
            let tag = node.tag
            // An element without attributes (most of them) is asked nothing about them.
            let hasAttributes = node.pointee.properties != nil
            guard !Self.ignored.contains(tag), !hasAttributes || !Self.isHidden(node) else { continue }
            if tag == "a" && hasAttributes && node.attribute("href") != nil { linkCount += 1 }
            if tag == "article" { articleCount += 1 }
            if tag == "article" || tag == "main"
                || hasAttributes && (node.attribute("role") == "main" || node.attribute("itemprop")?.lowercased() == "articlebody") {
                containers.append(node)
            }
            stack.append((node, true, tag == "a"))
            var child = node.pointee.children
            while let element = child {
                if element.isElement { stack.append((element, false, false)) }
                child = element.pointee.next
            }
        }
    }

    subscript(node: xmlNodePtr) -> Stats { stats[Key(node)] ?? Stats() }

    /// Characters (not bytes) of a text node, a run of whitespace counting one, and its commas.
    static func count(_ node: xmlNodePtr) -> (Int, Int) {
        guard var byte = node.pointee.content else { return (0, 0) }
        var characters = 0, commas = 0, space = true
        while byte.pointee != 0 {
            let b = byte.pointee
            if b <= 0x20 {
                if !space { characters += 1; space = true }
            } else if b & 0xC0 != 0x80 {
                characters += 1; space = false
                if b == 0x2C { commas += 1 }
            }
            byte += 1
        }
        return (characters, commas)
    }

    static func isHidden(_ node: xmlNodePtr) -> Bool {
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return true }
        guard let style = node.attribute("style")?.lowercased().replacingOccurrences(of: " ", with: "") else { return false }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }

    static func hints(_ node: xmlNodePtr) -> String {
        ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
    }

    /// +25 for a class or id that names the story, −25 for one that names furniture.
    static func classWeight(_ node: xmlNodePtr) -> Double {
        let hints = hints(node)
        guard hints != " " else { return 0 }
        var weight = 0.0
        if negative.contains(where: hints.contains) { weight -= 25 }
        if positive.contains(where: hints.contains) { weight += 25 }
        return weight
    }

    /// Where a paragraph's score goes: sites wrap body paragraphs in a few levels of divs.
    static func initialScore(_ node: xmlNodePtr) -> Double {
        var score: Double
        switch node.tag {
        case "div", "article": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { score += 25 }
        return score + classWeight(node)
    }

    /// Elements read as paragraphs: <p>, <pre>, a table cell, or a block holding only text and inline elements.
    func isParagraph(_ node: xmlNodePtr) -> Bool {
        switch node.tag {
        case "p", "pre", "td": return true
        case "div", "section": return node.children.allSatisfy { !$0.isElement || xmlNodePtr.inlineTags.contains($0.tag) || $0.tag == "br" }
        default: return false
        }
    }

    /// The text straight inside a block and in its inline elements, not in its child blocks.
    func looseText(_ node: xmlNodePtr) -> Stats {
        var sum = Stats()
        for child in node.children {
            if child.isText {
                let (text, commas) = Self.count(child)
                sum.text += text
                sum.commas += commas
            } else if xmlNodePtr.inlineTags.contains(child.tag) {
                let counts = self[child]
                sum.text += counts.text; sum.links += counts.links; sum.commas += counts.commas
            }
        }
        return sum
    }

    /// Furniture the scoring never looks inside: navigation, footers, forms, widgets named as such.
    static func isUnlikely(_ node: xmlNodePtr) -> Bool {
        let tag = node.tag
        if ["nav", "footer", "aside", "form", "figure", "figcaption"].contains(tag) { return true }
        let hints = hints(node)
        guard tag != "body", tag != "article", hints != " " else { return false }
        let unlikely = ["comment", "related", "sidebar", "footer", "menu", "social", "share", "newsletter", "promo", "banner",
                        "breadcrumb", "disqus", "sponsor", "popup", "outbrain", "taboola", "recirc", "most-read", "trending"]
        let maybe = ["article", "body", "content", "main", "story", "column"]
        return unlikely.contains(where: hints.contains) && !maybe.contains(where: hints.contains)
    }

    func scores(_ root: xmlNodePtr) -> [Key: (node: xmlNodePtr, score: Double)] {
        var candidates: [Key: (node: xmlNodePtr, score: Double)] = [:]
        var stack = [root]
        while let node = stack.popLast() {
            guard stats[Key(node)] != nil, !Self.isUnlikely(node) else { continue }
            // A paragraph element, or a block's own loose text ("Para one.<div class=br></div>Para two.").
            let counts = isParagraph(node) ? self[node] : ["div", "section", "article", "td", "main"].contains(node.tag) ? looseText(node) : Stats()
            if counts.text >= 25 {
                let score = 1 + Double(counts.commas) + min(Double(counts.text) / 100, 3)
                var ancestor = node.pointee.parent.map { xmlNodePtr($0) }
                for level in 0..<3 {
                    guard let up = ancestor, up.isElement else { break }
                    let share = level == 0 ? score : level == 1 ? score / 2 : score / Double(level * 3)
                    candidates[Key(up), default: (up, Self.initialScore(up))].score += share
                    ancestor = up.pointee.parent.map { xmlNodePtr($0) }
                }
            }
            for child in node.children where child.isElement { stack.append(child) }
        }
        for (key, candidate) in candidates {
            candidates[key]?.score = candidate.score * (1 - self[candidate.node].linkDensity)
        }
        return candidates
    }

    /// The story's blocks, or nil when no paragraph on the page is long enough to score.
    /// `headline` is the `<h1>` that the page's structured titles confirm: when the best block is
    /// a list of other stories' summaries, the story is the best block near the headline.
    func find(_ root: xmlNodePtr, headline: xmlNodePtr? = nil) -> Finding? {
        let candidates = scores(root)
        // Only the leaders are compared below: on a hostile page of 100,000 deep blocks, checking
        // every candidate's ancestry would take minutes.
        let ranked = Array(candidates.values.sorted { $0.score > $1.score }.prefix(200))
        guard var top = ranked.first?.node, var topScore = ranked.first?.score, topScore > 0 else { return nil }
        var anchored = false
        if let headline, !top.contains(headline), isTeaserList(top) {
            var up = headline.parent
            for _ in 0..<3 {
                // Reaching the best block itself means it is already next to the headline.
                guard let area = up, area.tag != "body", area.tag != "html", !area.contains(top) else { break }
                if let near = ranked.first(where: { area.contains($0.node) }), near.score >= topScore / 5, self[near.node].prose >= 140 {
                    (top, topScore, anchored) = (near.node, near.score, true)
                    break
                }
                up = area.parent
            }
        }
        // Several near-best blocks under one ancestor: the story is split, and that ancestor holds it.
        let close = ranked.prefix(6).filter { $0.node != top && $0.score >= topScore * 0.75 }.map(\.node)
        if !anchored && close.count >= 2 {
            var up = top.parent
            while let ancestor = up, ancestor.tag != "body", ancestor.tag != "html" {
                if close.filter({ ancestor.contains($0) }).count >= 2 { top = ancestor; break }
                up = ancestor.parent
            }
        }
        while let parent = top.parent, parent.tag != "body", parent.tag != "html",
              parent.children.filter(\.isElement).count == 1 { top = parent }
        // The publisher's own bounds of the story (<article>, itemprop=articleBody) are not widened
        // by siblings: next to an <article> sit other stories' summaries.
        let bounded = top.tag == "article" || top.attribute("itemprop")?.lowercased() == "articlebody"
        var roots = bounded ? [top] : siblings(of: top, score: candidates[Key(top)]?.score ?? topScore, candidates)
        var prose = roots.reduce(0) { $0 + self[$1].prose }
        // A structured container around the story that holds little else brings its headline,
        // subheadings and lists with it.
        let containerKeys = Set(containers.map { Key($0) })
        var around: xmlNodePtr? = top
        while let node = around, !containerKeys.contains(Key(node)) { around = node.parent }
        if let container = around, self[container].prose <= prose * 3 / 2 + 400 {
            roots = [container]
            prose = self[container].prose
        }
        // The publisher's own mark inside the chosen block, holding nearly all of it, is tighter.
        let rootKeys = Set(roots.map { Key($0) })
        if let marked = containers.first(where: { marked in
            marked.attribute("itemprop")?.lowercased() == "articlebody" && marked.isInside(anyOf: rootKeys) && self[marked].prose * 10 >= prose * 8
        }) {
            roots = [marked]
            prose = self[marked].prose
        }
        var finding = Finding(roots: roots, prose: prose)
        let chosen = Set(roots.map { Key($0) })
        // Roots are one block or siblings, so a block above one of them is above them all.
        if let rival = ranked.prefix(20).first(where: { !$0.node.isInside(anyOf: chosen) && !$0.node.contains(roots[0]) }),
           rival.score >= topScore * 0.66, prose < 2_000 {
            finding.warning = "unsure where the story is; read \(Self.describe(roots[0])) (\(prose) characters), not \(Self.describe(rival.node))"
        }
        return finding
    }

    /// Whether a block is other stories' summaries: two or more headings that are links.
    func isTeaserList(_ block: xmlNodePtr) -> Bool { linkedHeadings(block) >= 2 }

    /// Headings that are links below a block, counted up to 2.
    func linkedHeadings(_ block: xmlNodePtr) -> Int {
        var linkedHeadings = 0
        var stack = [block]
        while let node = stack.popLast(), linkedHeadings < 2 {
            if let pruned = node.prunedContent {
                linkedHeadings += pruned.linkedHeadings
                continue
            }
            if ["h2", "h3", "h4", "h5"].contains(node.tag) {
                if self[node].linkDensity > 0.5 { linkedHeadings += 1 }
                continue
            }
            stack.append(contentsOf: node.children.filter(\.isElement))
        }
        return min(linkedHeadings, 2)
    }

    /// The best block and the siblings that belong with it: those that score well themselves,
    /// paragraphs of prose, and what lies between two of them (a subheading, a list, a quote).
    func siblings(of top: xmlNodePtr, score: Double, _ candidates: [Key: (node: xmlNodePtr, score: Double)]) -> [xmlNodePtr] {
        guard let parent = top.parent else { return [top] }
        let threshold = max(10, score * 0.2)
        let topClass = top.attribute("class") ?? ""
        let kids = parent.children.filter(\.isElement)
        var chosen = Set<Int>()
        for (index, sibling) in kids.enumerated() {
            if sibling == top { chosen.insert(index); continue }
            if Self.isUnlikely(sibling) || HTMLReader.dropReason(sibling) != nil { continue }
            let bonus = !topClass.isEmpty && sibling.attribute("class") == topClass ? score * 0.2 : 0
            let counts = self[sibling]
            if (candidates[Key(sibling)]?.score ?? 0) + bonus >= threshold {
                chosen.insert(index)
            } else if isParagraph(sibling) || sibling.tag == "p" {
                let text = sibling.text
                if (counts.text > 80 && counts.linkDensity < 0.25) || (counts.text > 0 && counts.links == 0 && text.endsLikeSentence) {
                    chosen.insert(index)
                }
            }
        }
        guard let first = chosen.min(), let last = chosen.max() else { return [top] }
        return (first...last).filter { chosen.contains($0) || (self[kids[$0]].linkDensity < 0.5 && HTMLReader.dropReason(kids[$0]) == nil) }
            .map { kids[$0] }
    }

    /// `<div class="story-body" id="main">`, for a warning a person can look up in the page.
    static func describe(_ node: xmlNodePtr) -> String {
        var text = "<" + node.tag
        for name in ["id", "class", "itemprop", "role"] {
            if let value = node.attribute(name), !value.isEmpty { text += " \(name)=\"\(value.prefix(60))\"" }
        }
        return text + ">"
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    var parent: xmlNodePtr? { pointee.parent.map { xmlNodePtr($0) }.flatMap { $0.isElement ? $0 : nil } }

    /// Whether `other` is this node or below it.
    func contains(_ other: xmlNodePtr) -> Bool {
        var up: xmlNodePtr? = other
        while let node = up {
            if node == self { return true }
            up = node.pointee.parent.map { xmlNodePtr($0) }
        }
        return false
    }

    func isInside(_ other: xmlNodePtr) -> Bool { other.contains(self) }

    /// Whether this node is one of `blocks` or below one: one walk up, however many blocks.
    func isInside(anyOf blocks: Set<UnsafeMutableRawPointer>) -> Bool {
        let keys = blocks
        var up: xmlNodePtr? = self
        while let node = up {
            if keys.contains(UnsafeMutableRawPointer(node)) { return true }
            up = node.pointee.parent.map { xmlNodePtr($0) }
        }
        return false
    }
}
