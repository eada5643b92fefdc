/// Percent: "40 %", "понад 40%" → "понад сорок відсотків", "2,5 %" → "дві цілих п'ять десятих відсотка",
/// "10–15 %" (the case from the words before, the accusative where a preposition allows it).
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
