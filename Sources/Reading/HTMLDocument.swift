import CLibXML2
import Foundation

/// The one owner of a libxml2 HTML document: parsed forgivingly (unclosed and misnested tags
/// recovered, no network), freed when this goes away.
final class HTMLDocument {
    /// Deeper than this, a page is refused. Real pages nest a few dozen levels; libxml2 looks an
    /// end tag up through every open element, so a very deep page of stray end tags would take
    /// quadratic time.
    static let maximumDepth = 2_000

    let doc: htmlDocPtr
    /// What was freed while parsing, or nil when the page was parsed whole.
    let pruner: FurniturePruner?

    convenience init(_ data: Data, name: String, pruning: Bool = true) throws {
        let pruner = pruning ? FurniturePruner() : nil
        let parsed = try data.withUnsafeBytes { try Self.parse($0, name: name, pruner: pruner) }
        self.init(parsed: parsed, pruner: pruner)
    }

    /// The page as text, parsed from the string's own UTF-8 bytes: a 20 MB page is not copied.
    convenience init(_ text: String, name: String, pruning: Bool = true) throws {
        var text = text
        let pruner = pruning ? FurniturePruner() : nil
        let parsed = try text.withUTF8 { try Self.parse(UnsafeRawBufferPointer($0), name: name, pruner: pruner) }
        self.init(parsed: parsed, pruner: pruner)
    }

    private init(parsed: htmlDocPtr, pruner: FurniturePruner?) { doc = parsed; self.pruner = pruner }

    /// What the SAX callbacks share, through the parser context's `_private`.
    private final class ParseState {
        let pruner: FurniturePruner?
        var tooDeep = false
        init(pruner: FurniturePruner?) { self.pruner = pruner }
    }

    /// The page read a piece at a time (`next` gives nil after the last), parsed as the pieces
    /// come: with furniture pruned, a long page is never held whole. libxml2 reads them through
    /// its I/O callbacks, the same parser as for a page in memory, which discards the input it
    /// has parsed. (Its push parser, in 2.9, holds back all the input after a quote in the text.)
    convenience init(name: String, pruning: Bool = true, pieces next: () throws -> [UInt8]?) throws {
        let pruner = pruning ? FurniturePruner() : nil
        guard let context = htmlNewParserCtxt() else { throw ReadingError.noText(name) }
        defer { htmlFreeParserCtxt(context) }
        let state = ParseState(pruner: pruner)
        Self.observe(context, state)
        let parsed = try withoutActuallyEscaping(next) { next in
            let source = PieceSource(next)
            let parsed = withExtendedLifetime((state, source)) {
                htmlCtxtReadIO(context, { source, buffer, length in
                    guard let source, let buffer else { return -1 }
                    return Unmanaged<PieceSource>.fromOpaque(source).takeUnretainedValue().read(into: buffer, Int(length))
                }, nil, Unmanaged.passUnretained(source).toOpaque(), name, "UTF-8", Self.options)
            }
            if let failure = source.failure {
                if let parsed { xmlFreeDoc(parsed) }
                throw failure
            }
            return parsed
        }
        if state.tooDeep {
            if let parsed { xmlFreeDoc(parsed) }
            throw ReadingError.tooDeep(name, Self.maximumDepth)
        }
        guard let parsed else { throw ReadingError.noText(name) }
        self.init(parsed: parsed, pruner: pruner)
    }

    /// Hands libxml2 the pieces as it asks for bytes; an error reading them stops the parse.
    private final class PieceSource {
        let next: () throws -> [UInt8]?
        var piece: [UInt8] = []
        var offset = 0
        var failure: Error?
        init(_ next: @escaping () throws -> [UInt8]?) { self.next = next }

        func read(into buffer: UnsafeMutablePointer<CChar>, _ length: Int) -> Int32 {
            while offset == piece.count {
                do {
                    guard let more = try next() else { return 0 }
                    (piece, offset) = (more, 0)
                } catch {
                    failure = error
                    return -1
                }
            }
            let count = min(length, piece.count - offset)
            piece.withUnsafeBytes { UnsafeMutableRawPointer(buffer).copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
            offset += count
            return Int32(count)
        }
    }

    /// XML_PARSE_HUGE lifts libxml2's own nesting limit of 256, past which it silently drops the
    /// text of deeper elements; our limit above is checked as each element opens instead, and
    /// becomes a clear error.
    private static let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                                       | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)

