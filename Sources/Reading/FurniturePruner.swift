import CLibXML2
import Foundation

/// What a pruned run of furniture held, kept in place of it (in a placeholder element, through
/// the node's `_private`): the counts the content finder sums, and the opening words that the
/// list of removed lines shows. Nothing else reads inside furniture, and when something does
/// (the reader decides a widget is the story after all), it sets `needed` and the page is read
/// again without pruning.
final class PrunedContent {
    /// How many characters of a pruned run's text are kept: enough for `textPrefix(500)`.
    static let keptCharacters = 500

    var stats: ContentFinder.Stats?
    var linkCount = 0
    /// Headings that are links (capped at 2): what `ContentFinder.isTeaserList` counts.
    var linkedHeadings = 0
    /// The run's text as `rawText` would gather it, up to `keptCharacters` once collapsed.
    var raw = ""
    /// Whether `raw` stops short of the run's whole text.
    var truncated = false
    /// Set when the reader needed what was pruned.
    var needed = false

    func add(stats more: ContentFinder.Stats?) {
        guard let more else { return }
        var sum = stats ?? ContentFinder.Stats()
        sum.text += more.text; sum.links += more.links; sum.commas += more.commas
        stats = sum
    }

    /// Appends a node's text, or notes that the text goes on past what is kept.
    func add(text: () -> (String, complete: Bool)) {
        if truncated { return }
        if raw.collapsingWhitespace.count > Self.keptCharacters { truncated = true; return }
        let (more, complete) = text()
        raw += more
        if !complete { truncated = true }
    }
}

/// Frees the page's furniture as the parser closes it, so a 20 MB page of comments, related
/// stories and scripts is not held as a 200 MB tree. It works inside libxml2's SAX callbacks:
/// an element the reader always drops and never scores (a script, a `<nav>`, a hidden block, a
/// `<div class="comments">`) becomes a *sink*; each child of a sink, once closed, is counted
/// into a placeholder element (`PrunedContent`) and freed. Elements the page's metadata or the
/// content finder look for (`<h1>`, JSON-LD, `<meta>`, `<time>`, bylines, `<article>`, `<main>`)
/// are kept where they are, with their ancestors, so `PageMetadata` reads the same page.
final class FurniturePruner {
    static let placeholderTag = "x-pruned"

    /// Containers that may be sinks: not table cells, headings or inline elements, whose
    /// children other parts of the reader inspect.
    static let sinkTags: Set<String> = ["div", "section", "aside", "nav", "footer", "form", "ul", "ol", "figure", "script",
                                        "style", "noscript", "template", "svg", "iframe", "select", "dialog"]
    /// Subtrees `PageMetadata` does not look inside.
    static let metadataSkipped: Set<String> = ["figure", "figcaption", "style", "noscript", "template", "svg", "script"]

    /// Node marks in `_private`: small numbers; a `PrunedContent` is a real pointer.
    private static let keepMark = 1, holdsKeptMark = 2

    private(set) var contents: [PrunedContent] = []
    private var sink: xmlNodePtr?
    private var sawTime = false
    private var bylineSettled = false

    var wasNeeded: Bool { contents.contains { $0.needed } }
    var hasPruned: Bool { !contents.isEmpty }

    /// For a reading that cannot tell whether it needed what was pruned.
    func markNeeded() { contents.first?.needed = true }

    /// Called as each element opens, its attributes set.
    func opened(_ node: xmlNodePtr) {
        if mustKeep(node) {
            mark(node, Self.keepMark)
            var up = node.pointee.parent.map { xmlNodePtr($0) }
            while let ancestor = up, ancestor.isElement, ancestor.mark & Self.holdsKeptMark == 0 {
                mark(ancestor, ancestor.mark | Self.holdsKeptMark)
                up = ancestor.pointee.parent.map { xmlNodePtr($0) }
            }
        } else if sink == nil, isFurniture(node) {
            sink = node
        }
    }

    /// Called as each element closes, its subtree complete.
    func closed(_ node: xmlNodePtr, doc: xmlDocPtr) {
        if !bylineSettled, Self.isBylineCandidate(node), !Self.inMetadataSkipped(node),
           PageMetadata.nonEmpty(node.text) != nil {
            bylineSettled = true
        }
        guard let sink else { return }
        if node == sink {
            fold(backFrom: sink.pointee.last, in: sink, doc: doc)
            self.sink = nil
        } else if node.pointee.parent.map({ xmlNodePtr($0) }) == sink {
            fold(backFrom: node, in: sink, doc: doc)
        }
    }

