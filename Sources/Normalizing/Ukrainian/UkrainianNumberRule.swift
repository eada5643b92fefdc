/// Plain numbers, agreeing with the noun after them and the words before them:
/// "5 гривень", "до 21 гривні", "одну заявку", ranges "5–7 років", scales "3 млн", and
/// ordinals written with a suffix ("5-й", "24-го", "90-х", "2-х").
struct UkNumberRule: Rule {
    var name: String { "uk.number" }
    var kind: String { "number" }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .number, let n = c.ukNumber(at: p.start) else { return nil }
        if let m = suffixed(c, n) { return m }
        // "24/7": round the clock, said "двадцять чотири на сім".
        if n.whole == "24", c.isChar(n.end, "/"), c.isChar(n.end + 1, "7"), !c.isDigit(n.end + 2) {
            return found(n.start, n.end + 2, "двадцять чотири на сім", rule: "uk.number.roundTheClock")
        }
        let governed = UkGovernor.cases(c, before: n.start)
        // "5–7 років": the first number takes the case of the whole phrase.
        var first: NumberLiteral? = nil, last = n
        if let dash = c.at(n.end), dash == "–" || dash == "-" || dash == "—", let m = c.ukNumber(at: n.end + 1) {
            first = n; last = m
        }
        if let k = UkQuantity.scale(c, after: last.end) {
            let cs = governed.first ?? .nom
            var spoken = UkQuantity.phrase(last, scale: k.index, cs, noun: nil)
            if let f = first { spoken = UkQuantity.words(f, cs, UkNumberWords.scales[k.index].gender) + "-" + spoken }
            return found(n.start, k.end, spoken, rule: "uk.number.scale")
        }
        if c.isLetter(last.end) { return nil }
        let reading = Self.reading(c, after: last.end)
        let count = UkQuantity.count(last)
        // "у 5 класі", "на 3 поверсі": a singular noun a count cannot take makes the number an ordinal.
        // (An unknown word needs the preposition to ask for its case: "№12 відновила" is no ordinal.)
        if first == nil, last.isInteger, count != .one, let r = reading, let v = last.intValue,
           let sg = r.analyses.first(where: { !$0.plural && (governed.first == $0.c || r.noun != nil && !UkGovernor.fitsAny(count, r)) }) {
            return found(n.start, last.end, UkNumberWords.ordinal(v, sg.c, r.gender), rule: "uk.number.ordinal")
        }
        let cs = UkGovernor.choose(governed: governed, count: count, reading: reading)
        // A count agrees in gender with a known noun, or with a guessed one when it is singular ("одна бригада").
        let g = reading.map { $0.noun != nil || count == .one ? $0.gender : .masc } ?? .masc
        let animate = reading?.animate ?? false
        var spoken = UkQuantity.words(last, cs, g, animate: animate)
        if let f = first { spoken = UkQuantity.words(f, cs, g, animate: animate) + "-" + spoken }
        return found(n.start, last.end, spoken, rule: last.isInteger ? "uk.number.cardinal" : "uk.number.decimal")
    }

    /// The noun after a number, looking past one adjective ("5 нових ракет").
    static func reading(_ c: RuleContext, after offset: Int) -> UkNouns.Reading? {
        // A capitalized word after a number starts a name or a sentence; it is not what is counted.
        guard let w = c.ukWord(after: offset), !c.isUpper(w.start) else { return nil }
        let r1 = UkNouns.read(w.text)
        if r1?.noun != nil { return r1 }
        // Only an adjective-like word is looked past ("5 нових ракет"), not a noun ("3 районах міста").
        guard r1 == nil || ["их", "ими", "им", "ий", "ій", "ого", "ому", "ої", "і"].contains(where: { w.text.hasSuffix($0) }) else { return r1 }
        // The adjective must agree with the noun ("нові заявки"), else the first word is the noun ("половині дня").
        if let w2 = c.ukWord(after: w.end), var r2 = UkNouns.read(w2.text), r2.noun != nil {
            guard let r1 else { return r2 }
            let agreeing = r2.analyses.filter { a in r1.analyses.contains { $0.c == a.c && $0.plural == a.plural } }
            if !agreeing.isEmpty { r2.analyses = agreeing; return r2 }
        }
        return r1
    }

    /// The number as the first part of a compound word: 2 "дво", 3 "три", 23 "двадцятитри", 45 "сорокап'яти", 100 "сто".
    static func compoundPrefix(_ v: Int) -> String {
        let ones = ["", "одно", "дво", "три", "чотири"]
        if v == 100 { return "сто" }
        var head = "", r = v
        if r >= 100 { head += UkNumberWords.cardinal(r / 100 * 100, .gen); r %= 100 }
        if r >= 20 { head += UkNumberWords.tens[r / 10][1]; r %= 10 }
        if r == 0 { return head }
        if r < 5 { return head + ones[r] }
        return head + UkNumberWords.cardinal(r, .gen)
    }

    /// Ordinal suffixes and the (case, gender) each may mean; the noun and the governor choose.
    static let ordinalSuffixes: [(String, [(UkCase, UkGender)])] = [
        ("ого", [(.gen, .masc), (.gen, .neut)]), ("го", [(.gen, .masc), (.gen, .neut)]),
        ("ому", [(.loc, .masc), (.dat, .masc), (.loc, .neut)]), ("му", [(.loc, .masc), (.dat, .masc), (.loc, .neut)]),
        ("ими", [(.ins, .plural)]), ("ми", [(.ins, .plural)]), ("им", [(.ins, .masc), (.ins, .neut)]), ("м", [(.ins, .masc), (.ins, .neut)]),
        ("ою", [(.ins, .fem)]), ("ої", [(.gen, .fem)]), ("ї", [(.gen, .fem), (.loc, .fem), (.dat, .fem)]),
        ("ій", [(.nom, .masc), (.loc, .fem), (.dat, .fem), (.acc, .masc)]), ("ий", [(.nom, .masc), (.acc, .masc)]),
        ("й", [(.nom, .masc), (.acc, .masc), (.loc, .fem), (.dat, .fem)]),
        ("а", [(.nom, .fem)]), ("я", [(.nom, .fem)]), ("у", [(.acc, .fem)]), ("ю", [(.acc, .fem)]),
        ("е", [(.nom, .neut), (.acc, .neut)]), ("є", [(.nom, .neut), (.acc, .neut)]),
        ("их", [(.gen, .plural), (.loc, .plural)]), ("х", [(.gen, .plural), (.loc, .plural)]), ("і", [(.nom, .plural), (.acc, .plural)]),
    ]

    /// "5-й", "24-го", "1990-х", "2-х", "5-ти": a number with a case ending after a hyphen.
    func suffixed(_ c: RuleContext, _ n: NumberLiteral) -> RuleMatch? {
        guard n.isInteger, c.isChar(n.end, "-"), let w = c.piece(startingAt: n.end + 1), c.pieces[w].kind == .word,
              !c.isAlnum(c.pieces[w].end), let v = Int(n.whole.prefix(15)) else { return nil }
        let suffix = c.text(of: w).lowercased()
        let end = c.pieces[w].end
        // "23-річний", "5-поверховий": a compound adjective ("двадцятитрирічний").
        if suffix.unicodeScalars.count > 4 {
            guard v < 1000 else { return nil }
            return found(n.start, end, Self.compoundPrefix(v) + suffix, rule: "uk.number.compound")
        }
        let governed = UkGovernor.cases(c, before: n.start)
        // Cardinal endings: "2-х" and "3-х" (двох, трьох), "5-ти", "7-ми" (п'яти, семи), "5-ма" (п'ятьма).
        if (suffix == "х" || suffix == "ох" || suffix == "ьох") && (2...4).contains(v % 10) && v % 100 / 10 != 1 && v < 100 {
            let cs: UkCase = governed.contains(.loc) ? .loc : .gen
            return found(n.start, end, UkNumberWords.cardinal(v, cs), rule: "uk.number.cardinal")
        }
        if ["ти", "ми"].contains(suffix) && v % 10 != 1 && !(2...4).contains(v % 10) {
            let cs = governed.first(where: { $0 != .nom && $0 != .acc && $0 != .ins }) ?? .gen
            return found(n.start, end, UkNumberWords.cardinal(v, cs), rule: "uk.number.cardinal")
        }
        if ["ма", "ома", "ьма"].contains(suffix) {
            return found(n.start, end, UkNumberWords.cardinal(v, .ins), rule: "uk.number.cardinal")
        }
        guard let options = Self.ordinalSuffixes.first(where: { suffix.hasSuffix($0.0) })?.1 else { return nil }
        let reading = Self.reading(c, after: end)
        var best = options
        if let g = reading?.noun?.gender {
            let sameGender = best.filter { $0.1 == g || ($0.1 == .plural && reading!.analyses.contains { $0.plural }) }
            if !sameGender.isEmpty { best = sameGender }
        }
        if let r = reading, !r.analyses.isEmpty {
            let fitting = best.filter { o in r.analyses.contains { $0.c == o.0 && $0.plural == (o.1 == .plural) } }
            if !fitting.isEmpty { best = fitting }
        }
        let pick = best.first(where: { governed.contains($0.0) }) ?? best[0]
        return found(n.start, end, UkNumberWords.ordinal(v, pick.0, pick.1, animate: reading?.animate ?? false), rule: "uk.number.ordinal")
    }
}
