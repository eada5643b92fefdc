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
        ("мм рт. ст", Unit(noun: "міліметр", after: "ртутного стовпчика")),
        ("кВт·год", Unit(noun: "кіловат-година")), ("кВт-год", Unit(noun: "кіловат-година")), ("км", Unit(noun: "кілометр")), ("кг", Unit(noun: "кілограм")), ("см", Unit(noun: "сантиметр")), ("мм", Unit(noun: "міліметр")),
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
