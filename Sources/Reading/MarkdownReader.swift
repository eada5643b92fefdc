import EditionCore
import Foundation

/// Reads Markdown: YAML front matter (title, author/authors, date, url, lang/language), ATX and setext headings
/// as sections, paragraphs, block quotes, list items; emphasis and code marks dropped, links
/// become their text; images, code blocks and HTML comments are removed with a reason.
struct MarkdownReader {
    func read(_ text: String, name: String) throws -> Article {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var removed: [RemovedLine] = []
        var meta: [String: String] = [:]
        var authors: [String] = []
        var offset = 0
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---", let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) {
            var listKey: String?
            for line in lines[1..<end] {
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("- "), listKey == "authors" || listKey == "author" { authors.append(Self.unquote(String(t.dropFirst(2)))); continue }
                guard let colon = t.firstIndex(of: ":") else { continue }
                let key = t[..<colon].lowercased(), value = Self.unquote(t[t.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                listKey = value.isEmpty ? key : nil
                if !value.isEmpty { meta[key] = value }
            }
            offset = end + 1
            lines = Array(lines[(end + 1)...])
        }
        if authors.isEmpty, let a = meta["author"] ?? meta["authors"] {
            authors = a.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).components(separatedBy: ",")
                .map { Self.unquote($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
        }
        var headline = meta["title"]
        var sections: [Section] = [Section()]
        var paragraph: [String] = []
        var inCode = false, inComment = false
        var leadDate: PublicationDate?
        // A quote runs over every ">" line in a row, as one block.
        var quoting = false
        func flush(_ kind: Block.Kind = .paragraph) {
            let text = paragraph.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { sections[sections.count - 1].blocks.append(Block(quoting ? .quote : kind, text)) }
            paragraph = []
            quoting = false
        }
        var hasBody: Bool { sections.contains { !$0.blocks.isEmpty } }
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = i + offset + 1
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush(); inCode.toggle(); removed.append(RemovedLine(text: line, reason: "code block", line: number)); continue
            }
            if inCode { removed.append(RemovedLine(text: raw, reason: "code block", line: number)); continue }
            if line.hasPrefix("<!--") { inComment = true }
            if inComment {
                removed.append(RemovedLine(text: line, reason: "HTML comment", line: number))
                if line.contains("-->") { inComment = false }
                continue
            }
            if line.isEmpty { flush(); continue }
            // Setext heading: the underline turns the paragraph above into a heading.
            if !paragraph.isEmpty, line.allSatisfy({ $0 == "=" }) || (line.count >= 3 && line.allSatisfy({ $0 == "-" })) {
                let heading = paragraph.joined(separator: " "); paragraph = []
                if line.first == "=" && headline == nil { headline = heading } else { sections.append(Section(heading: heading)) }
                continue
            }
            if line.hasPrefix("#") {
                flush()
                let level = line.prefix { $0 == "#" }.count
                let heading = Self.inline(String(line.dropFirst(level)).trimmingCharacters(in: CharacterSet(charactersIn: "# ")))
                if level == 1 && headline == nil { headline = heading }
                // "# Title" under front matter that gave the same title: read once, not twice.
                else if level == 1 && !hasBody && heading.lowercased() == headline.map(Self.inline)?.lowercased() {
                    removed.append(RemovedLine(text: line, reason: "repeats the headline", line: number))
                } else if !heading.isEmpty { sections.append(Section(heading: heading)) }
                continue
            }
            if line.hasPrefix("![") && line.hasSuffix(")") { flush(); removed.append(RemovedLine(text: line, reason: "image", line: number)); continue }
            if line.hasPrefix(">") {
                if !quoting { flush(); quoting = true }
                paragraph.append(Self.inline(String(line.drop { $0 == ">" || $0 == " " }))); continue
            }
            if quoting { flush() }
            if let item = Self.listItem(line) { flush(); paragraph = [Self.inline(item)]; flush(.listItem); continue }
            if let reason = Furniture.reason(line) { flush(); removed.append(RemovedLine(text: line, reason: reason, line: number)); continue }
            // A byline or date line before the first paragraph is metadata, not story.
            if headline != nil && !hasBody && paragraph.isEmpty, let lead = Byline.lead(Self.inline(line)) {
                if authors.isEmpty { authors = lead.authors }
                if meta["date"] == nil { leadDate = lead.date }
                removed.append(RemovedLine(text: line, reason: lead.reason, line: number)); continue
            }
            paragraph.append(Self.inline(line))
        }
        flush()
        // No title and no "# " heading: the first line is the headline, as in plain text.
        if headline == nil, let first = sections.first?.blocks.first, first.kind == .paragraph, first.text.count <= 200 {
            headline = first.text
            sections[0].blocks.removeFirst()
        }
        guard let headline, !headline.isEmpty else { throw ReadingError.noText(name) }
        let date = meta["date"].map { PublicationDate(text: $0, date: PublicationDate.isoDate($0) ?? Byline.parseDate($0), hasTime: $0.contains(":")) } ?? leadDate
        return Article(headline: Self.inline(headline), authors: authors, published: date, sourceURL: meta["url"],
                       sections: sections.filter { !$0.blocks.isEmpty || $0.heading != nil }, removed: removed,
                       language: meta["lang"] ?? meta["language"])
    }

    static func listItem(_ line: String) -> String? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) { return String(line.dropFirst(2)) }
        if let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy(\.isNumber), !line[..<dot].isEmpty,
           line[line.index(after: dot)...].hasPrefix(" ") { return String(line[line.index(dot, offsetBy: 2)...]) }
        return nil
    }

    /// Links become their text, images and inline HTML tags vanish, emphasis and code marks go,
    /// backslash escapes and HTML entities become the characters they stand for.
    static func inline(_ text: String) -> String {
        // Escaped emphasis and code marks are set aside (as private-use characters) so the
        // emphasis rules below spare them; other escapes just lose their backslash.
        var s = text.replacingOccurrences(of: "\\*", with: "\u{E001}").replacingOccurrences(of: "\\_", with: "\u{E002}")
            .replacingOccurrences(of: "\\`", with: "\u{E003}")
        s = s.replacingOccurrences(of: #"\\([\\{}\[\]()#+.!<>-])"#, with: "$1", options: .regularExpression)
        s = s.replacingOccurrences(of: #"</?[A-Za-z][^>]*>"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"!\[[^\]]*\]\([^)]*\)"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        s = s.replacingOccurrences(of: #"(\*\*|__|\*|`)"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"(?<![A-Za-z0-9])_([^_]+)_(?![A-Za-z0-9])"#, with: "$1", options: .regularExpression)
        s = s.replacingOccurrences(of: "\u{E001}", with: "*").replacingOccurrences(of: "\u{E002}", with: "_")
            .replacingOccurrences(of: "\u{E003}", with: "`")
        return HTMLEntities.decode(s).trimmingCharacters(in: .whitespaces)
    }

    static func unquote(_ s: String) -> String {
        s.count >= 2 && (s.hasPrefix("\"") && s.hasSuffix("\"") || s.hasPrefix("'") && s.hasSuffix("'")) ? String(s.dropFirst().dropLast()) : s
    }
}
