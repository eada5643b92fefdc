/// Money: "5 млрд грн" → "п'ять мільярдів гривень", "$100" → "сто доларів", "€5", "12,50 грн" →
/// "дванадцять гривень п'ятдесят копійок", "10 грн 50 коп.", "100 USD".
struct UkMoneyRule: Rule {
    var name: String { "uk.money" }
    var kind: String { "money" }
    static let hryvnia = UkNouns.lexicon["гривня"]!, kopeck = UkNouns.lexicon["копійка"]!
    static let dollar = UkNouns.lexicon["долар"]!, cent = UkNouns.lexicon["цент"]!, euro = UkNouns.lexicon["євро"]!
    static let signs: [Unicode.Scalar: (UkNoun, UkNoun)] = ["$": (dollar, cent), "€": (euro, cent), "₴": (hryvnia, kopeck)]
    static let codes: [String: (UkNoun, UkNoun)] = ["грн": (hryvnia, kopeck), "uah": (hryvnia, kopeck), "usd": (dollar, cent),
                                                    "дол": (dollar, cent), "eur": (euro, cent), "євро": (euro, cent)]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        // "$100", "$ 1,5 млрд": the sign first.
        if p.kind == .other, let (unit, sub) = Self.signs[c.s[p.start]] {
            let o = c.skipSpaces(p.end, max: 1)
            guard let a = UkAmount(c, at: o) else { return nil }
            return say(c, a, start: p.start, end: a.end, unit, sub)
        }
        guard p.kind == .number, !c.isDigit(p.start - 1), let a = UkAmount(c, at: p.start) else { return nil }
        let o = c.skipSpaces(a.end, max: 1)
        if let sign = c.at(o), let (unit, sub) = Self.signs[sign] { return say(c, a, start: p.start, end: o + 1, unit, sub) }
        guard let w = c.ukWord(after: a.end), let (unit, sub) = Self.codes[w.text] else { return nil }
        var end = w.end
        if c.isChar(end, "."), w.text != "євро", !c.sentenceEndsUk(after: end + 1) { end += 1 }
        guard var m = say(c, a, start: p.start, end: end, unit, sub) as RuleMatch? else { return nil }
        // "55 грн/л": a price per unit.
        if m.end == end, c.isChar(end, "/"), let u = c.ukWord(after: end + 1), u.start == end + 1, let per = Self.per[u.text] {
            m.end = u.end; m.spoken += " за " + per
        }
        return m
    }

    static let per = ["л": "літр", "кг": "кілограм", "т": "тонну", "міс": "місяць", "год": "годину", "шт": "штуку", "м": "метр"]

    func say(_ c: RuleContext, _ a: UkAmount, start: Int, end: Int, _ unit: UkNoun, _ sub: UkNoun) -> RuleMatch {
        let cs = UkGovernor.amountCase(c, before: start)
        var spoken: String, stop = end
        // "12,50 грн": hryvnias and kopecks, not a decimal.
        if a.scale == nil, a.first == nil, let f = a.number.fraction, f.count == 2 {
            var whole = a.number; whole.fraction = nil
            let cents = NumberLiteral(start: 0, end: 0, whole: f, fraction: nil, grouped: false)
            spoken = UkQuantity.phrase(whole, cs, noun: unit)
            if f != "00" { spoken += " " + UkQuantity.phrase(cents, cs, noun: sub) }
        } else {
            spoken = a.say(cs, noun: unit)
        }
        // "10 грн 50 коп."
        if let n = c.ukNumber(at: c.skipSpaces(end, max: 1)), c.isSpace(end), let w = c.ukWord(after: n.end),
           w.text == "коп" || w.text == "копійок" || w.text == "центів" || w.text == "ц" {
            spoken += " " + UkQuantity.phrase(n, cs, noun: sub)
            stop = c.isChar(w.end, ".") && !c.sentenceEndsUk(after: w.end + 1) ? w.end + 1 : w.end
        }
        return found(start, stop, spoken)
    }
}
