import EditionCore
import Foundation

/// Reads text scraped from a news page: the tag line or category labels, "Edit post", the
/// headline, the byline with authors, date, time and "N min read" (perhaps under a standfirst),
/// the photo caption with its credit, the AI disclosure, the body with its subheadings, and the
/// trailing furniture. Every dropped line is kept with its reason.
/// The rules look at shapes (a comma-separated tag list before the headline, "by … <date>",
/// "(Photo by …)"), not at one site's exact words; other languages' words are in `FurniturePhrases`.
struct ScrapedTextReader {
    func read(_ text: String, name: String) throws -> Article {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var removed: [RemovedLine] = []
        var warnings: [String] = []
        var headline: String?
        var authors: [String] = []
        var published: PublicationDate?
        var sections = [Section()]
        var current: [String] = []
        func endParagraph() {
            if !current.isEmpty { sections[sections.count - 1].blocks.append(Block(.paragraph, current.joined(separator: " "))); current = [] }
        }
        func remove(_ line: String, _ reason: String, _ i: Int) { removed.append(RemovedLine(text: line, reason: reason, line: i + 1)) }
        var hasBody: Bool { !current.isEmpty || sections.contains { !$0.blocks.isEmpty } }
        // Between the headline and the body, bylines and date lines are metadata. A standfirst
        // sentence may come before the byline, so the lead stays open while one follows.
        var leadOpen = true
        // The "Related"-style line whose list of other stories' headlines we are inside.
        var listMarker: String?
        // The furniture at the end of a page: everything from "Authors:", "Comments" or
        // "Editors' Picks" on, when it follows the body.
        var tail = lines.count
        for (i, line) in lines.enumerated() where Furniture.endsArticle(line) {
            tail = i
            break
        }
        for (i, line) in lines.enumerated() {
            guard !line.isEmpty else { endParagraph(); continue }
            if i >= tail && (headline != nil || hasBody) {
                // "Authors: A, B" names the authors when the byline did not.
                if authors.isEmpty, line.lowercased().hasPrefix("author"), let colon = line.firstIndex(of: ":") {
                    authors = Byline.names(String(line[line.index(after: colon)...]))
                } else if authors.isEmpty, let byline = FurniturePhrases.tables(for: line).lazy.compactMap({ $0.byline(line) }).first {
                    authors = byline.authors   // "Автори: А, Б"
                }
                remove(line, "page furniture after the article", i); continue
            }
            if let reason = Furniture.reason(line) {
                endParagraph(); remove(line, reason, i)
                if Furniture.startsList(line) { listMarker = line }
                continue
            }
            if let marker = listMarker {
                // The headlines listed under "Related" are links, not story: short, no full stop.
                if current.isEmpty, line.isTitleLike(maxWords: 20), !isSubheading(lines, i) {
                    remove(line, "listed under “\(marker)”", i); continue
                }
                listMarker = nil
            }
            if headline == nil && !hasBody {
                if Furniture.isTagLine(line) { remove(line, "category and tag line", i); continue }
                if isCategoryLabel(lines, i) { remove(line, "category label", i); continue }
                if let lead = Byline.lead(line) {  // some sites put the byline above the headline
                    authors = lead.authors; published = lead.date; remove(line, lead.reason, i); continue
                }
                // A long sentence is not a headline, nor is anything longer than any headline
                // (a text pasted as one unpunctuated line): the story starts without one.
                let words = line.split(separator: " ", maxSplits: 41).count   // no need to count past 41
                if !(words > 40 || (line.endsLikeSentence && words > 15)) { headline = line; continue }
            }
            if leadOpen && current.isEmpty, let lead = Byline.lead(line) {
                if authors.isEmpty { authors = lead.authors }
                if published == nil { published = lead.date }
                remove(line, lead.reason, i); continue
            }
            if leadOpen && !Self.leadFollows(lines, after: i) { leadOpen = false }
            if current.isEmpty && isSubheading(lines, i) {
                sections.append(Section(heading: line)); continue
            }
            current.append(line)
            // Scraped text often has no blank lines: a line ending a sentence ends a paragraph.
            if let last = line.last, ".!?\"”'’".contains(last) { endParagraph() }
        }
        endParagraph()
        let body = sections.filter { !$0.blocks.isEmpty }
        guard !body.isEmpty else {
            throw ReadingError.nothingLeft(name, removed: removed)
        }
        if headline == nil {
            headline = ArticleReader.title(fromName: name)
            warnings.append("\(name): no headline found; using “\(headline!)”")
        }
        for section in sections where section.blocks.isEmpty {
            if let heading = section.heading { removed.append(RemovedLine(text: heading, reason: "heading with no text under it")) }
        }
        return Article(headline: headline!, authors: authors, published: published,
                       sections: body, removed: removed, warnings: warnings)
    }

