/// Dates: US "July 4, 2023", UK "9 May 2022", ISO "2023-11-02", slashed "11/2/2023",
/// abbreviated months ("Feb.", "Sept. 14"), month and year ("May 2022"), day ranges ("May 3–5").
/// US English says "July fourth"; British "July the fourth" and "the fourth of July".
struct DateRule: Rule {
    var name: String { "date" }
    var kind: String { "date" }

    static func day(_ c: RuleContext, at o: Int) -> (Int, Int)? {
        guard let n = c.number(at: o), n.isInteger, n.whole.count <= 2, let d = n.intValue, d >= 1, d <= 31 else { return nil }
        var end = n.end
        if let e = NumberRule.ordinalSuffixEnd(c, at: end) { end = e }
        if c.isAlnum(end) || (c.isChar(end, ":") && c.isDigit(end + 1)) || (c.isChar(end, ".") && c.isDigit(end + 1)) { return nil }
        return (d, end)
    }

    /// A 4-digit year after ", " or " " at `o`.
    static func year(_ c: RuleContext, at o: Int) -> (Int, Int, Bool)? {
        var p = o, comma = false
        if c.isChar(p, ",") { p += 1; comma = true }
        guard c.isChar(p, " ") else { return nil }
        p += 1
        guard let n = c.number(at: p), n.isYearLike || (n.whole.count == 4 && !n.grouped && n.isInteger),
              !c.isAlnum(n.end), let y = n.intValue else { return nil }
        if c.isChar(n.end, "%") || (c.isChar(n.end, ",") && c.isDigit(n.end + 1)) { return nil }
        return (y, n.end, comma)
    }

    func spoken(month: String, day: Int?, year: Int?, dayFirst: Bool, british: Bool) -> String {
        var s: String
        if let day {
            let ord = NumberWords.ordinal(day)
            if dayFirst { s = "the \(ord) of \(month)" }
            else { s = british ? "\(month) the \(ord)" : "\(month) \(ord)" }
        } else { s = month }
        if let year { s += (day != nil ? ", " : " ") + NumberWords.year(year, british: british) }
        return s
    }

    /// A month's name at a word: "March", "Feb.", and in other cases ("aug", "FEB.", "AUGUST");
    /// `cased` is false for those, which count as a month only beside a day or a year.
    func month(_ c: RuleContext, wordAt index: Int) -> (name: String, end: Int, abbreviated: Bool, cased: Bool)? {
        let p = c.pieces[index]
        guard p.kind == .word else { return nil }
        let w = c.text(of: index)
        var cased = true
        var full = Vocabulary.months[w]
        if full == nil, w == w.uppercased() || (w == w.lowercased() && w != "may") {
            full = Vocabulary.months[w.capitalized]
            cased = false
        }
        guard let full, c.isUpper(p.start) || !cased else { return nil }
        if w.capitalized != full {  // abbreviation: "Feb." or "Feb 5"
            if c.isChar(p.end, ".") { return (full, p.end + 1, true, cased) }
            return (full, p.end, true, cased)
        }
        return (full, p.end, false, cased)
    }

    /// "the" just before `o` ("on the 4th June"): the date then says its own "the" once.
    static func theBefore(_ c: RuleContext, _ o: Int) -> Bool {
        c.wordBefore(o)?.text.lowercased() == "the"
    }

    /// Numeric dates with the year first ("2021/03/04", "2021.03.04") or last with dots
    /// ("04.03.2021", day first as in most of the world). Read from digit runs: a decimal
    /// scan would take "04.03" for a number.
    /// Words after which a slashed month and day is a date ("on 12/25").
    static let beforeDay: Set<String> = ["on", "until", "till", "since", "through", "thru"]
    /// "shot 8/13", "went 5/14": made of attempted, not a date.
    static let shotWords: Set<String> = ["shot", "shoots", "went", "goes", "made", "hit", "completed", "converted", "was", "is"]
    /// Words after which it is a date unless it is also a common fraction in lowest terms
    /// ("for 10/15", "opens 12/20", "is 3/15", but "for 3/4 of an hour", "cut by 1/3").
    static let beforeDayUnlessFraction: Set<String> = [
        "for", "by", "before", "after", "opens", "opened", "starts", "started", "begins", "began", "ends", "ended",
        "airs", "aired", "due", "expires", "expired", "closes", "closed", "launches", "launched", "dated", "released",
        "is", "was",
    ]

