import EditionCore
import Foundation

/// How the intro chapter is read. Placeholders: {headline}, {authors}, {date}; a sentence
/// whose placeholder has no value is left out. The standard intro speaks the article's language
/// ("By …" in English, "Автор: …" in Ukrainian); a template of one's own is read as written,
/// with the authors and date in the article's language.
public struct IntroTemplate: Sendable, Equatable {
    public var sentences: [String]
    /// Whether the sentences are the article's language's standard ones rather than `sentences`.
    public var followsLanguage = false
    public static let standard = IntroTemplate(sentences: SpokenPhrases.english.intro, followsLanguage: true)
    public static let none = IntroTemplate(sentences: [])

    public init(sentences: [String]) { self.sentences = sentences }

    init(sentences: [String], followsLanguage: Bool) {
        self.sentences = sentences
        self.followsLanguage = followsLanguage
    }

    /// The intro's sentences for an article.
    func sentences(for article: Article) -> [String] {
        let phrases = SpokenPhrases.of(article.language)
        let headline = article.headline.trimmingCharacters(in: .whitespaces)
        let values: [String: String?] = [
            "{headline}": headline.isEmpty ? nil : headline.trimmingCharacters(in: CharacterSet(charactersIn: ".!?:;")),
            "{authors}": article.authors.isEmpty ? nil : phrases.list(article.authors),
            "{date}": article.published.map(phrases.spoken),
        ]
        let templates = !followsLanguage ? sentences : article.authors.count > 1 ? phrases.introSeveralAuthors : phrases.intro
        return templates.compactMap { template in
            var sentence = template
            for (key, value) in values where sentence.contains(key) {
                guard let value else { return nil }
                sentence = sentence.replacingOccurrences(of: key, with: value)
            }
            return sentence
        }
    }

    /// "A", "A and B", "A, B and C": as the English intro reads authors, and as the artist tag lists them.
    public static func list(_ names: [String]) -> String { SpokenPhrases.english.list(names) }
}
