/// A number (or a range "5–7") with an optional scale at `offset`, the shared front of the
/// money, percent and measure rules.
struct UkAmount {
    var first: NumberLiteral?
    var number: NumberLiteral
    var scale: Int?
    var end: Int

    init?(_ c: RuleContext, at offset: Int) {
        guard let n = c.ukNumber(at: offset) else { return nil }
        number = n
        if let d = c.at(n.end), d == "–" || d == "-" || d == "—", let m = c.ukNumber(at: n.end + 1) { first = n; number = m }
        end = number.end
        if let s = UkQuantity.scale(c, after: end) { scale = s.index; end = s.end }
    }

    /// "п'ять-сім мільйонів гривень": the phrase in case `cs` with the noun counted.
    func say(_ cs: UkCase, noun: UkNoun?) -> String {
        let phrase = UkQuantity.phrase(number, scale: scale, cs, noun: noun)
        guard let first else { return phrase }
        let g = scale.map { UkNumberWords.scales[$0].gender } ?? noun?.gender ?? .masc
        return UkQuantity.words(first, cs, g) + "-" + phrase
    }
}

/// Percent: "40 %", "понад 40%" → "понад сорок відсотків", "2,5 %" → "дві цілих п'ять десятих відсотка",
/// "на 3 в. п." (percentage points).
struct UkPercentRule: Rule {
    var name: String { "uk.percent" }
    var kind: String { "percent" }
    static let percent = UkNouns.lexicon["відсоток"]!

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .number, !c.isDigit(p.start - 1), let a = UkAmount(c, at: p.start) else { return nil }
        let o = c.skipSpaces(a.end, max: 1)
        guard c.isChar(o, "%") || c.isChar(o, "\u{FF05}") else { return nil }
        let cs = UkGovernor.amountCase(c, before: p.start)
        return found(p.start, o + 1, a.say(cs, noun: Self.percent))
    }
}

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

/// Measures: "5 км" → "п'ять кілометрів", "90 км/год", "+5 °C" (the sign is the sign rule's),
/// "100 м²" → "сто квадратних метрів", "3 т", "20 га", "2,5 кг".
struct UkMeasureRule: Rule {
    var name: String { "uk.measure" }
    var kind: String { "measure" }

    /// A written unit: its noun, an adjective before it ("квадратних"), words after it ("Цельсія").
    struct Unit { var noun: String; var adjective: String? = nil; var after: String? = nil }
    static let units: [(String, Unit)] = [
        ("км/год", Unit(noun: "кілометр", after: "на годину")), ("м/с", Unit(noun: "метр", after: "за секунду")), ("км²", Unit(noun: "кілометр", adjective: "квадратн")),
        ("м²", Unit(noun: "метр", adjective: "квадратн")), ("м³", Unit(noun: "метр", adjective: "кубічн")),
        ("°C", Unit(noun: "градус", after: "Цельсія")), ("°С", Unit(noun: "градус", after: "Цельсія")), ("°", Unit(noun: "градус")),
        ("мм рт. ст", Unit(noun: "міліметр", after: "ртутного стовпчика")), ("км", Unit(noun: "кілометр")), ("кг", Unit(noun: "кілограм")), ("см", Unit(noun: "сантиметр")), ("мм", Unit(noun: "міліметр")),
        ("га", Unit(noun: "гектар")), ("МВт", Unit(noun: "мегават")), ("кВт", Unit(noun: "кіловат")), ("ГВт", Unit(noun: "гігават")),
        ("м", Unit(noun: "метр")), ("т", Unit(noun: "тонна")), ("г", Unit(noun: "грам")), ("л", Unit(noun: "літр")),
        ("год", Unit(noun: "година")), ("хв", Unit(noun: "хвилина")),
    ]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .number, !c.isDigit(p.start - 1), let a = UkAmount(c, at: p.start) else { return nil }
        let o = c.skipSpaces(a.end, max: 1)
        guard let (written, unit) = Self.units.first(where: { c.matches($0.0, at: o) && !c.isLetter(o + $0.0.unicodeScalars.count) }),
              let noun = UkNouns.lexicon[unit.noun] else { return nil }
        var end = o + written.unicodeScalars.count
        // "5 т. зерна": the period is the abbreviation's, unless it ends the sentence.
        if c.isChar(end, "."), !c.sentenceEndsUk(after: end + 1) { end += 1 }
        let cs = UkGovernor.amountCase(c, before: p.start)
        var spoken = a.say(cs, noun: noun)
        if let adj = unit.adjective {
            let f = a.scale != nil ? (c: UkCase.gen, plural: true) : UkQuantity.count(a.number).nounForm(cs, animate: false)
            var words = spoken.split(separator: " ").map(String.init)
            words.insert(adj + UkAdjective.hard.ending(f.c, f.plural ? .plural : .masc), at: words.count - 1)
            spoken = words.joined(separator: " ")
        }
        if let after = unit.after { spoken += " " + after }
        return found(p.start, end, spoken)
    }
}