    private static func parse(_ raw: UnsafeRawBufferPointer, name: String, pruner: FurniturePruner?) throws -> htmlDocPtr {
        guard let context = htmlNewParserCtxt() else { throw ReadingError.noText(name) }
        defer { htmlFreeParserCtxt(context) }
        let state = ParseState(pruner: pruner)
        observe(context, state)
        guard raw.count < Int(Int32.max) else { throw ReadingError.noText(name) }
        let parsed = withExtendedLifetime(state) {
            htmlCtxtReadMemory(context, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, "UTF-8", options)
        }
        if state.tooDeep {
            if let parsed { xmlFreeDoc(parsed) }
            throw ReadingError.tooDeep(name, Self.maximumDepth)
        }
        guard let parsed else { throw ReadingError.noText(name) }
        return parsed
    }

    /// The tree is built by libxml2's own SAX2 handlers; these look at each element as it opens
    /// (to stop a page nested too deep, and for the pruner) and as it closes (for the pruner).
    /// `state` must outlive the parse.
    private static func observe(_ context: htmlParserCtxtPtr, _ state: ParseState) {
        context.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        context.pointee.sax.pointee.startElement = { context, name, attributes in
            xmlSAX2StartElement(context, name, attributes)
            guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let shared = parser.pointee._private else { return }
            let state = Unmanaged<ParseState>.fromOpaque(shared).takeUnretainedValue()
            if parser.pointee.nameNr > HTMLDocument.maximumDepth {
                state.tooDeep = true
                xmlStopParser(parser)
                return
            }
            if let pruner = state.pruner, let node = parser.pointee.node, node.isElement { pruner.opened(node) }
        }
        guard state.pruner != nil else { return }
        context.pointee.sax.pointee.endElement = { context, name in
            guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let shared = parser.pointee._private else {
                xmlSAX2EndElement(context, name)
                return
            }
            let state = Unmanaged<ParseState>.fromOpaque(shared).takeUnretainedValue()
            let node = parser.pointee.node
            xmlSAX2EndElement(context, name)
            // The node closed is the one libxml2 had open under this name, now complete.
            guard !state.tooDeep, let pruner = state.pruner, let node, node.isElement, let name,
                  xmlStrEqual(node.pointee.name, name) != 0, let doc = parser.pointee.myDoc else { return }
            pruner.closed(node, doc: doc)
        }
    }

    deinit { xmlFreeDoc(doc) }

    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }
}

