/// Clock times: "о 7:15" → "о сьомій п'ятнадцять" (the hour a feminine ordinal, "година" understood,
/// in the preposition's case), "з 9:00 до 18:00", "7:05" → "сьома нуль п'ять", "9:00–18:00".
struct UkTimeRule: Rule {
    var name: String { "uk.time" }
    var kind: String { "time" }

    static let dottedTimePrepositions: Set<String> = ["о", "об", "з", "із", "до", "після", "від", "близько"]

    static func parse(_ c: RuleContext, at o: Int) -> (h: Int, m: Int, end: Int)? {
        guard let p = c.piece(startingAt: o), c.pieces[p].kind == .number, c.pieces[p].end - o <= 2,
              let h = Int(c.text(o, c.pieces[p].end)), h <= 24 else { return nil }
        let sep = c.pieces[p].end
        // "о 14.00", "з 9.00 до 18.00": a dot between hour and minutes after a preposition of time.
        let dotAfterO = c.isChar(sep, ".") && c.wordBefore(o).map { Self.dottedTimePrepositions.contains($0.text.lowercased()) } == true
        guard c.isChar(sep, ":") || dotAfterO, let q = c.piece(startingAt: sep + 1), c.pieces[q].kind == .number,
              c.pieces[q].end - c.pieces[q].start == 2, !c.isDigit(c.pieces[q].end),
              !(dotAfterO && (c.isChar(c.pieces[q].end, ".") || c.isChar(c.pieces[q].end, ",")) && c.isDigit(c.pieces[q].end + 1)),
              let m = Int(c.text(sep + 1, c.pieces[q].end)), m < 60 else { return nil }
        return (h, m, c.pieces[q].end)
    }

    static func say(_ t: (h: Int, m: Int, end: Int), _ cs: UkCase) -> String {
        var s = UkNumberWords.ordinal(t.h, cs, .fem)
        if t.m > 0 { s += " " + (t.m < 10 ? "нуль " : "") + UkNumberWords.cardinal(t.m) }
        return s
    }

    /// Words after a bare hour that make it a clock time: "о 4 ранку", "близько 3 ночі", "о 7 годині".
    static let partsOfDay: Set<String> = ["ранку", "вечора", "ночі", "дня", "годині", "пополудні"]

    /// "о 4 ранку" → "о четвертій ранку", "о 7" → "о сьомій": an hour without minutes.
    func bareHour(_ c: RuleContext, _ p: Piece) -> RuleMatch? {
        guard p.end - p.start <= 2, let h = Int(c.text(p.start, p.end)), h <= 24, !c.isChar(p.end, ","), !c.isChar(p.end, ".") || !c.isDigit(p.end + 1) else { return nil }
        let prep = UkGovernor.preposition(c, before: p.start)
        let next = c.ukWord(after: p.end)
        let dayPart = next.map { Self.partsOfDay.contains($0.text) } ?? false
        guard dayPart || ((prep == "о" || prep == "об") && (next == nil || UkNumberRule.reading(c, after: p.end) == nil)),
              !c.isLetter(p.end) else { return nil }
        let cs: UkCase = prep == "о" || prep == "об" ? .loc : prep == "на" ? .acc : prep == nil ? .nom : .gen
        return found(p.start, p.end, UkNumberWords.ordinal(h, cs, .fem), rule: "uk.time.hour")
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .number, !c.isDigit(p.start - 1), !c.isChar(p.start - 1, ":") else { return nil }
        guard let t = Self.parse(c, at: p.start) else { return bareHour(c, p) }
        let governed = UkGovernor.cases(c, before: p.start)
        // "9:00–18:00" with nothing before: "з дев'ятої до вісімнадцятої".
        if let d = c.at(t.end), d == "–" || d == "-" || d == "—", let t2 = Self.parse(c, at: t.end + 1) {
            if governed.isEmpty { return found(p.start, t2.end, "з " + Self.say(t, .gen) + " до " + Self.say(t2, .gen), rule: "uk.time.range") }
            let cs = governed[0] == .loc ? UkCase.gen : governed[0]
            return found(p.start, t2.end, Self.say(t, cs) + ", " + Self.say(t2, cs), rule: "uk.time.range")
        }
        var end = t.end
        if let w = c.ukWord(after: end), w.text == "год" { end = c.isChar(w.end, ".") && !c.sentenceEndsUk(after: w.end + 1) ? w.end + 1 : w.end }
        return found(p.start, end, Self.say(t, governed.first ?? .nom))
    }
}
