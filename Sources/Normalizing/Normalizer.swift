import EditionCore

/// Turns written text into the words a listener should hear, then applies the voice's lexicon.
public struct Normalizer: Sendable {
    public var language: String
    public var lexicon: Lexicon

    public init(language: String = "en-US", lexicon: Lexicon = Lexicon()) {
        self.language = language
        self.lexicon = lexicon
    }

    public func normalize(_ text: String) -> NormalizedText {
        NormalizedText(source: text, spoken: text, rewrites: [])
    }
}