    /// A one-to-three-word label above the headline ("Politics", "World" / "Analysis"): one of
    /// the next few lines is a longer title, and no prose, byline or date comes before it.
    func isCategoryLabel(_ lines: [String], _ index: Int) -> Bool {
        guard lines[index].wordCount <= 3, lines[index].isTitleLike(maxWords: 3) else { return false }
        let following = lines[(index + 1)...].lazy.filter { !$0.isEmpty && Furniture.reason($0) == nil }.prefix(3)
        for next in following {
            guard next.isTitleLike(maxWords: 25), Byline.lead(next) == nil else { return false }
            if next.wordCount > 3 { return true }
        }
        return false
    }

    /// "What comes next" straight above a paragraph: a short title with no full stop, followed
    /// at once by a much longer line that starts a sentence. A hard-wrapped line is about as long
    /// as the next and the next goes on mid-sentence, so wrapped paragraphs are not split.
    func isSubheading(_ lines: [String], _ index: Int) -> Bool {
        let line = lines[index]
        guard line.isTitleLike(maxWords: 12), index + 1 < lines.count else { return false }
        let next = lines[index + 1]
        guard let first = next.first, first.isUppercase || "\"“‘'".contains(first) else { return false }
        return next.count >= 2 * line.count && Furniture.reason(next) == nil && next.endsLikeSentence
    }

    /// Whether a byline or date line comes within the next two non-blank lines.
    static func leadFollows(_ lines: [String], after index: Int) -> Bool {
        lines[(index + 1)...].lazy.filter { !$0.isEmpty }.prefix(2).contains { Byline.lead($0) != nil }
    }
}