/// Small, safe views of libxml2 nodes.
extension UnsafeMutablePointer where Pointee == xmlNode {
    /// libxml2's HTML parser lowercases tag names already: the Unicode `lowercased()` is paid
    /// only by a name that still has a capital.
    var tag: String {
        guard pointee.type == XML_ELEMENT_NODE else { return "" }
        let name = String(cString: pointee.name)
        return name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? name.lowercased() : name
    }
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    /// An attribute's value. The element's own attribute list is walked first (most elements have
    /// none of the several asked about for each one): libxml2's `xmlGetProp` is left the values
    /// it must assemble, and the attributes it could find where this does not look.
    func attribute(_ name: String) -> String? {
        guard pointee.type == XML_ELEMENT_NODE else { return nil }
        var found = false
        var property = pointee.properties
        name.withCString { wanted in
            while let attribute = property {
                if let attributeName = attribute.pointee.name, CChar(bitPattern: attributeName.pointee) == wanted.pointee,
                   strcmp(attributeName, wanted) == 0 { found = true; return }
                property = attribute.pointee.next
            }
        }
        guard found, let attribute = property else { return nil }
        if let text = attribute.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
            return String(cString: content)
        }
        guard let value = xmlGetProp(self, name) else { return nil }
        defer { edition_xml_free(value) }
        return String(cString: value)
    }

    var children: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = pointee.children
        while let c = child { result.append(c); child = c.pointee.next }
        return result
    }

    /// Elements that flow inside a line of text; any other element separates words, as a
    /// browser would show them ("<li>One</li><li>Two</li>" is "One Two", not "OneTwo").
    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    ]

    /// All the text below this node, whitespace collapsed; scripts and styles inside it are code,
    /// not words, and are left out.
    var text: String { rawText.collapsingWhitespace }

    /// The same, with whitespace as written, so runs of inline nodes can be joined before collapsing.
    var rawText: String { rawText(enoughFor: nil) }

    /// The first `limit` characters of `text`, without gathering all the text below: a page's
    /// 20 MB comment section is recorded as removed by its opening words.
    func textPrefix(_ limit: Int) -> String {
        String(rawText(enoughFor: limit).collapsingWhitespace.prefix(limit))
    }

    /// The raw text as far as `rawText(enoughFor:)` gathers it, and whether that is all of it.
    func rawTextPrefix(_ limit: Int) -> (String, complete: Bool) {
        var complete = true
        let raw = rawText(enoughFor: limit, complete: &complete)
        return (raw, complete)
    }

    private func rawText(enoughFor limit: Int?) -> String {
        var complete = true
        return rawText(enoughFor: limit, complete: &complete)
    }

    /// The raw text, or, given a limit, as much of it as collapses to more than `limit` characters.
    /// Furniture the parser pruned gives the words it kept; if the text asked for goes past them,
    /// the pruned content is marked as needed (and the page is read again whole).
    private func rawText(enoughFor limit: Int?, complete: inout Bool) -> String {
        var raw = ""
        var check = (limit ?? 0) * 4
        var stack: [xmlNodePtr?] = [self]  // nil: the end of a block, a word break
        while let item = stack.popLast() {
            guard let node = item else { raw += " "; continue }
            if let pruned = node.prunedContent {
                raw += pruned.raw
                if pruned.truncated && (limit ?? .max) > PrunedContent.keptCharacters { pruned.needed = true }
            } else if node.isText, let content = node.pointee.content {
                raw += String(cString: content)
                if let limit, raw.utf8.count >= check {
                    if raw.collapsingWhitespace.count > limit { complete = false; return raw }
                    check = raw.utf8.count * 2
                }
            } else if node.isElement && (node == self || !["script", "style", "template"].contains(node.tag)) {
                if !Self.inlineTags.contains(node.tag) { raw += " "; stack.append(nil) }
                var child = node.pointee.last
                while let last = child { stack.append(last); child = last.pointee.prev }
            }
        }
        return raw
    }

    /// Whether a text node holds anything but whitespace.
    var hasVisibleText: Bool {
        guard isText, let content = pointee.content else { return false }
        var byte = content
        while byte.pointee != 0 {
            if byte.pointee > 0x20 { return true }
            byte += 1
        }
        return false
    }
}

extension String {
    /// One space between words, none at the ends: ASCII whitespace, no-break and other Unicode
    /// spaces become a space; zero-width characters and soft hyphens go. Written against the
    /// string's own UTF-8 bytes (no copy), ASCII first, because it runs on every word of a page:
    /// on a 20 MB page, asking each Character whether it is whitespace took most of the reading time.
    var collapsingWhitespace: String {
        var text = self
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {  // ASCII, most of any page: one comparison and one append
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = !out.isEmpty
                    } else {
                        if pendingSpace { out.append(0x20); pendingSpace = false }
                        out.append(byte)
                    }
                    index += 1
                    continue
                }
                let length = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1, bytes.count - index)
                let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0, b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
                var isSpace = false, isInvisible = false
                switch (byte, b1, b2) {
                case (0xC2, 0x85, _), (0xC2, 0xA0, _), (0xE1, 0x9A, 0x80), (0xE3, 0x80, 0x80): isSpace = true  // NEL, NBSP, ogham, ideographic
                case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F): isSpace = true
                case (0xC2, 0xAD, _), (0xE2, 0x80, 0x8B...0x8D), (0xE2, 0x81, 0xA0), (0xEF, 0xBB, 0xBF): isInvisible = true  // soft hyphen, zero-width
                default: break
                }
                if isSpace {
                    pendingSpace = !out.isEmpty
                } else if !isInvisible {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    for offset in 0..<length { out.append(bytes[index + offset]) }
                }
                index += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// HTML character references in text that did not come through the HTML parser (Markdown):
/// "&amp;" → "&", "&#8217;" → "’". Names are looked up in libxml2's own table.
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";"), let scalar = scalar(String(after[..<semi])) {
                out.unicodeScalars.append(scalar)
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func scalar(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") { return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              let entity = htmlEntityLookup(name) else { return nil }
        return Unicode.Scalar(entity.pointee.value)
    }
}
