/// Dates: "24 серпня" (the day an ordinal in the neuter, in the case the sentence needs),
/// "17 травня 2019 року", "17.05.2019", "з 1 по 3 квітня", "1–3 квітня", "24-го серпня".
struct UkDateRule: Rule {
    var name: String { "uk.date" }
    var kind: String { "date" }

    static let monthsGenitive = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
                                 "жовтня", "листопада", "грудня"]
    /// Every form of the month names, for the year rule ("у травні 2023").
    static let monthStems = ["січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт", "листопад", "груд"]

    static func isMonthWord(_ w: String) -> Bool {
        let w = w.lowercased()
        return monthStems.contains { w.hasPrefix($0) } && w.count <= 9 && !w.hasPrefix("листопадов")
    }

    /// The day's case: "до/від/з 24 серпня" genitive, "на/по 3 квітня" accusative, "перед" instrumental,
    /// a date opening a line or after "сьогодні" nominative; otherwise a time adverbial, genitive.
    static func dayCase(_ c: RuleContext, before offset: Int, end: Int) -> UkCase {
        if let w = c.wordBefore(offset) {
            let word = w.text.lowercased()
            switch word {
            case "на", "по", "про", "за", "через": return .acc
            case "між", "перед", "під": return .ins
            case "сьогодні", "є", "це", "дата", "датою": return word == "датою" ? .ins : .nom
            default: return .gen
            }
        }
        // Alone on its line or before a pause (a dateline, a headline), or after a dash: nominative.
        var o = offset - 1
        while o >= 0, c.isSpace(o), c.s[o] != "\n" { o -= 1 }
        if o >= 0, c.s[o] == "—" || c.s[o] == "–" { return .nom }
        guard o < 0 || c.s[o] == "\n" else { return .gen }
        var e = end
        while e < c.count, c.isSpace(e), c.s[e] != "\n" { e += 1 }
        guard let next = c.at(e) else { return .nom }
        return "\n,.:;—–-".unicodeScalars.contains(next) ? .nom : .gen
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .number, p.end - p.start <= 2, !c.isDigit(p.start - 1), let day = Int(c.text(p.start, p.end)),
              (1...31).contains(day) else { return nil }
        if let m = numeric(c, p, day) { return m }
        var o = p.end
        if c.isChar(o, "-"), let w = c.ukWord(after: o + 1), ["го", "е", "ого"].contains(w.text) { o = w.end }
        // A range of days: "1–3 квітня", "з 1 по 3 квітня", "з 1 до 3 квітня".
        var second: (day: Int, joiner: String, c: UkCase?)? = nil
        func dayValue(at q: Int) -> Int? {
            let piece = c.pieces[q]
            guard piece.kind == .number, piece.end - piece.start <= 2, let d = Int(c.text(piece.start, piece.end)), (1...31).contains(d) else { return nil }
            return d
        }
        if let d = c.at(o), d == "–" || d == "-" || d == "—", let q = c.piece(startingAt: o + 1), let d2 = dayValue(at: q) {
            second = (d2, "-", nil); o = c.pieces[q].end
        } else if let w = c.ukWord(after: o), ["по", "до", "і", "та"].contains(w.text), c.isSpace(w.end),
                  let q = c.piece(startingAt: w.end + 1), let d2 = dayValue(at: q) {
            second = (d2, " \(w.text) ", w.text == "по" ? .acc : w.text == "до" ? .gen : nil); o = c.pieces[q].end
        }
        guard let mw = c.ukWord(after: o), Self.monthsGenitive.contains(mw.text) else { return nil }
        var end = mw.end, year = ""
        if let y = Self.year(c, after: end) { year = " " + y.spoken; end = y.end }
        let cs = Self.dayCase(c, before: p.start, end: end)
        var spoken = UkNumberWords.ordinal(day, cs, .neut)
        if let s = second { spoken += s.joiner + UkNumberWords.ordinal(s.day, s.c ?? cs, .neut) }
        return found(p.start, end, spoken + " " + mw.text + year)
    }

    /// A year after a date or a month: always genitive, "року" said even when not written.
    static func year(_ c: RuleContext, after offset: Int) -> (spoken: String, end: Int)? {
        let o = c.skipSpaces(offset, max: 1)
        guard let q = c.piece(startingAt: o), c.pieces[q].kind == .number,
              c.pieces[q].end - c.pieces[q].start == 4, !c.isAlnum(c.pieces[q].end), let y = Int(c.text(o, c.pieces[q].end)) else { return nil }
        var end = c.pieces[q].end
        if let w = c.ukWord(after: end), w.text == "року" || w.text == "р" {
            end = w.end
            if w.text == "р", c.isChar(end, "."), !c.sentenceEndsUk(after: end + 1) { end += 1 }
        }
        return (UkNumberWords.ordinal(y, .gen, .masc) + " року", end)
    }

    /// "17.05.2019", "01.09.2024": day, month, year with dots; "12.05" alone (a two-digit month,
    /// no year) is a date too, since Ukrainian writes decimals with a comma.
    func numeric(_ c: RuleContext, _ p: Piece, _ day: Int) -> RuleMatch? {
        guard c.isChar(p.end, "."), let q = c.piece(startingAt: p.end + 1), c.pieces[q].kind == .number,
              c.pieces[q].end - c.pieces[q].start == 2, let month = Int(c.text(c.pieces[q].start, c.pieces[q].end)),
              (1...12).contains(month) else { return nil }
        var end = c.pieces[q].end, year = ""
        if c.isChar(end, "."), let r = c.piece(startingAt: end + 1), c.pieces[r].kind == .number,
           c.pieces[r].end - c.pieces[r].start == 4, !c.isAlnum(c.pieces[r].end), let y = Int(c.text(c.pieces[r].start, c.pieces[r].end)) {
            end = c.pieces[r].end
            if let w = c.ukWord(after: end), w.text == "року" || w.text == "р" {
                end = w.end
                if w.text == "р", c.isChar(end, "."), !c.sentenceEndsUk(after: end + 1) { end += 1 }
            }
            year = " " + UkNumberWords.ordinal(y, .gen, .masc) + " року"
        } else if c.isAlnum(end) || (c.isChar(end, ".") || c.isChar(end, ",")) && c.isDigit(end + 1) || c.isChar(p.start - 1, ".")
                    || ["о", "об"].contains(c.wordBefore(p.start)?.text.lowercased() ?? "") {  // "о 10.05" is a time
            return nil
        }
        let cs = Self.dayCase(c, before: p.start, end: end)
        let spoken = UkNumberWords.ordinal(day, cs, .neut) + " " + Self.monthsGenitive[month - 1] + year
        return found(p.start, end, spoken, rule: "uk.date.numeric")
    }
}
