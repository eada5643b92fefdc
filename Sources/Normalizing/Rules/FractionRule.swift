/// Fractions: "2/3" "two thirds", "1/4" "one quarter", "¾" "three quarters",
/// "1½" and "1 1/2" "one and a half". Slashes that are not fractions ("9/11") are read as numbers.
struct FractionRule: Rule {
    var name: String { "fraction" }
    var kind: String { "fraction" }

    static let vulgar: [Unicode.Scalar: (Int, Int)] = [
        "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5),
        "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8),
    ]
    static let denominators: Set<Int> = [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 20, 32, 64, 100, 128, 1000]

    /// A fraction as written in news: proper, in lowest terms, over a usual denominator ("12/20" is not).
    static func isCommon(_ num: Int, _ den: Int) -> Bool {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        return num > 0 && num < den && denominators.contains(den) && gcd(num, den) == 1
    }

    /// "rated it 9/10", "4.5/5 stars": a score out of five, ten or a hundred, where a rating is spoken of.
    static func score(_ c: RuleContext, _ p: Piece) -> RuleMatch? {
        guard p.kind == .number, !c.isDigit(p.start - 1), let n = c.number(at: p.start), c.isChar(n.end, "/"),
              let d = c.number(at: n.end + 1), d.isInteger, let b = d.intValue, [5, 10, 100].contains(b),
              !c.isAlnum(d.end), !c.isChar(d.end, "/"), let v = Double(c.text(n.start, n.end)), v <= Double(b) else { return nil }
        var rated = ["star", "stars"].contains(c.wordAfter(d.end)?.text.lowercased() ?? "")
        var o = n.start
        for _ in 0..<3 where !rated {
            guard let w = c.wordBefore(o) else { break }
            rated = scoreWords.contains(w.text.lowercased())
            o = w.start
        }
        guard rated else { return nil }
        let gb = c.british
        return RuleMatch(start: n.start, end: d.end, spoken: n.words(british: gb) + " out of " + d.words(british: gb),
                         kind: "number", rule: "number.score")
    }
    static let scoreWords: Set<String> = ["rated", "rate", "rates", "rating", "scored", "score", "scores", "gave", "give",
                                          "gives", "verdict", "graded", "ranked", "marks"]

    static func words(_ num: Int, _ den: Int, british: Bool) -> String {
        let unit: String
        switch den {
        case 2: unit = num == 1 ? "half" : "halves"
        case 4: unit = num == 1 ? "quarter" : "quarters"
        default:
            let o = NumberWords.ordinal(den)
            unit = num == 1 ? o : o + "s"
        }
        return NumberWords.cardinal(num, british: british) + " " + unit
    }

    /// "one and a half", "two and three quarters".
    static func mixed(_ whole: String, _ num: Int, _ den: Int, british: Bool) -> String {
        if num == 1 && den == 2 { return whole + " and a half" }
        if num == 1 && den == 4 { return whole + " and a quarter" }
        return whole + " and " + words(num, den, british: british)
    }

