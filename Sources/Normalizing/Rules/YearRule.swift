/// Years read as years ("1989" "nineteen eighty-nine", "2003" "two thousand three",
/// "2023" "twenty twenty-three") and decades ("1970s", "'60s", "in her 20s").
struct YearRule: Rule {
    var name: String { "date.year" }
    var kind: String { "date" }

    static let yearWords: Set<String> = ["in", "since", "of", "by", "until", "from", "before", "after", "year", "around", "circa", "ca"]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        let gb = c.british
        // '60s, ’90s
        if p.kind == .other, c.s[p.start] == "'" || c.s[p.start] == "\u{2019}" || c.s[p.start] == "\u{2018}",
           let n = c.number(at: p.start + 1), n.isInteger, n.whole.count == 2, n.whole.last == "0",
           c.isChar(n.end, "s"), !c.isAlnum(n.end + 1) {
            return found(p.start, n.end + 1, NumberWords.decade(Int(n.whole)!, british: gb), rule: "date.decade")
        }
        // '09, ’24: a year cut short ("since '09"), not a quoted number ("'12'").
        if p.kind == .other, c.s[p.start] == "'" || c.s[p.start] == "\u{2019}", !c.isAlnum(p.start - 1),
           let n = c.number(at: p.start + 1), n.isInteger, n.whole.count == 2, let v = n.intValue,
           !c.isAlnum(n.end), !c.isChar(n.end, "'"), !c.isChar(n.end, "\u{2019}"), !c.isChar(n.end, "%"),
           !(c.isChar(n.end, ".") && c.isDigit(n.end + 1)) {
            return found(p.start, n.end, RangeRule.yearTail(v), rule: "date.short-year")
        }
        guard p.kind == .number, let n = c.number(at: p.start), n.isInteger, !n.grouped,
              !c.isDigit(p.start - 1) else { return nil }
        // "under-16s", "the over-75s": an age group, said as a plural number.
        if n.whole.count <= 2, c.isChar(p.start - 1, "-"), c.isChar(n.end, "s"), !c.isAlnum(n.end + 1), let v = n.intValue,
           let w = c.wordBefore(p.start - 1), ["under", "over"].contains(w.text.lowercased()), w.start + w.text.unicodeScalars.count == p.start - 1 {
            return found(n.start, n.end + 1, NumberWords.pluralize(NumberWords.underHundred(v)), rule: "date.age-group")
        }
        // 1970s, 1970's, 20s
        if (n.whole.count == 4 || n.whole.count == 2), n.whole.last == "0" {
            var e = n.end
            if c.isChar(e, "'") || c.isChar(e, "\u{2019}") { e += 1 }
            if c.isChar(e, "s"), !c.isAlnum(e + 1), let v = n.intValue, n.whole.count == 2 || v >= 1000 {
                return found(n.start, e + 1, NumberWords.decade(v, british: gb), rule: "date.decade")
            }
        }
        guard let y = n.intValue, !c.isLetter(n.end) else { return nil }
        if !n.isYearLike {
            // 1000–1099 only after a word that introduces a year ("in 1066").
            guard n.whole.count == 4, y >= 1000, y < 1100,
                  let w = c.wordBefore(n.start)?.text.lowercased(), Self.yearWords.contains(w) else { return nil }
        }
        // A year is not followed by a decimal part, a time or a thousands group.
        if c.isChar(n.end, ":") && c.isDigit(n.end + 1) { return nil }
        return found(n.start, n.end, NumberWords.year(y, british: gb))
    }
}
