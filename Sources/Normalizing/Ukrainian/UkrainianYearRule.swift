/// Years as ordinals in the case of their noun: "у 2023 році" → "у дві тисячі двадцять третьому році",
/// "2019 року", "у 2022–2023 роках", "2014 р." (the abbreviation said in the case the
/// preposition asks), and a bare year after a preposition ("з 2014", "до 2030").
struct UkYearRule: Rule {
    var name: String { "uk.year" }
    var kind: String { "year" }

    static let rik = UkNouns.lexicon["рік"]!
    static let bareYearPrepositions: Set<String> = ["у", "в", "з", "із", "від", "до", "після", "по", "протягом", "наприкінці",
                                                    "навесні", "восени", "взимку", "влітку", "початку", "кінця", "кінці", "середини"]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .number, p.end - p.start <= 4, !c.isDigit(p.start - 1), !c.isChar(p.start - 1, ","),
              !c.isChar(p.end, ","), let y = Int(c.text(p.start, p.end)) else { return nil }
        var years = [y], o = p.end, joiner = ", "
        if let d = c.at(o), d == "–" || d == "-" || d == "—", let q = c.piece(startingAt: o + 1), c.pieces[q].kind == .number,
           c.pieces[q].end - c.pieces[q].start == 4, let y2 = Int(c.text(c.pieces[q].start, c.pieces[q].end)) {
            years.append(y2); o = c.pieces[q].end
        } else if let w = c.ukWord(after: o), ["і", "та", "або", "й"].contains(w.text), c.isSpace(w.end),
                  let q = c.piece(startingAt: w.end + 1), c.pieces[q].kind == .number, c.pieces[q].end - c.pieces[q].start == 4,
                  let r = c.ukWord(after: c.pieces[q].end), !Self.rik.analyses(of: r.text).isEmpty,
                  let y2 = Int(c.text(c.pieces[q].start, c.pieces[q].end)) {
            // "між 2014 і 2022 роками": both years take the case of the noun after the second.
            years.append(y2); o = c.pieces[q].end; joiner = " \(w.text) "
        }
        let governed = UkGovernor.cases(c, before: p.start)
        // "у 2021–2022 навчальному році": the noun may follow one adjective.
        var nounWord = c.ukWord(after: o)
        if let w = nounWord, Self.rik.analyses(of: w.text).isEmpty, w.text.count > 4, let w2 = c.ukWord(after: w.end),
           !Self.rik.analyses(of: w2.text).isEmpty, years.count > 1 || (1000...2100).contains(y) {
            nounWord = w2
        }
        if let w = nounWord {
            // One year takes a singular noun; "45 років" is a count, not a year.
            let analyses = Self.rik.analyses(of: w.text).filter { years.count > 1 || !$0.plural }
            if !analyses.isEmpty, years.count > 1 || (1000...2100).contains(y) {
                let cs = governed.first(where: { g in analyses.contains { $0.c == g } }) ?? analyses[0].c
                return found(p.start, o, say(years, cs, joiner), rule: "uk.year")
            }
            // "2014 р.", "2022–2023 рр.": the abbreviation takes the case the preposition asks.
            if w.text == "р" || w.text == "рр" {
                let plural = w.text == "рр" || years.count > 1
                var end = w.end
                if c.isChar(end, "."), !c.sentenceEndsUk(after: end + 1) { end += 1 }
                let cs: UkCase = governed.first.map { $0 == .loc || $0 == .acc || $0 == .ins ? $0 : .gen } ?? .gen
                return found(p.start, end, say(years, cs) + " " + Self.rik.form(cs, plural: plural), rule: "uk.year.abbreviation")
            }
        }
        // A bare year after a preposition or a month: "з 2014", "у травні 2023".
        guard years.allSatisfy({ (1000...2100).contains($0) }), !c.isAlnum(o), !c.isChar(o, "-") else { return nil }
        if let before = c.wordBefore(p.start), UkDateRule.isMonthWord(before.text) {
            return found(p.start, o, say(years, .gen) + " року", rule: "uk.year.month")
        }
        // "до 2000 осіб" counts people; "до 2030 країна" is a year.
        let reading = UkNumberRule.reading(c, after: o)
        guard let prep = c.wordBefore(p.start)?.text.lowercased(), Self.bareYearPrepositions.contains(prep),
              reading.map({ !UkGovernor.fitsAny(UkCount(y), $0) }) ?? true else { return nil }
        let cs: UkCase = prep == "у" || prep == "в" ? .loc : prep == "по" ? .acc : .gen
        return found(p.start, o, say(years, cs), rule: "uk.year.bare")
    }

    /// A range is read with a pause between its years, as the dash is heard.
    func say(_ years: [Int], _ c: UkCase, _ joiner: String = ", ") -> String {
        years.map { UkNumberWords.ordinal($0, c, .masc) }.joined(separator: joiner)
    }
}