    /// "½ tsp", "1¼ tbsp": a written unit after the fraction, said after it; "" and `offset` if none.
    static func unitAfter(_ c: RuleContext, _ offset: Int, plural: Bool) -> (String, Int) {
        let o = c.skipSpaces(offset, max: 1)
        guard let (unit, end, written) = MeasureRule.unit(c, at: o, attached: o == offset) else { return ("", offset) }
        let gb = c.british
        let word = plural ? (gb ? unit.manyGB : unit.many) : (gb ? unit.oneGB : unit.one)
        return (" " + word + MeasureRule.keptPeriod(c, written, end), end)
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        let gb = c.british
        if p.kind == .other, let (a, b) = Self.vulgar[c.s[p.start]] {
            let (unit, end) = Self.unitAfter(c, p.end, plural: false)
            return found(p.start, end, Self.words(a, b, british: gb) + unit, rule: "fraction.vulgar")
        }
        if let score = Self.score(c, p) { return score }
        guard p.kind == .number, !c.isDigit(p.start - 1), let n = c.number(at: p.start), n.isInteger,
              let whole = n.intValue, !c.isChar(p.start - 1, "/") else { return nil }
        // 1½
        if let ch = c.at(n.end), let (a, b) = Self.vulgar[ch] {
            let (unit, end) = Self.unitAfter(c, n.end + 1, plural: true)
            return found(n.start, end, Self.mixed(n.words(british: gb), a, b, british: gb) + unit, rule: "fraction.mixed")
        }
        // 1 1/2
        if c.isChar(n.end, " "), let f = c.number(at: n.end + 1), f.isInteger, c.isChar(f.end, "/"),
           let d = c.number(at: f.end + 1), d.isInteger, let a = f.intValue, let b = d.intValue,
           a < b, Self.denominators.contains(b), !c.isAlnum(d.end), !c.isChar(d.end, "/") {
            return found(n.start, d.end, Self.mixed(n.words(british: gb), a, b, british: gb), rule: "fraction.mixed")
        }
        // "3/8ths": the ordinal suffix says it is a fraction, whatever the denominator.
        if c.isChar(n.end, "/"), let d = c.number(at: n.end + 1), d.isInteger, let b = d.intValue, b > 1, whole > 0,
           let w = c.piece(startingAt: d.end), c.pieces[w].kind == .word, !c.isAlnum(c.pieces[w].end),
           ["th", "ths", "rd", "rds", "nd", "nds", "st", "sts"].contains(c.text(of: w).lowercased()) {
            return found(n.start, c.pieces[w].end, Self.words(whole, b, british: gb), rule: "fraction.suffixed")
        }
        guard c.isChar(n.end, "/"), let d = c.number(at: n.end + 1), d.isInteger, let b = d.intValue,
              !c.isChar(d.end, "/") else { return nil }
        // A television slot, "8/7c": eight Eastern, seven Central.
        if c.isChar(d.end, "c"), !c.isAlnum(d.end + 1), (1...12).contains(whole), b == whole - 1 || (whole == 1 && b == 12) {
            return found(n.start, d.end + 1, n.words(british: gb) + ", " + d.words(british: gb) + " central", kind: "time", rule: "time.broadcast")
        }
        guard !c.isAlnum(d.end) else { return nil }
        // "a 1/4-inch bit", "a 1/2 cup": the article stands for the one ("a quarter-inch").
        if whole == 1, b > 1, Self.denominators.contains(b), let a = c.wordBefore(n.start), ["a", "A"].contains(a.text),
           a.start + a.text.count + 1 == n.start {
            let unit = String(Self.words(1, b, british: gb).drop { $0 != " " }.dropFirst())
            let article = "aeiou".contains(unit.first ?? "x") ? "an" : "a"
            return found(a.start, d.end, (a.text == "A" ? article.capitalized : article) + " " + unit)
        }
        // 2/3
        if whole < b, Self.denominators.contains(b), whole > 0 {
            return found(n.start, d.end, Self.words(whole, b, british: gb))
        }
        // A season or financial year, "2024/25": one year to the next.
        if n.isYearLike, (d.whole.count == 2 && b == (whole + 1) % 100) || (d.whole.count == 4 && b == whole + 1) {
            let tail = d.whole.count == 2 ? RangeRule.yearTail(b) : NumberWords.year(b, british: gb)
            return found(n.start, d.end, NumberWords.year(whole, british: gb) + " to " + tail, kind: "date", rule: "date.season")
        }
        // Blood pressure, "120/80": systolic over diastolic, in their ranges only ("80/20" is a split).
        if (70...260).contains(whole), (40...160).contains(b), whole > b, d.whole.count >= 2 {
            return found(n.start, d.end, n.words(british: gb) + " over " + d.words(british: gb), rule: "number.over")
        }
        return found(n.start, d.end, n.words(british: gb) + " " + d.words(british: gb), kind: "number", rule: "number.slashed")
    }
}