    /// The elements `PageMetadata` and `ContentFinder` look for, wherever they are.
    private func mustKeep(_ node: xmlNodePtr) -> Bool {
        let tag = node.tag
        switch tag {
        case "html", "head", "body", "title", "meta", "link", "h1", "article", "main": return true
        case "script": return node.attribute("type")?.lowercased().contains("ld+json") == true
        case "time":
            guard node.attribute("datetime") != nil else { break }
            // The first <time> dates a page that has no date in its metadata.
            if node.attribute("itemprop")?.lowercased() == "datepublished" { return true }
            if !sawTime && !Self.inMetadataSkipped(node) { sawTime = true; return true }
        case "a":
            if node.attribute("rel")?.lowercased().split(separator: " ").contains("author") == true { return true }
        default: break
        }
        guard node.pointee.properties != nil else { return false }
        if node.attribute("role") == "main" || node.attribute("itemprop")?.lowercased() == "articlebody" { return true }
        // Until a byline with text has been seen, each candidate may be the one.
        return !bylineSettled && Self.isBylineCandidate(node)
    }

    /// An element the reader drops wherever it is and the content finder never scores inside.
    private func isFurniture(_ node: xmlNodePtr) -> Bool {
        guard Self.sinkTags.contains(node.tag) else { return false }
        let neverScored = ContentFinder.ignored.contains(node.tag) || ContentFinder.isUnlikely(node)
            || node.pointee.properties != nil && ContentFinder.isHidden(node)
        return neverScored && (HTMLReader.dropReason(node) != nil || ContentFinder.isHidden(node))
    }

    static func isBylineCandidate(_ node: xmlNodePtr) -> Bool {
        let tag = node.tag
        guard node.pointee.properties != nil, tag != "body", tag != "html", tag != "article" else { return false }
        let hints = ContentFinder.hints(node)
        return hints.contains("byline") || hints.contains("author")
    }

    static func inMetadataSkipped(_ node: xmlNodePtr) -> Bool {
        var up: xmlNodePtr? = node
        while let element = up, element.isElement {
            if metadataSkipped.contains(element.tag) { return true }
            up = element.pointee.parent.map { xmlNodePtr($0) }
        }
        return false
    }

    /// Counts `last` and the children before it into a placeholder and frees them, back to a
    /// kept child or an earlier placeholder (which the run joins).
    private func fold(backFrom last: xmlNodePtr?, in sink: xmlNodePtr, doc: xmlDocPtr) {
        var run: [xmlNodePtr] = []
        var cursor = last
        var placeholder: xmlNodePtr?
        while let node = cursor {
            if node.prunedContent != nil { placeholder = node; break }
            if node.isElement && node.mark != 0 { break }  // kept, or holds something kept
            run.append(node)
            cursor = node.pointee.prev
        }
        guard !run.isEmpty else { return }
        let content: PrunedContent
        if let placeholder, let existing = placeholder.prunedContent {
            content = existing
        } else {
            guard let created = xmlNewDocNode(doc, nil, Self.placeholderTag, nil) else { return }
            content = PrunedContent()
            contents.append(content)
            created.pointee._private = Unmanaged.passUnretained(content).toOpaque()
            xmlAddPrevSibling(run[run.count - 1], created)
        }
        for node in run.reversed() {
            if node.isText {
                content.add(stats: ContentFinder.Stats(counting: node))
                content.add { (node.pointee.content.map { String(cString: $0) } ?? "", true) }
            } else if node.isElement {
                let finder = ContentFinder(root: node)
                content.add(stats: finder.stats[ContentFinder.Key(node)])
                content.linkCount += finder.linkCount
                content.linkedHeadings = min(2, content.linkedHeadings + finder.linkedHeadings(node))
                if !["script", "style", "template"].contains(node.tag) {
                    content.add { node.rawTextPrefix(PrunedContent.keptCharacters) }
                }
            }
            xmlUnlinkNode(node)
            xmlFreeNode(node)
        }
    }

    private func mark(_ node: xmlNodePtr, _ value: Int) {
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: value)
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// The small mark the pruner leaves on an element it must keep (0 for none).
    fileprivate var mark: Int {
        let value = Int(bitPattern: pointee._private)
        return value < 4096 ? value : 0
    }

    /// What a placeholder element stands for, or nil for any other node.
    var prunedContent: PrunedContent? {
        guard pointee.type == XML_ELEMENT_NODE, let raw = pointee._private, Int(bitPattern: raw) >= 4096 else { return nil }
        return Unmanaged<PrunedContent>.fromOpaque(raw).takeUnretainedValue()
    }
}
