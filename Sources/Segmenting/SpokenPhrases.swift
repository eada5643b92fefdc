import EditionCore
import Foundation

/// The words the script adds around an article, per language: the standard intro, how a list of
/// authors is joined, the date as a newsreader says it, and the chapter titles it makes up.
/// A language joins with an entry in `table`; any other is read with the English words.
public struct SpokenPhrases: Sendable {
    /// The standard intro for one author, and for several (languages that say "Authors:").
    public var intro: [String]
    public var introSeveralAuthors: [String]
    /// Joins the last two authors: "A, B and C".
    public var and: String
    /// The body's chapter when the article has no section headings, and an edition's outro.
    public var storyTitle: String
    public var closingTitle: String
    /// The publication date in words and digits the language's normalizer reads.
    var spokenDate: @Sendable (DateComponents) -> String

    public static let english = SpokenPhrases(
        intro: ["{headline}.", "By {authors}.", "Published {date}."],
        introSeveralAuthors: ["{headline}.", "By {authors}.", "Published {date}."],
        and: "and", storyTitle: "Story", closingTitle: "Closing",
        spokenDate: { "\(englishMonths[$0.month! - 1]) \($0.day!), \($0.year!)" })

    /// "Опубліковано 17 травня 2019 року.": the month in the genitive, day and year in digits,
    /// which the Ukrainian normalizer reads as ordinals in the right case.
    public static let ukrainian = SpokenPhrases(
        intro: ["{headline}.", "Автор: {authors}.", "Опубліковано {date}."],
        introSeveralAuthors: ["{headline}.", "Автори: {authors}.", "Опубліковано {date}."],
        and: "та", storyTitle: "Стаття", closingTitle: "Завершення",
        spokenDate: { "\($0.day!) \(ukrainianMonths[$0.month! - 1]) \($0.year!) року" })

    static let table: [String: SpokenPhrases] = ["en": english, "uk": ukrainian]

    /// The phrases of a language ("uk-UA" → Ukrainian); English for unknown ones and for nil.
    public static func of(_ language: String?) -> SpokenPhrases {
        language.flatMap { table[LanguageTag.primary($0)] } ?? english
    }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                "October", "November", "December"]
    static let ukrainianMonths = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
                                  "жовтня", "листопада", "грудня"]

    /// "A", "A and B", "A, B and C".
    public func list(_ names: [String]) -> String {
        names.count < 2 ? names.first ?? "" : names.dropLast().joined(separator: ", ") + " \(and) " + names.last!
    }

    /// The date the source gave, in this language's words; the source's own text when it did not parse.
    func spoken(_ date: PublicationDate) -> String {
        guard let parsed = date.date else { return date.text }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return spokenDate(calendar.dateComponents([.year, .month, .day], from: parsed))
    }
}
