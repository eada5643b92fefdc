/// Written numbers as Ukrainian writes them ("2 300", "2,5") and counted phrases agreeing in
/// case and gender: "5 млрд грн" → "п'ять мільярдів гривень". Shared by every Ukrainian rule.
extension RuleContext {
    /// Is the scalar at `o` a space that may group thousands (plain, no-break, thin, narrow no-break)?
    func isGroupSpace(_ o: Int) -> Bool {
        guard let c = at(o) else { return false }
        return c == " " || c == "\u{00A0}" || c == "\u{202F}" || c == "\u{2009}"
    }

    /// The number at `offset`: "2 300" (groups of three after a space), "2,5" / "2.5" (decimal).
    func ukNumber(at offset: Int) -> NumberLiteral? {
        guard isDigit(offset), !isDigit(offset - 1) else { return nil }
        var o = offset
        while isDigit(o) { o += 1 }
        var whole = text(offset, o)
        var grouped = false
        if o - offset <= 3 {
            while isGroupSpace(o), isDigit(o + 1), isDigit(o + 2), isDigit(o + 3), !isDigit(o + 4) {
                whole += text(o + 1, o + 4)
                o += 4
                grouped = true
            }
        }
        var fraction: Substring?
        if isChar(o, ",") || isChar(o, "."), isDigit(o + 1) {
            var e = o + 1
            while isDigit(e) { e += 1 }
            // "1.2.3" is no decimal.
            if !(isChar(e, ".") && isDigit(e + 1)) && !(isChar(e, ",") && isDigit(e + 1)) {
                fraction = Substring(text(o + 1, e))
                o = e
            }
        }
        return NumberLiteral(start: offset, end: o, whole: Substring(whole), fraction: fraction, grouped: grouped)
    }

    /// The lower-cased word starting at `offset` after at most one space, with its end.
    func ukWord(after offset: Int) -> (text: String, start: Int, end: Int)? {
        let o = skipSpaces(offset, max: 1)
        guard isLetter(o), let w = piece(startingAt: o), pieces[w].kind == .word else { return nil }
        var end = pieces[w].end
        // "з'їзд", "сім'ї": an apostrophe inside a word.
        while let a = at(end), a == "'" || a == "\u{2019}" || a == "\u{02BC}", isLetter(end + 1) {
            end += 1
            while isLetter(end) { end += 1 }
        }
        // Typographic apostrophes as the plain one the tables use (scalar by scalar: Foundation's
        // replacingOccurrences was an eighth of Ukrainian normalization).
        var word = text(o, end).lowercased()
        if word.unicodeScalars.contains(where: { $0 == "\u{2019}" || $0 == "\u{02BC}" }) {
            var plain = String.UnicodeScalarView()
            plain.append(contentsOf: word.unicodeScalars.map { $0 == "\u{2019}" || $0 == "\u{02BC}" ? "'" : $0 })
            word = String(plain)
        }
        return (word, o, end)
    }
}

enum UkQuantity {
    /// Written scales: "тис." → тисяча … "трлн" → трильйон, by index into `UkNumberWords.scales`.
    static let scaleAbbreviations: [String: Int] = ["тис": 0, "тисяч": 0, "млн": 1, "мільйон": 1, "млрд": 2, "мільярд": 2, "трлн": 3]

    /// A scale written after a number ("5 млн", "2,5 млрд.", "3 тисячі"), as (scale index, end offset).
    static func scale(_ c: RuleContext, after offset: Int) -> (index: Int, end: Int)? {
        guard let w = c.ukWord(after: offset) else { return nil }
        if let k = scaleAbbreviations[w.text] {
            return (k, c.isChar(w.end, ".") && !c.sentenceEndsUk(after: w.end + 1) ? w.end + 1 : w.end)
        }
        for (k, s) in UkNumberWords.scales.enumerated() where !s.analyses(of: w.text).isEmpty { return (k, w.end) }
        return nil
    }

    /// The number words alone, agreeing with a noun of gender `g` in case `c`.
    static func words(_ n: NumberLiteral, _ c: UkCase, _ g: UkGender = .masc, animate: Bool = false) -> String {
        if let f = n.fraction {
            // "півтора року", "протягом півтора року": newsreaders keep it in the genitive too.
            if n.whole == "1", f == "5", c == .nom || c == .acc || c == .gen { return g == .fem ? "півтори" : "півтора" }
            return UkNumberWords.decimal(whole: n.whole, fraction: f, c)
        }
        return UkNumberWords.cardinal(digits: n.whole, c, g, animate: animate)
    }

    static func count(_ n: NumberLiteral) -> UkCount {
        if n.fraction != nil { return .fraction }
        guard let v = Int(n.whole.suffix(4)) else { return .many }
        return UkCount(v)
    }

    /// "п'ять мільярдів гривень": a number, an optional scale, and the counted noun, in case `c`.
    /// After a scale the noun is always in the genitive plural.
    static func phrase(_ n: NumberLiteral, scale: Int? = nil, _ c: UkCase, noun: UkNoun?) -> String {
        var parts: [String] = []
        if let k = scale {
            let s = UkNumberWords.scales[k]
            parts.append(words(n, c, s.gender))
            parts.append(s.counted(count(n), c))
            if let noun { parts.append(noun.form(.gen, plural: noun.singular[0] != "євро")) }
        } else if let noun {
            parts.append(words(n, c, noun.gender, animate: noun.animate))
            parts.append(noun.counted(count(n), c))
        } else {
            parts.append(words(n, c))
        }
        return parts.joined(separator: " ")
    }
}

extension RuleContext {
    /// Does a sentence end at `offset` (end of text, a line break, or space then a capital)?
    func sentenceEndsUk(after offset: Int) -> Bool {
        if offset >= count { return true }
        guard isSpace(offset) else { return false }
        let o = skipSpaces(offset, max: 8)
        guard o < count else { return true }
        if s[offset..<o].contains("\n") { return true }
        return isUpper(o)
    }
}

/// A number (or a range "5–7") with an optional scale at `offset`, the shared front of the
/// money, percent and measure rules.
struct UkAmount {
    var first: NumberLiteral?
    var number: NumberLiteral
    var scale: Int?
    var end: Int

    init?(_ c: RuleContext, at offset: Int) {
        guard let n = c.ukNumber(at: offset) else { return nil }
        number = n
        if let d = c.at(n.end), d == "–" || d == "-" || d == "—", let m = c.ukNumber(at: n.end + 1) { first = n; number = m }
        end = number.end
        if let s = UkQuantity.scale(c, after: end) { scale = s.index; end = s.end }
    }

    /// "п'ять-сім мільйонів гривень": the phrase in case `cs` with the noun counted.
    func say(_ cs: UkCase, noun: UkNoun?) -> String {
        let phrase = UkQuantity.phrase(number, scale: scale, cs, noun: noun)
        guard let first else { return phrase }
        let g = scale.map { UkNumberWords.scales[$0].gender } ?? noun?.gender ?? .masc
        return UkQuantity.words(first, cs, g) + "-" + phrase
    }
}