/// Lines that are never part of the story, and why. Every reader asks this one place: English
/// by the rules here, other languages by their `FurniturePhrases` table.
enum Furniture {
    static func reason(_ line: String) -> String? {
        // Furniture is short. A longer line is prose whatever it holds: an article pasted as one
        // line, its photo credit inside, was dropped whole as a caption.
        guard line.isShorter(than: maxLength + 1) else { return nil }
        // The rules below are English words, matched on ASCII letters: folding those alone spares
        // a long paragraph full Unicode lowercasing (a third of a 20 MB page's reading time). A
        // line the other languages' tables read is lowercased in full.
        let tables = FurniturePhrases.tables(for: line)
        let lower = tables.isEmpty ? line.asciiLowercased : line.lowercased()
        if lower == "edit post" || lower == "edit" { return "editing link" }
        if lower.has("(photo by") || lower.has("(photo:") || lower.has("getty images")
            || lower.hasPrefix("photo:") || lower.has("/afp") || lower.has("via reuters)") {
            return "photo caption"
        }
        // "A soldier in Kharkiv. Photo: Reuters": a credit closing the line, no full stop after it.
        if line.isShorter(than: 300), lower.has("photo") || lower.has("image") || lower.has("picture"),
           lower.range(of: #"\b(photo|photograph|image|picture)s?\s*(by|:)\s*[^.]{2,60}$"#, options: .regularExpression) != nil {
            return "photo caption"
        }
        if isAIDisclosure(lower) { return "AI disclosure" }
        // The exact lines are short; trimming a paragraph costs a Foundation round trip.
        if lower.utf8.count < 60 {
            let key = lower.trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            if exact.contains(key) || listMarkers.contains(key) { return "site furniture" }
        }
        // Each pattern below is tried only when the line opens as it must: a long page has
        // hundreds of thousands of lines, and a regular expression costs far more than a prefix.
        if ["story", "article", "continue", "scroll"].contains(where: lower.hasPrefix), lower.range(of: #"^(?:story|article) continues (?:below|after)|^continue reading (?:below|after)|^scroll to continue"#, options: .regularExpression) != nil {
            return "site furniture"
        }
        if lower.first?.isNumber == true || lower.hasPrefix("comment"),
           lower.range(of: #"^(?:\d+\s+comments?|comments?\s*\(\d+\))$"#, options: .regularExpression) != nil { return "comments link" }
        if ["tag", "topic", "filed under", "keywords"].contains(where: lower.hasPrefix), lower.range(of: #"^(?:tags?|topics?|filed under|keywords)\s*:"#, options: .regularExpression) != nil { return "tag line" }
        if lower.hasPrefix("share on") || lower.hasPrefix("share this") { return "share buttons" }
        let prefixes = ["read also:", "read also", "read more:", "see also:", "also read:", "subscribe", "sign up",
                        "follow us", "newsletter", "click here", "support our", "become a member"]
        if prefixes.contains(where: { lower.hasPrefix($0) }) { return lower.hasPrefix("read") || lower.hasPrefix("see") || lower.hasPrefix("also") ? "read-also link" : "newsletter or subscription plug" }
        if lower.hasSuffix("read"), line.range(of: #"^\d+\s*min(ute)?s?\s+read$"#, options: [.regularExpression, .caseInsensitive]) != nil { return "reading time" }
        for table in tables {
            if let reason = table.reason(lower) { return reason }
        }
        return nil
    }

    /// The longest line any rule here calls furniture (a long photo caption with its credit).
    static let maxLength = 400

    static let exact: Set<String> = ["advertisement", "advert", "sponsored", "share", "share this article",
                                     "comments", "editors' picks", "editors’ picks", "most read", "trending", "tags"]

    /// Lines that head a list of links to other stories; the headlines under them go too.
    static let listMarkers: Set<String> = ["related", "related articles", "related stories", "related news",
                                           "related coverage", "read more", "read also", "also read", "see also",
                                           "more on this story", "read next", "recommended", "don't miss", "further reading"]

    static func startsList(_ line: String) -> Bool {
        let key = line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        return listMarkers.contains(key) || FurniturePhrases.tables(for: line).contains { $0.listMarkers.contains(key) }
    }

    /// "This audio is created with AI assistance", "This summary was generated by AI",
    /// "This article was translated with the help of AI tools": short, names AI, says what
    /// was made and how. Prose that merely mentions AI and audio says neither.
    static func isAIDisclosure(_ lower: String) -> Bool {
        guard lower.isShorter(than: 120), lower.has(" ai ") || lower.hasSuffix(" ai") || lower.has("artificial intelligence") else { return false }
        let objects = ["audio", "article", "story", "text", "summary", "translation", "version", "content"]
        let verbs = ["created", "generated", "assist", "translat", "produced", "narrat", "voiced", "summari", "with the help"]
        return objects.contains(where: lower.has) && verbs.contains(where: lower.has)
    }

    static func endsArticle(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("authors:") || lower.hasPrefix("author:") || lower == "comments" || lower.hasPrefix("editors' picks")
            || lower.hasPrefix("editors’ picks") || FurniturePhrases.tables(for: line).contains { $0.endsArticle(lower) }
    }

    /// "News Feed, Russian Volunteer Corps, Belgorod Oblast, …": many short comma-separated
    /// items and no sentence punctuation.
    static func isTagLine(_ line: String) -> Bool {
        guard line.isShorter(than: maxLength + 1) else { return false }
        let items = line.split(separator: ",")
        guard items.count >= 3, let last = line.last, !".!?".contains(last) else { return false }
        return items.allSatisfy { $0.split(separator: " ").count <= 5 }
    }
}

extension String {
    /// Whether the text holds `part`, compared as UTF-8 bytes: the C library's `memchr` finds
    /// each place the first byte occurs, `memcmp` checks the rest. Foundation's `contains`
    /// bridges each string to NSString, and this runs several times on every paragraph of a page.
    func has(_ part: String) -> Bool {
        var text = self, part = part
        return text.withUTF8 { hay in
            part.withUTF8 { needle in
                guard let first = needle.first, let hayStart = hay.baseAddress, let needleStart = needle.baseAddress else { return needle.isEmpty }
                guard needle.count <= hay.count else { return false }
                let last = hayStart + (hay.count - needle.count)  // the last place a match can start
                var from = hayStart
                while from <= last, let found = memchr(from, Int32(first), last - from + 1) {
                    let at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(at, needleStart, needle.count) == 0 { return true }
                    from = at + 1
                }
                return false
            }
        }
    }

    var wordCount: Int { split(separator: " ").count }

    /// `count < limit`, without counting the characters of a long paragraph: a character is one
    /// to four UTF-8 bytes.
    func isShorter(than limit: Int) -> Bool {
        let bytes = utf8.count
        return bytes < limit || (bytes < limit * 4 && count < limit)
    }

    /// ASCII letters lowercased, every other byte as it is: for matching English words.
    var asciiLowercased: String {
        var text = self
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    out[index] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                }
                return bytes.count
            }
        }
    }

    /// Ends the way a sentence or a lead-in ends (closing quotes and brackets aside).
    var endsLikeSentence: Bool {
        guard let mark = last(where: { !"\"'”’»)]*_ ".contains($0) }) else { return false }
        return ".!?…:;,".contains(mark)
    }

    /// A short line that starts with a capital, digit or quote and has no full stop, comma or
    /// colon at the end: a headline, a label or a subheading.
    func isTitleLike(maxWords: Int) -> Bool {
        guard let first = first(where: { !"\"'“‘«".contains($0) }), first.isUppercase || first.isNumber,
              wordCount <= maxWords else { return false }
        guard let mark = last(where: { !"\"'”’»)]*_ ".contains($0) }) else { return false }
        return !".…:;,".contains(mark)
    }
}
