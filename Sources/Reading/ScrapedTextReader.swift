import EditionCore
import Foundation

/// Reads text scraped from a news page: the tag line, "Edit post", the headline, the byline
/// with authors, date, time and "N min read", the photo caption with its credit, the AI
/// disclosure, the body, and the trailing furniture. Every dropped line is kept with its reason.
/// The rules look at shapes (a comma-separated tag list before the headline, "by … <date>",
/// "(Photo by …)"), not at one site's exact words.
struct ScrapedTextReader {
    func read(_ text: String, name: String) throws -> Article {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var removed: [RemovedLine] = []
        var headline: String?
        var authors: [String] = []
        var published: PublicationDate?
        var paragraphs: [String] = []
        var current: [String] = []
        func endParagraph() {
            if !current.isEmpty { paragraphs.append(current.joined(separator: " ")); current = [] }
        }
        // The furniture at the end of a page: everything from "Authors:", "Comments" or
        // "Editors' Picks" on, when it follows the body.
        var tail = lines.count
        for (i, line) in lines.enumerated() where Furniture.endsArticle(line.trimmingCharacters(in: .whitespaces)) {
            tail = i
            break
        }
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { endParagraph(); continue }
            if i >= tail && headline != nil {
                removed.append(RemovedLine(text: line, reason: "page furniture after the article", line: i + 1)); continue
            }
            if let reason = Furniture.reason(line) {
                endParagraph(); removed.append(RemovedLine(text: line, reason: reason, line: i + 1)); continue
            }
            if headline == nil {
                if Furniture.isTagLine(line) {
                    removed.append(RemovedLine(text: line, reason: "category and tag line", line: i + 1)); continue
                }
                headline = line
                continue
            }
            if paragraphs.isEmpty && current.isEmpty, let byline = Byline.parse(line) {
                authors = byline.authors
                published = byline.date
                removed.append(RemovedLine(text: line, reason: "byline", line: i + 1))
                continue
            }
            current.append(line)
            // Scraped text often has no blank lines: a line ending a sentence ends a paragraph.
            if let last = line.last, ".!?\"”'’".contains(last) { endParagraph() }
        }
        endParagraph()
        guard let headline else { throw ReadingError.noText(name) }
        guard !paragraphs.isEmpty else {
            throw removed.isEmpty ? ReadingError.noText(name) : ReadingError.onlyFurniture(name, removed.count)
        }
        return Article(headline: headline, authors: authors, published: published,
                       sections: [Section(blocks: paragraphs.map { Block(.paragraph, $0) })], removed: removed)
    }
}

/// Lines that are never part of the story, and why.
enum Furniture {
    static func reason(_ line: String) -> String? {
        let lower = line.lowercased()
        if lower == "edit post" || lower == "edit" { return "editing link" }
        if lower.contains("(photo by") || lower.contains("(photo:") || lower.contains("getty images")
            || lower.hasPrefix("photo:") || lower.contains("/afp") || lower.contains("via reuters)") {
            return "photo caption"
        }
        if (lower.contains("audio") || lower.contains("article")) && (lower.contains(" ai ") || lower.hasSuffix(" ai") || lower.contains("artificial intelligence"))
            && line.count < 120 && (lower.contains("created") || lower.contains("generated") || lower.contains("assist")) {
            return "AI disclosure"
        }
        let exact = ["advertisement", "advert", "sponsored", "related", "related articles", "share", "share this article",
                     "comments", "editors' picks", "editors’ picks", "most read", "trending", "read more", "tags"]
        if exact.contains(lower.trimmingCharacters(in: CharacterSet(charactersIn: ":"))) { return "site furniture" }
        let prefixes = ["read also:", "read also", "read more:", "see also:", "also read:", "subscribe", "sign up",
                        "share on", "share this", "follow us", "newsletter", "click here", "support our", "become a member"]
        if prefixes.contains(where: { lower.hasPrefix($0) }) { return lower.hasPrefix("read") || lower.hasPrefix("see") || lower.hasPrefix("also") ? "read-also link" : "newsletter or subscription plug" }
        if line.range(of: #"^\d+\s*min(ute)?s?\s+read$"#, options: [.regularExpression, .caseInsensitive]) != nil { return "reading time" }
        return nil
    }

    static func endsArticle(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("authors:") || lower.hasPrefix("author:") || lower == "comments" || lower.hasPrefix("editors' picks")
            || lower.hasPrefix("editors’ picks")
    }

    /// "News Feed, Russian Volunteer Corps, Belgorod Oblast, …": many short comma-separated
    /// items and no sentence punctuation.
    static func isTagLine(_ line: String) -> Bool {
        let items = line.split(separator: ",")
        guard items.count >= 3, let last = line.last, !".!?".contains(last) else { return false }
        return items.allSatisfy { $0.split(separator: " ").count <= 5 }
    }
}

/// "by Chris York and The Kyiv Independent news desk March 19, 2024 5:31 PM 2 min read"
enum Byline {
    struct Parsed { var authors: [String]; var date: PublicationDate? }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                         "sept", "oct", "nov", "dec"]

    static func parse(_ line: String) -> Parsed? {
        guard line.lowercased().hasPrefix("by "), line.count < 300 else { return nil }
        var rest = String(line.dropFirst(3))
        rest = rest.replacingOccurrences(of: #"\s*\d+\s*min(ute)?s?\s+read\s*$"#, with: "", options: [.regularExpression, .caseInsensitive])
        var date: PublicationDate?
        // The date starts at the first month name followed by a day number.
        let pattern = #"\b(\#(months.joined(separator: "|")))\.?\s+\d{1,2},?\s+\d{4}(\s+\d{1,2}:\d{2}\s*(AM|PM|am|pm)?)?"#
        if let range = rest.range(of: pattern, options: [.regularExpression, .caseInsensitive]) {
            let text = String(rest[range]).trimmingCharacters(in: .whitespaces)
            date = PublicationDate(text: text, date: parseDate(text), hasTime: text.contains(":"))
            rest = String(rest[..<range.lowerBound])
        }
        let names = rest.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty, names.allSatisfy({ $0.split(separator: " ").count <= 6 }) else { return nil }
        return Parsed(authors: names, date: date)
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        let cleaned = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: "Sept ", with: "Sep ")
        for format in ["MMMM d, yyyy h:mm a", "MMMM d, yyyy", "MMM d, yyyy h:mm a", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy"] {
            formatter.dateFormat = format
            if let d = formatter.date(from: cleaned) { return d }
        }
        return nil
    }
}
