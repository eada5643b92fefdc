import EditionCore

/// Turns written text into the words a listener should hear, then applies the voice's lexicon.
///
/// English text ("en-US" by default, British forms for "en-GB") goes through small rules, one per
/// class of text (`Rules/`); Ukrainian ("uk", "uk-UA") through its own (`Ukrainian/`); other
/// languages only get typography clean-up and the lexicon.
/// Every change is recorded as a `Rewrite` whose offsets count Unicode scalars.
public struct Normalizer: Sendable {
    public var language: String
    public var lexicon: Lexicon
    private let dialect: Dialect
    private let matcher: LexiconMatcher

    public init(language: String = "en-US", lexicon: Lexicon = Lexicon()) {
        self.language = language
        self.lexicon = lexicon
        dialect = Dialect(language: language)
        matcher = LexiconMatcher(lexicon)
    }

    /// The rules in the order they are tried at each place in the text; the first that matches wins.
    static let englishRules: [any Rule] = [
        DigitsRule(), WebRule(), PhoneRule(), MoneyRule(), SignRule(), DateRule(), JoinedRangeRule(), TimeRule(), RangeRule(),
        SymbolRule(), FractionRule(), PercentRule(), MeasureRule(), AddressRule(), YearRule(), DesignationRule(),
        NumberRule(), PartyRule(), TitleRule(), RomanNumeralRule(), PlaceRule(), AcronymRule(), TypographyRule(),
    ]
    static let ukrainianRules: [any Rule] = [
        UkPhoneRule(), UkDateRule(), UkTimeRule(), UkYearRule(), UkMoneyRule(), UkPercentRule(), UkMeasureRule(),
        UkSignRule(), UkNumberRule(), UkRomanNumeralRule(), UkAbbreviationRule(), UkAcronymRule(), TypographyRule(),
    ]
    static let otherRules: [any Rule] = [TypographyRule()]

    static func rules(for dialect: Dialect) -> [any Rule] {
        switch dialect {
        case .american, .british: return englishRules
        case .ukrainian: return ukrainianRules
        case .other: return otherRules
        }
    }

    /// Is `word`, in any case, in the system's English word lists (Debian's wamerican and
    /// wbritish), names included? espeak-ng's spelling rules read such words well enough.
    public static func isDictionaryWord(_ word: String) -> Bool {
        let w = word.lowercased()
        return Vocabulary.isWord(w) || Vocabulary.names.contains(w)
    }

    /// Lower-case short forms a rule reads with nothing before them ("rose 1.9% yoy in Q2", "the wk
    /// of Sept. 9"), taken from the rule's own table: the fast path above must not skip them.
    static let lowerShortForms = Set(TitleRule.shortForms.map(\.written).filter { w in
        w.unicodeScalars.allSatisfy { $0.properties.isLowercase } })
    static let lowerShortFormInitials = Set(lowerShortForms.compactMap(\.unicodeScalars.first))
    static let lowerShortFormLength = lowerShortForms.map(\.unicodeScalars.count).max() ?? 0

    /// The names of every rule, for documentation and `--explain`.
    public static var ruleNames: [String] { englishRules.map(\.name) }

    /// The names of the rules a language's text goes through ("uk" lists the Ukrainian ones).
    public static func ruleNames(language: String) -> [String] { rules(for: Dialect(language: language)).map(\.name) }

    public func normalize(_ text: String) -> NormalizedText {
        let ctx = RuleContext(text, dialect: dialect)
        ctx.rules = Self.rules(for: dialect)
        let s = ctx.s
        var spoken: [UInt8] = []
        spoken.reserveCapacity(s.count + s.count / 4 + 16)
        var spokenCount = 0
        var last: Unicode.Scalar? = nil
        var rewrites: [Rewrite] = []
        var copied = 0

        func copy(upTo end: Int) {
            guard end > copied else { return }
            ctx.appendBytes(copied, end, to: &spoken)
            spokenCount += end - copied
            last = s[end - 1]
            copied = end
        }

        let pieces = ctx.pieces
        var i = 0
        while i < pieces.count {
            let piece = pieces[i]
            if piece.start < copied { i += 1; continue }
            // Plain lower-case words followed by a space or a comma, and single spaces, are what
            // most text is: no rule starts there, so skip them fast.
            // (A lower-case word before a number may be a month: "aug 9".)
            if piece.kind == .word, s[piece.start].value &- 0x61 < 26, let next = ctx.at(piece.end), next == " " || next == ",",
               !(next == " " && ctx.isDigit(piece.end + 1)),
               piece.end - piece.start > Self.lowerShortFormLength || !Self.lowerShortFormInitials.contains(s[piece.start])
                || !Self.lowerShortForms.contains(ctx.text(of: i)) {
                i += 1; continue
            }
            if piece.kind == .space, piece.end == piece.start + 1, s[piece.start] == " ",
               let next = ctx.at(piece.end), next.value < 0x80, next != "-", next != "|" {
                i += 1; continue
            }
            var found: RuleMatch?
            for rule in ctx.rules {
                if let m = rule.match(ctx, at: i), m.start >= copied { found = m; break }
            }
            if let m = found, m.start >= copied, m.end > m.start {
                copy(upTo: m.start)
                var replacement = m.spoken
                if let f = replacement.unicodeScalars.first, TextScanner.isLetter(f) || TextScanner.isDigit(f),
                   let l = last, TextScanner.isLetter(l) || TextScanner.isDigit(l) {
                    replacement = " " + replacement
                }
                if let l = replacement.unicodeScalars.last, TextScanner.isLetter(l) || TextScanner.isDigit(l),
                   ctx.isAlnum(m.end) {
                    replacement += " "
                }
                let original = ctx.text(m.start, m.end)
                if replacement == original {
                    copy(upTo: m.end)
                } else {
                    let count = replacement.unicodeScalars.count
                    rewrites.append(Rewrite(sourceStart: m.start, sourceEnd: m.end,
                                            spokenStart: spokenCount, spokenEnd: spokenCount + count,
                                            original: original, replacement: replacement,
                                            kind: m.kind, rule: m.rule))
                    spoken.append(contentsOf: replacement.utf8)
                    spokenCount += count
                    last = replacement.unicodeScalars.last ?? last
                    copied = m.end
                }
            }
            i += 1
        }
        copy(upTo: s.count)
        let normalized = NormalizedText(source: text, spoken: String(decoding: spoken, as: UTF8.self), rewrites: rewrites)
        return matcher.isEmpty ? normalized : matcher.apply(to: normalized)
    }
}
