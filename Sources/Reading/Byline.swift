import EditionCore
import Foundation

/// "by Chris York and The Kyiv Independent news desk March 19, 2024 5:31 PM 2 min read",
/// "By Jane Doe | Published 11 April 2024, 14:05", and bare date lines ("Updated 2 hours ago"):
/// the lines above a story that say who wrote it and when. Every reader asks this one place.
enum Byline {
    struct Parsed {
        var authors: [String]
        var date: PublicationDate?
        /// "byline", or "date line" when the line holds only a date.
        var reason = "byline"
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                         "sept", "oct", "nov", "dec"]

    /// A date as news sites write it, month or day first, with a time of day after it:
    /// "March 19, 2024 5:31 PM", "Feb. 3, 2025", "11 April 2024, 14:05".
    static let datePattern: String = {
        let month = "(?:\(months.joined(separator: "|")))\\.?"
        return #"\b(?:"# + month + #"\s+\d{1,2},?|\d{1,2}\s+"# + month + #",?)\s+\d{4}(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*(?:AM|PM|am|pm))?)?"#
    }()

    /// Words that say what kind of date follows: "Published", "Updated:", "on".
    static let dateWords = #"(?:(?:published|updated|posted|last updated|first published|date)\s*:?\s*)?(?:on\s+)?"#

    /// A byline or a bare date line, or nil. Readers use this on the lines between the headline
    /// and the body, where such a line is metadata rather than story.
    static func lead(_ line: String) -> Parsed? {
        if let byline = parse(line) { return byline }
        if let date = dateLine(line) { return Parsed(authors: [], date: date, reason: "date line") }
        for table in FurniturePhrases.tables(for: line) {
            if let byline = table.byline(line) { return byline }
            if let date = table.dateLine(line) { return Parsed(authors: [], date: date, reason: "date line") }
        }
        return nil
    }

    static func parse(_ line: String) -> Parsed? {
        guard line.count < 300,
              let lead = line.range(of: #"^(?:(?:written|words|reporting|text)\s+)?by\s+"#, options: [.regularExpression, .caseInsensitive])
        else { return nil }
        // "By A and B | Published 11 April 2024, 14:05 | 4 min read": names come first; the date
        // and reading time may sit in any part.
        let parts = line[lead.upperBound...].split(whereSeparator: { $0 == "|" || $0 == "·" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var rest = parts.first ?? ""
        var date: PublicationDate?
        for (index, part) in parts.enumerated() {
            guard let range = part.range(of: datePattern, options: [.regularExpression, .caseInsensitive]) else { continue }
            let text = String(part[range]).trimmingCharacters(in: .whitespaces)
            date = PublicationDate(text: text, date: parseDate(text), hasTime: text.contains(":"))
            if index == 0 { rest = String(part[..<range.lowerBound]) }
            break
        }
        rest = rest.replacingOccurrences(of: #"\s*\d+\s*min(ute)?s?\s+read\s*$"#, with: "", options: [.regularExpression, .caseInsensitive])
        rest = rest.replacingOccurrences(of: #"[\s,]*\b"# + dateWords + "$", with: "", options: [.regularExpression, .caseInsensitive])
        // "By March, the army had run out of shells." is a sentence, not a byline.
        if date == nil && rest.hasSuffix(".") && !rest.hasSuffix(" Jr.") { return nil }
        let raw = names(rest)
        // Every name starts with a capital and is a few words long ("by the end of the week" is not a byline).
        guard !raw.isEmpty, raw.allSatisfy({ $0.first?.isUppercase == true && $0.split(separator: " ").count <= 6 }) else { return nil }
        return Parsed(authors: raw, date: date)
    }

    /// A written list of people as names: "A. Smith, B. Jones and C. Brown", "A & B".
    static func names(_ text: String) -> [String] {
        text.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
            .split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// "Published 19 March 2024, 17:31", "Updated: March 20, 2024 9:00 AM", "Updated 2 hours
    /// ago": a line that is nothing but a date. A relative date cannot be known, so it keeps
    /// only its text.
    static func dateLine(_ line: String) -> PublicationDate? {
        guard line.count < 80 else { return nil }
        let relative = #"^(?:(?:published|updated|posted|last updated)\s*:?\s*)?(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month)s?\s+ago$|^(?:published|updated|posted)\s+(?:today|yesterday|just now)$"#
        if line.range(of: relative, options: [.regularExpression, .caseInsensitive]) != nil { return PublicationDate(text: line) }
        guard line.range(of: "^" + dateWords + datePattern + #"\s*\.?$"#, options: [.regularExpression, .caseInsensitive]) != nil,
              let range = line.range(of: datePattern, options: [.regularExpression, .caseInsensitive]) else { return nil }
        let text = String(line[range])
        return PublicationDate(text: text, date: parseDate(text), hasTime: text.contains(":"))
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        let cleaned = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: " at ", with: " ").replacingOccurrences(of: "Sept ", with: "Sep ")
        for day in ["MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy"] {
            for time in [" h:mm a", " HH:mm", ""] {
                formatter.dateFormat = day + time
                if let d = formatter.date(from: cleaned) { return d }
            }
        }
        return nil
    }
}
