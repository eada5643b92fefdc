import EditionCore

/// A text and its spoken form, with every rewrite that turned one into the other.
/// Offsets count Unicode scalars, as espeak-ng's `text_position` does.
public struct NormalizedText: Sendable, Equatable {
    public var source: String
    public var spoken: String
    /// Rewrites in source order; spans of the source outside them are spoken as written.
    public var rewrites: [Rewrite]

    public init(source: String, spoken: String, rewrites: [Rewrite]) {
        self.source = source
        self.spoken = spoken
        self.rewrites = rewrites
    }

    /// One token per source word or rewritten span, each with the spoken scalars it became.
    /// A rewritten span ("$1.5 billion") is one token however many words it is spoken as.
    /// Punctuation a rule rewrote (a curly apostrophe or quote) stays part of the word it
    /// touches, so "Russia’s" and "“We" are shown as written, not as "Russia", "s" and "We".
    public var tokens: [Token] {
        let src = Array(source.unicodeScalars)
        var tokens: [Token] = []
        var sourcePos = 0
        var shift = 0  // spoken offset minus source offset outside rewrites
        var lastEnd = -1  // source end of the last token
        var glue: (text: String, end: Int, joinsLast: Bool)?  // rewritten punctuation touching a word

        func addWords(upTo end: Int) {
            var i = sourcePos
            while i < end {
                while i < end, src[i].properties.isWhitespace { i += 1 }
                let start = i
                while i < end, !src[i].properties.isWhitespace { i += 1 }
                if i > start, src[start..<i].contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                    var view = String.UnicodeScalarView(); view.append(contentsOf: src[start..<i])
                    var text = String(view)
                    if let g = glue, g.end == start {
                        if g.joinsLast, !tokens.isEmpty {
                            tokens[tokens.count - 1].source += text
                            tokens[tokens.count - 1].spokenEnd = i + shift
                            glue = nil
                            lastEnd = i
                            continue
                        }
                        text = g.text + text
                    }
                    glue = nil
                    tokens.append(Token(source: text, spokenStart: start + shift, spokenEnd: i + shift))
                    lastEnd = i
                }
            }
        }

        for rewrite in rewrites {
            addWords(upTo: rewrite.sourceStart)
            if !rewrite.replacement.isEmpty,
               rewrite.replacement.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                tokens.append(Token(source: rewrite.original, spokenStart: rewrite.spokenStart, spokenEnd: rewrite.spokenEnd))
                lastEnd = rewrite.sourceEnd
                glue = nil
            } else if !rewrite.original.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
                        && !rewrite.original.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                if lastEnd == rewrite.sourceStart, !tokens.isEmpty {
                    tokens[tokens.count - 1].source += rewrite.original
                    lastEnd = rewrite.sourceEnd
                    glue = ("", rewrite.sourceEnd, true)
                } else {
                    glue = (rewrite.original, rewrite.sourceEnd, false)
                }
            }
            sourcePos = rewrite.sourceEnd
            shift = rewrite.spokenEnd - rewrite.sourceEnd
        }
        addWords(upTo: src.count)
        return tokens
    }
}

/// One change the normalizer made: which span, of what class, said how, by which rule.
public struct Rewrite: Codable, Sendable, Equatable {
    public var sourceStart: Int
    public var sourceEnd: Int
    public var spokenStart: Int
    public var spokenEnd: Int
    public var original: String
    public var replacement: String
    /// The class of text: "money", "date", "acronym"…
    public var kind: String
    /// The stable name of the rule that made it, for `--explain`.
    public var rule: String

    public init(sourceStart: Int, sourceEnd: Int, spokenStart: Int, spokenEnd: Int,
                original: String, replacement: String, kind: String, rule: String) {
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
        self.spokenStart = spokenStart
        self.spokenEnd = spokenEnd
        self.original = original
        self.replacement = replacement
        self.kind = kind
        self.rule = rule
    }
}

