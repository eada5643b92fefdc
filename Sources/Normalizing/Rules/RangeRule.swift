/// Ranges and scores: "2016–2019", "2023-24", "30–34", "10-12 percent", "5-10 km",
/// "Tuesday–Thursday", and scores "3-0" ("three to nothing"; British "three nil").
struct RangeRule: Rule {
    var name: String { "range" }
    var kind: String { "range" }

    static func isRangeDash(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "\u{2013}" || c == "\u{2014}" }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        let gb = c.british
        if p.kind == .word {
            guard c.isUpper(p.start) else { return nil }
            // "Tuesday–Thursday", "Mon-Fri", "Sept.-May": a weekday or month written short is said whole.
            func name(_ w: String) -> String? {
                if Vocabulary.weekdays.contains(w) { return w }
                if let month = Vocabulary.months[w] { return month }
                return TitleRule.weekdays.contains(w) ? TitleRule.plain[w] : nil
            }
            let written = c.text(of: index)
            let dash = c.isChar(p.end, ".") && name(written) != written ? p.end + 1 : p.end
            guard let d = c.at(dash), d == "\u{2013}" || d == "-", let first = name(written),
                  let next = c.wordAfter(dash + 1), next.start == dash + 1, let second = name(next.text) else { return nil }
            let end = c.isChar(next.end, ".") && name(next.text) != next.text && !c.sentenceEnds(after: next.end + 1) ? next.end + 1 : next.end
            return found(p.start, end, first + " to " + second, rule: "range.words")
        }
        guard p.kind == .number, !c.isDigit(p.start - 1), !c.isChar(p.start - 1, "-"),
              let a = c.number(at: p.start) else { return nil }
        // The dash: a hyphen touches both numbers; an en dash may have spaces around it.
        var o = a.end
        guard let d = c.at(o), Self.isRangeDash(d) else {
            if c.isChar(o, " "), c.isChar(o + 1, "\u{2013}"), c.isChar(o + 2, " ") { return span(c, a, from: o + 3) }
            return nil
        }
        o += 1
        return span(c, a, from: o)
    }

    static let shares: Set<String> = ["split", "chance", "shot", "odds", "mix", "ratio", "blend", "division", "share", "deal"]

    /// Is the number at `start` named by "No.", "#", "case" or "docket" before it?
    static func namesNumber(_ c: RuleContext, _ start: Int) -> Bool {
        var o = c.skipBack(start)
        if c.isChar(o, "#") { return true }
        if c.isChar(o, ".") { o -= 1 }
        guard let w = c.wordBefore(o + 1)?.text.lowercased() else { return false }
        return ["no", "case", "docket", "nos"].contains(w) && (c.isChar(o + 1, ".") || w != "no")
    }

    /// A year's last two digits as said after its century ("twenty-four", "oh nine").
    static func yearTail(_ z: Int) -> String { z < 10 ? "oh " + NumberWords.ones[z] : NumberWords.underHundred(z) }

    private func span(_ c: RuleContext, _ a: NumberLiteral, from o: Int) -> RuleMatch? {
        let gb = c.british
        let before = c.wordBefore(a.start)
        let to = before?.text.lowercased() == "between" ? " and " : " to "
        if let before, DesignationRule.makers.contains(before.text) { return nil }  // "Boeing 737-800" is a model
        // "18-29-year-olds": a range may go on into a compound, but not into a third number.
        guard let b = c.number(at: o), !(c.isChar(b.end, "-") && !c.isLetter(b.end + 1)), !(c.isChar(b.end, ".") && c.isDigit(b.end + 1)) else { return nil }
        // "a 50-50 chance", "a 60-40 split": shares of a whole, said as a pair.
        if let x = a.intValue, let y = b.intValue, a.isInteger, b.isInteger, x + y == 100, !c.isAlnum(b.end),
           x == y || (c.wordAfter(b.end).map { Self.shares.contains($0.text) } ?? false) {
            return found(a.start, b.end, a.words(british: gb) + "-" + b.words(british: gb), kind: "symbol", rule: "range.shares")
        }
        // "case No. 22-451", "docket 23-cv": a number that names, not a range.
        if a.isInteger, b.isInteger, !c.isLetter(b.end), Self.namesNumber(c, a.start) {
            return found(a.start, b.end, NumberWords.designation(a.whole) + ", " + NumberWords.designation(b.whole), kind: "digits", rule: "digits.docket")
        }
        if NumberRule.ordinalSuffixEnd(c, at: b.end) != nil || NumberRule.ordinalSuffixEnd(c, at: a.end) != nil { return nil }
        // Years: 2016–2019, 2023-24, 1939–45.
        if a.isYearLike, let y = a.intValue, let z = b.intValue, b.isInteger, !c.isLetter(b.end) {
            if b.isYearLike && z > y {
                return found(a.start, b.end, NumberWords.year(y, british: gb) + to + NumberWords.year(z, british: gb), rule: "range.years")
            }
            if b.whole.count == 2, z > y % 100 {
                return found(a.start, b.end, NumberWords.year(y, british: gb) + to + Self.yearTail(z), rule: "range.years")
            }
        }
        // "3-1=2" is a sum, not a range.
        if c.isChar(a.end, "-"), c.isChar(b.end, "=") || (c.isChar(b.end, " ") && c.isChar(b.end + 1, "=")) {
            return found(a.start, b.end, a.words(british: gb) + " minus " + b.words(british: gb), kind: "symbol", rule: "symbol.minus")
        }
        var end = b.end
        var suffix = ""
        let o2 = c.skipSpaces(end, max: 1)
        if c.isChar(o2, "%") {
            suffix = gb ? " per cent" : " percent"; end = o2 + 1
        } else if let (unit, uEnd, written) = MeasureRule.unit(c, at: o2, attached: o2 == end) {
            suffix = " " + (gb ? unit.manyGB : unit.many) + MeasureRule.keptPeriod(c, written, uEnd); end = uEnd
        } else if c.isChar(end, "\"") || c.isChar(end, "\u{2033}"), !c.isAlnum(end + 1), Self.noQuoteOpen(c, before: a.start) {
            // "8-10\" in the hills": an inch mark where no quotation is open.
            suffix = " inches"; end += 1
        } else if c.isLetter(b.end) {
            return nil
        }
        // A score: "3-0"; British "two one", "one all", "nil nil" (a pair that falls is no range).
        if suffix.isEmpty, c.isChar(a.end, "-") || c.isChar(a.end, "\u{2013}"), a.isInteger, b.isInteger, let x = a.intValue, let y = b.intValue {
            // Tennis sets, "6-4, 3-6, 7-6": in a list of scores a lost set is said the same way.
            if gb, x < 20, y < 20, y > x, Self.inScoreList(c, a.start, end) {
                return found(a.start, end, a.words(british: gb) + " " + b.words(british: gb), rule: "range.score")
            }
            if gb, x < 20, y <= x {
                let words = x == 0 ? "nil nil" : y == x ? a.words(british: gb) + " all" : a.words(british: gb) + " " + (y == 0 ? "nil" : b.words(british: gb))
                return found(a.start, end, words, rule: "range.score")
            }
            if y == 0, x > 0, x < 100 {
                return found(a.start, end, a.words(british: gb) + (gb ? " nil" : " to nothing"), rule: "range.score")
            }
            // A season's record, wins and losses: "went 10-2", "a 10-2 record" ("ten and two").
            if x < 200, y < 200, before?.text.lowercased() == "went" || c.wordAfter(end)?.text.lowercased() == "record"
                || Self.seasonFollows(c, end) {
                return found(a.start, end, a.words(british: gb) + " and " + b.words(british: gb), rule: "range.record")
            }
        }
        // British "nought to sixty": a range from zero says it the British way.
        let first = gb && a.isInteger && a.intValue == 0 ? "nought" : a.words(british: gb)
        return found(a.start, end, first + to + b.words(british: gb) + suffix)
    }

    /// "8-2 this season", "10-2 on the season": the season named within three words after.
    static func seasonFollows(_ c: RuleContext, _ end: Int) -> Bool {
        var o = end
        for _ in 0..<3 {
            guard let w = c.wordAfter(o), c.text(o, w.start).allSatisfy({ $0 == " " }) else { return false }
            if w.text.lowercased() == "season" { return true }
            o = w.end
        }
        return false
    }

    /// Whether the double quotes in the 400 scalars before `offset` are balanced, so a "\"" after a
    /// number is no closing quote (bounded, so a hostile line of ranges stays linear).
    static func noQuoteOpen(_ c: RuleContext, before offset: Int) -> Bool {
        var open = false
        for i in max(0, offset - 400)..<offset where c.isChar(i, "\"") { open.toggle() }
        return !open
    }

    /// Is the pair at `start..<end` one of a comma-separated run of scores ("6-4, 3-6")?
    static func inScoreList(_ c: RuleContext, _ start: Int, _ end: Int) -> Bool {
        func pair(_ o: Int) -> Bool { c.isDigit(o) && (c.isChar(o + 1, "-") && c.isDigit(o + 2) || c.isChar(o + 2, "-") && c.isDigit(o + 3)) }
        let before = c.isChar(start - 2, ",") && c.isChar(start - 1, " ") && c.isDigit(start - 3) && (c.isChar(start - 4, "-") || c.isChar(start - 5, "-"))
        let after = c.isChar(end, ",") && c.isChar(end + 1, " ") && pair(end + 2)
        return before || after
    }
}