    func numeric(_ c: RuleContext, at start: Int) -> RuleMatch? {
        let gb = c.british
        func run(_ o: Int) -> (value: Int, count: Int, end: Int)? {
            var e = o
            while c.isDigit(e), e - o < 5 { e += 1 }
            guard e > o, !c.isDigit(e), let v = Int(c.text(o, e)) else { return nil }
            return (v, e - o, e)
        }
        guard let n = run(start) else { return nil }
        for separator in ["/", "."] as [Unicode.Scalar] {
            guard c.isChar(n.end, separator), let m = run(n.end + 1), m.count <= 2,
                  c.isChar(m.end, separator), let l = run(m.end + 1), !c.isAlnum(l.end),
                  !(c.isChar(l.end, separator) && c.isDigit(l.end + 1)) else { continue }
            if n.count == 4, l.count <= 2, (1...12).contains(m.value), (1...31).contains(l.value) {
                return found(start, l.end, spoken(month: Vocabulary.monthNumbers[m.value - 1], day: l.value, year: n.value, dayFirst: gb, british: gb), rule: "date.year-first")
            }
            // "04.03.2021", "4.3.21": day first wherever dots are written (a version with a cue was taken before).
            if separator == ".", n.count <= 2, l.count == 4 || l.count == 2, (1...12).contains(m.value), (1...31).contains(n.value) {
                let year = l.count == 4 ? l.value : l.value + (l.value < 50 ? 2000 : 1900)
                return found(start, l.end, spoken(month: Vocabulary.monthNumbers[m.value - 1], day: n.value, year: year, dayFirst: gb, british: gb), rule: "date.dotted")
            }
        }
        return nil
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        let gb = c.british
        if p.kind == .word {
            guard let (name, mEnd, abbreviated, cased) = month(c, wordAt: index) else { return nil }
            if c.isChar(mEnd, " "), let (d, dEnd) = Self.day(c, at: mEnd + 1) {
                // May 3–5
                if let dash = c.at(dEnd), dash == "\u{2013}" || dash == "-", let (d2, d2End) = Self.day(c, at: dEnd + 1), d2 > d {
                    let words = gb ? "\(name) the \(NumberWords.ordinal(d)) to the \(NumberWords.ordinal(d2))"
                                   : "\(name) \(NumberWords.ordinal(d)) to \(NumberWords.ordinal(d2))"
                    return found(p.start, d2End, words, rule: "date.range")
                }
                // "Nov. 1-Jan. 15": from one month's day to another's.
                if let dash = c.at(dEnd), dash == "\u{2013}" || dash == "-", let w2 = c.piece(startingAt: dEnd + 1),
                   let (name2, m2End, _, _) = month(c, wordAt: w2), c.isChar(m2End, " "), let (d2, d2End) = Self.day(c, at: m2End + 1) {
                    let y = Self.year(c, at: d2End)
                    let first = spoken(month: name, day: d, year: nil, dayFirst: false, british: gb)
                    return found(p.start, y?.1 ?? d2End, first + " to " + spoken(month: name2, day: d2, year: y?.0, dayFirst: false, british: gb), rule: "date.range")
                }
                let y = Self.year(c, at: dEnd)
                return found(p.start, y?.1 ?? dEnd, spoken(month: name, day: d, year: y?.0, dayFirst: false, british: gb), rule: "date.month-day")
            }
            if let y = Self.year(c, at: mEnd), !y.2, cased || y.0 >= 1900 {
                return found(p.start, y.1, spoken(month: name, day: nil, year: y.0, dayFirst: false, british: gb), rule: "date.month-year")
            }
            if abbreviated && cased && c.isChar(mEnd - 1, ".") {
                // "Sept.-May" is a range of months: the range rule says it.
                if c.isChar(mEnd, "-") || c.isChar(mEnd, "\u{2013}"), let w = c.wordAfter(mEnd + 1), Vocabulary.months[w.text] != nil { return nil }
                return found(p.start, mEnd, name + (c.sentenceEnds(after: mEnd) ? "." : ""), rule: "date.month")
            }
            return nil
        }
        guard p.kind == .number, !c.isDigit(p.start - 1), !c.isChar(p.start - 1, ".") else { return nil }
        if let m = numeric(c, at: p.start) { return m }
        guard let n = c.number(at: p.start), n.isInteger else { return nil }
        // ISO 2023-11-02
        if n.whole.count == 4, !n.grouped, c.isChar(n.end, "-"), let m = c.number(at: n.end + 1), m.whole.count == 2,
           c.isChar(m.end, "-"), let d = c.number(at: m.end + 1), d.whole.count == 2, !c.isAlnum(d.end),
           let y = n.intValue, let mo = m.intValue, let da = d.intValue, (1...12).contains(mo), (1...31).contains(da) {
            return found(n.start, d.end, spoken(month: Vocabulary.monthNumbers[mo - 1], day: da, year: y, dayFirst: gb, british: gb), rule: "date.iso")
        }
        // 11/2/2023 (US month first, British day first)
        if n.whole.count <= 2, c.isChar(n.end, "/"), let m = c.number(at: n.end + 1), m.whole.count <= 2, m.isInteger,
           c.isChar(m.end, "/"), let yl = c.number(at: m.end + 1), yl.isInteger, yl.whole.count == 4 || yl.whole.count == 2,
           !c.isAlnum(yl.end), let a = n.intValue, let b = m.intValue, var y = yl.intValue {
            // Day first in British use, month first in American, unless the first cannot be a month ("31/12/2020").
            let (mo, da) = gb || (a > 12 && b <= 12) ? (b, a) : (a, b)
            if (1...12).contains(mo), (1...31).contains(da) {
                if yl.whole.count == 2 { y += y < 50 ? 2000 : 1900 }
                return found(n.start, yl.end, spoken(month: Vocabulary.monthNumbers[mo - 1], day: da, year: y, dayFirst: gb, british: gb), rule: "date.slashed")
            }
        }
        // "on 12/25", "set for 10/15": a month and day alone, where the word before says it is a date.
        if n.whole.count <= 2, c.isChar(n.end, "/"), let m = c.number(at: n.end + 1), m.isInteger, m.whole.count <= 2,
           !c.isAlnum(m.end), !c.isChar(m.end, "/"), let a = n.intValue, let b = m.intValue,
           let w = c.wordBefore(n.start)?.text.lowercased(), c.isSpace(n.start - 1),
           Self.beforeDay.contains(w) || (Self.beforeDayUnlessFraction.contains(w) && !FractionRule.isCommon(a, b)) {
            let (mo, da) = gb ? (b, a) : (a, b)
            if (1...12).contains(mo), (1...31).contains(da) {
                return found(n.start, m.end, spoken(month: Vocabulary.monthNumbers[mo - 1], day: da, year: nil, dayFirst: gb, british: gb), rule: "date.slashed")
            }
        }
        // American "drops 10/27": a month, then a day past 12 that no fraction is written over, is a date
        // wherever it stands ("9/11" and "3/16" are not; British day-first pairs are too often odds).
        if !gb, n.whole.count <= 2, c.isChar(n.end, "/"), let m = c.number(at: n.end + 1), m.isInteger, m.whole.count == 2,
           !c.isAlnum(m.end), !c.isChar(m.end, "/"), !(c.isChar(m.end, ".") && c.isDigit(m.end + 1)), let a = n.intValue,
           let b = m.intValue, (1...12).contains(a), (13...31).contains(b), !FractionRule.denominators.contains(b),
           !["of", "from", "shooting"].contains(c.wordAfter(m.end)?.text.lowercased() ?? ""),
           !Self.shotWords.contains(c.wordBefore(n.start)?.text.lowercased() ?? ""), !c.isChar(n.start - 1, "/") {
            return found(n.start, m.end, spoken(month: Vocabulary.monthNumbers[a - 1], day: b, year: nil, dayFirst: false, british: false), rule: "date.slashed")
        }
        // "3–5 June": a range of days before their month.
        if let (d, dEnd) = Self.day(c, at: n.start), let dash = c.at(dEnd), dash == "\u{2013}" || dash == "-",
           let (d2, d2End) = Self.day(c, at: dEnd + 1), d2 > d, c.isChar(d2End, " "), let w = c.piece(startingAt: d2End + 1),
           let (name, mEnd, _, _) = month(c, wordAt: w) {
            let y = Self.year(c, at: mEnd)
            let last = spoken(month: name, day: d2, year: y?.0, dayFirst: true, british: gb)
            var words = "the " + NumberWords.ordinal(d) + " to " + last
            if Self.theBefore(c, n.start) { words.removeFirst(4) }
            return found(n.start, y?.1 ?? mEnd, words, rule: "date.range")
        }
        // 9 May 2022, 24 February
        if let (d, dEnd) = Self.day(c, at: n.start), c.isChar(dEnd, " "), let w = c.piece(startingAt: dEnd + 1),
           let (name, mEnd, _, _) = month(c, wordAt: w) {
            // "3 May-1 June": from one day and month to another.
            if let dash = c.at(mEnd), dash == "\u{2013}" || dash == "-", let (d2, d2End) = Self.day(c, at: mEnd + 1), c.isChar(d2End, " "),
               let w2 = c.piece(startingAt: d2End + 1), let (name2, m2End, _, _) = month(c, wordAt: w2) {
                let y = Self.year(c, at: m2End)
                var words = spoken(month: name, day: d, year: nil, dayFirst: true, british: gb) + " to "
                    + spoken(month: name2, day: d2, year: y?.0, dayFirst: true, british: gb)
                if Self.theBefore(c, n.start), words.hasPrefix("the ") { words.removeFirst(4) }
                return found(n.start, y?.1 ?? m2End, words, rule: "date.range")
            }
            let y = Self.year(c, at: mEnd)
            var words = spoken(month: name, day: d, year: y?.0, dayFirst: true, british: gb)
            if Self.theBefore(c, n.start), words.hasPrefix("the ") { words.removeFirst(4) }
            // "on 12 Oct. It rained": the abbreviation's full stop ends the sentence too.
            if y == nil, c.isChar(mEnd - 1, "."), c.sentenceEnds(after: mEnd) { words += "." }
            return found(n.start, y?.1 ?? mEnd, words, rule: "date.day-month")
        }
        return nil
    }
}
