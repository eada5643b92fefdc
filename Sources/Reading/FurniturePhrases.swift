import EditionCore
import Foundation

/// Site furniture in one language, as data: the readers' rules (`Furniture`, `Byline`) ask
/// each table in turn, so a language joins with a table, not with branches in every reader.
/// English keeps its own tuned rules in `Furniture` and `Byline`; these tables add the others.
/// Patterns are matched against the lowercased line.
struct FurniturePhrases: Sendable {
    /// Whole lines (lowercased, trimmed of ": ") and why they go.
    var exact: [String: String]
    /// Lines that head a list of other stories' headlines; the headlines under them go too.
    var listMarkers: Set<String>
    /// Line openings and why they go ("читайте також" → "read-also link").
    var prefixes: [(prefix: String, reason: String)]
    /// Whole-line patterns and why they go (tag lines, reading time, photo credits).
    var patterns: [(pattern: String, reason: String)]
    /// Lines from which on everything is page furniture, once the story has begun.
    var endMarkers: [String]

    /// Who wrote it: the words opening a byline, and the words that join the last two names.
    var bylineWords: String
    var nameJoiners: [String]
    /// A date as the language's sites write it (weekday, day, month name, year, time).
    var datePattern: String
    /// Words that say what kind of date follows ("Опубліковано:").
    var dateWords: String
    /// A date that cannot be known ("вчора, 18:02", "2 години тому"): kept as text.
    var relativeDate: String
    var months: [String]
    /// Lines longer than this are prose, whatever they open with.
    var maxLength = 250

    /// The tables of the languages other than English.
    static let tables = [ukrainian]

    /// Why a line is furniture in this language, or nil.
    func reason(_ lower: String) -> String? {
        guard lower.isShorter(than: maxLength + 1) else { return nil }
        let key = lower.trimmingCharacters(in: CharacterSet(charactersIn: ":. "))
        if let reason = exact[key] { return reason }
        if listMarkers.contains(key) { return "site furniture" }
        if let hit = prefixes.first(where: { lower.hasPrefix($0.prefix) }) { return hit.reason }
        return patterns.first { lower.range(of: $0.pattern, options: .regularExpression) != nil }?.reason
    }

    /// "Автор: Олена Петренко | 17 травня 2021, 14:35 | Читати 5 хв": the names, and the date
    /// in any part.
    func byline(_ line: String) -> Byline.Parsed? {
        guard line.count < 300,
              let lead = line.range(of: "^(?:" + bylineWords + #")\s*:?\s+"#, options: [.regularExpression, .caseInsensitive])
        else { return nil }
        let parts = line[lead.upperBound...].split(whereSeparator: { $0 == "|" || $0 == "·" || $0 == "•" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var rest = parts.first ?? ""
        var date: PublicationDate?
        for (index, part) in parts.enumerated() {
            guard let found = self.date(in: part) else { continue }
            date = found.date
            if index == 0 { rest = String(part[..<found.range.lowerBound]) }
            break
        }
        rest = rest.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        var names = Byline.names(rest)
        for joiner in nameJoiners { names = names.flatMap { $0.components(separatedBy: " \(joiner) ") } }
        names = names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty, names.allSatisfy({ $0.first?.isUppercase == true && $0.split(separator: " ").count <= 4 && !$0.hasSuffix(".") })
        else { return nil }
        return Byline.Parsed(authors: names, date: date)
    }

    /// A line that is nothing but a date (with its kind and a reading time), or nil.
    func dateLine(_ line: String) -> PublicationDate? {
        guard line.count < 100 else { return nil }
        let lower = line.lowercased()
        let readingTime = #"(?:\s*[|·•,]\s*(?:читати|час читання)[^|·•]*)?"#
        if lower.range(of: "^" + dateWords + "(?:" + relativeDate + ")" + readingTime + #"\s*\.?$"#, options: .regularExpression) != nil {
            return PublicationDate(text: line, hasTime: line.contains(":"))
        }
        guard lower.range(of: "^" + dateWords + "(?:" + datePattern + ")" + readingTime + #"\s*\.?$"#, options: .regularExpression) != nil
        else { return nil }
        return date(in: line)?.date
    }

    /// The first date in a text, parsed where it can be.
    func date(in text: String) -> (date: PublicationDate, range: Range<String.Index>)? {
        guard let range = text.range(of: datePattern, options: [.regularExpression, .caseInsensitive]) else { return nil }
        let found = String(text[range]).trimmingCharacters(in: .whitespaces)
        return (PublicationDate(text: found, date: parse(found), hasTime: found.contains(":")), range)
    }

    /// "17 травня 2021, 14:35", "17.05.2021 14:35", in UTC as the English dates are.
    func parse(_ text: String) -> Date? {
        let lower = text.lowercased()
        var parts = DateComponents()
        let numbers = lower.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if let monthIndex = months.firstIndex(where: { lower.contains($0) }) {
            // day, year, then hour and minute
            guard numbers.count >= 2, numbers[1] >= 1000 else { return nil }
            parts.day = numbers[0]; parts.month = monthIndex + 1; parts.year = numbers[1]
            if numbers.count >= 4 { parts.hour = numbers[2]; parts.minute = numbers[3] }
        } else {
            guard numbers.count >= 3, numbers[2] >= 1000 else { return nil }
            parts.day = numbers[0]; parts.month = numbers[1]; parts.year = numbers[2]
            if numbers.count >= 5 { parts.hour = numbers[3]; parts.minute = numbers[4] }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard parts.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: parts)
    }

    /// Whether the line is one of those from which on all is furniture: a marker ending in ":"
    /// or of several words opens the line; a single word is the whole line.
    func endsArticle(_ lower: String) -> Bool {
        endMarkers.contains { marker in
            marker.hasSuffix(":") || marker.contains(" ") ? lower.hasPrefix(marker) : lower.trimmingCharacters(in: CharacterSet(charactersIn: ":. ")) == marker
        }
    }

    /// The tables a line may need: those of other languages for a line with Cyrillic letters
    /// (two UTF-8 bytes opening with 0xD0–0xD3, so an English line pays one scan), and for one
    /// opening with a digit ("17.05.2021 14:35" is a date line in any language).
    static func tables(for line: String) -> [FurniturePhrases] {
        if line.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true { return tables }
        var line = line
        return line.withUTF8 { $0.contains { $0 >= 0xD0 && $0 <= 0xD3 } } ? tables : []
    }
}
