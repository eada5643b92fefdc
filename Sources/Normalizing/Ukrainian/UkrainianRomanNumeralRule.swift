/// Roman numerals as ordinals agreeing with their noun: "у XX столітті" → "у двадцятому столітті",
/// "XIX ст." → "дев'ятнадцятого століття", "IV скликання", and regnal numbers after a name:
/// "Петро I" → "Петро Перший", "Карла III" → "Карла Третього". Cyrillic І and Х are accepted.
struct UkRomanNumeralRule: Rule {
    var name: String { "uk.roman" }
    var kind: String { "roman" }

    static let values: [Unicode.Scalar: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000,
                                                "І": 1, "Х": 10]
    static let feminineNames: Set<String> = ["єлизавета", "катерина", "марія", "анна", "вікторія", "ольга", "ізабелла", "христина"]
    static let century = UkNouns.lexicon["століття"]!

    /// The value of a well-formed numeral (I–MMM), or nil.
    static func value(_ s: [Unicode.Scalar]) -> Int? {
        guard !s.isEmpty, s.count <= 9 else { return nil }
        var total = 0
        for (i, ch) in s.enumerated() {
            guard let v = values[ch] else { return nil }
            if i + 1 < s.count, let next = values[s[i + 1]], next > v { total -= v } else { total += v }
        }
        guard total > 0, total < 4000, roman(total) == String(String.UnicodeScalarView(s.map { $0 == "І" ? "I" : $0 == "Х" ? "X" : $0 })) else { return nil }
        return total
    }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                                      (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (v, r) in table { while n >= v { out += r; n -= v } }
        return out
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .word, c.isUpper(p.start), let v = Self.value(Array(c.s[p.start..<p.end])) else { return nil }
        var end = p.end
        var second: Int? = nil
        if let d = c.at(end), d == "–" || d == "-" || d == "—", let q = c.piece(startingAt: end + 1), c.pieces[q].kind == .word,
           let v2 = Self.value(Array(c.s[c.pieces[q].start..<c.pieces[q].end])) {
            second = v2; end = c.pieces[q].end
        }
        let governed = UkGovernor.cases(c, before: p.start)
        func say(_ cs: UkCase, _ g: UkGender, plural: Bool = false) -> String {
            let one = UkNumberWords.ordinal(v, cs, g)
            guard let second else { return one }
            return one + "-" + UkNumberWords.ordinal(second, cs, g)
        }
        if let w = c.ukWord(after: end) {
            // "XX ст.": the century in the preposition's case (genitive by default).
            if w.text == "ст" || w.text == "cт" {
                var stop = w.end
                if c.isChar(stop, "."), !c.sentenceEndsUk(after: stop + 1) { stop += 1 }
                let cs = governed.first.map { $0 == .acc ? .acc : $0 } ?? .gen
                let plural = second != nil
                return found(p.start, stop, say(cs, .neut) + " " + Self.century.form(cs, plural: plural), rule: "uk.roman.century")
            }
            if let r = UkNouns.read(w.text), let noun = r.noun, !r.analyses.isEmpty {
                // "пам'ятка XVII століття", "депутат IX скликання": after a noun, the genitive.
                let afterNoun = c.wordBefore(p.start).map { !UkGovernor.isFunctionWord($0.text.lowercased()) } ?? false
                let a = r.analyses.first(where: { a in governed.contains(a.c) })
                    ?? (afterNoun ? r.analyses.first(where: { $0.c == .gen && !$0.plural }) : nil) ?? r.analyses[0]
                return found(p.start, end, say(a.c, a.plural && second == nil ? .plural : noun.gender))
            }
        }
        // A regnal number after a capitalized name (not a letter of a spelled acronym: "I T").
        let after = c.skipSpaces(end, max: 1)
        guard second == nil, !(c.isUpper(after) && !c.isLetter(after + 1)),
              let name = c.wordBefore(p.start), c.isUpper(name.start), name.text.count > 2,
              !name.text.unicodeScalars.allSatisfy({ $0.properties.isUppercase }) else { return nil }
        let (cs, g) = Self.nameForm(name.text.lowercased())
        let words = UkNumberWords.ordinal(v, cs, g, animate: true)
        return found(p.start, end, words.prefix(1).uppercased() + words.dropFirst(), rule: "uk.roman.regnal")
    }

    /// The case and gender of a name from its ending: "Петро" nominative, "Петра" genitive, "Єлизаветою" instrumental.
    static func nameForm(_ name: String) -> (UkCase, UkGender) {
        if feminineNames.contains(name) { return (.nom, .fem) }
        for f in feminineNames {
            let stem = String(f.dropLast())
            if name.hasPrefix(stem) {
                let ending = name.dropFirst(stem.count)
                switch ending {
                case "и", "ї": return (.gen, .fem)
                case "і": return (.loc, .fem)
                case "у", "ю": return (.acc, .fem)
                case "ою", "єю", "ею": return (.ins, .fem)
                default: return (.nom, .fem)
                }
            }
        }
        if name.hasSuffix("ом") || name.hasSuffix("ем") { return (.ins, .masc) }
        if name.hasSuffix("ові") || name.hasSuffix("еві") { return (.dat, .masc) }
        if name.hasSuffix("а") || name.hasSuffix("я") { return name == "петро" ? (.nom, .masc) : (.gen, .masc) }
        return (.nom, .masc)
    }
}
