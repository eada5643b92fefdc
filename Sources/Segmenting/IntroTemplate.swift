import EditionCore
import Foundation

/// How the intro chapter is read. Placeholders: {headline}, {authors}, {date}; a sentence
/// whose placeholder has no value is left out.
public struct IntroTemplate: Sendable, Equatable {
    public var sentences: [String]
    public static let standard = IntroTemplate(sentences: ["{headline}.", "By {authors}.", "Published {date}."])
    public static let none = IntroTemplate(sentences: [])

    public init(sentences: [String]) { self.sentences = sentences }

    /// The intro's sentences for an article.
    func sentences(for article: Article) -> [String] {
        let headline = article.headline.trimmingCharacters(in: .whitespaces)
        let values: [String: String?] = [
            "{headline}": headline.isEmpty ? nil : headline.trimmingCharacters(in: CharacterSet(charactersIn: ".!?:;")),
            "{authors}": article.authors.isEmpty ? nil : Self.list(article.authors),
            "{date}": article.published.map(Self.spokenDate),
        ]
        return sentences.compactMap { template in
            var sentence = template
            for (key, value) in values where sentence.contains(key) {
                guard let value else { return nil }
                sentence = sentence.replacingOccurrences(of: key, with: value)
            }
            return sentence
        }
    }

    /// "A", "A and B", "A, B and C": as the intro reads authors, and as the artist tag lists them.
    public static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }

    /// "March 19, 2024" when the date parsed; the source's own words otherwise.
    static func spokenDate(_ date: PublicationDate) -> String {
        guard let parsed = date.date else { return date.text }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMMM d, yyyy"
        return formatter.string(from: parsed)
    }
}
