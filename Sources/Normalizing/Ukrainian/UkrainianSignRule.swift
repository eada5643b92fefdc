/// Signs before numbers and "№": "№ 5" → "номер п'ять", "+5" → "плюс п'ять", "−3" → "мінус три",
/// "±2" → "плюс-мінус два". The number itself is left to the rules after.
struct UkSignRule: Rule {
    var name: String { "uk.sign" }
    var kind: String { "symbol" }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .other else { return nil }
        let ch = c.s[p.start]
        if ch == "=", c.isSpace(p.start - 1), c.isSpace(p.end) { return found(p.start, p.end, "дорівнює", rule: "uk.sign.equals") }
        if ch == "№" {
            if c.isChar(p.end, "№") { return found(p.start, p.end + 1, "номери", rule: "uk.sign.number") }
            return found(p.start, p.end, "номер", rule: "uk.sign.number")
        }
        // A sign only before a digit and after a space, an opening bracket or the start.
        let o = c.skipSpaces(p.end, max: 0)
        guard c.isDigit(o), p.start == 0 || c.isSpace(p.start - 1) || c.isChar(p.start - 1, "(") || c.isChar(p.start - 1, "\"") else { return nil }
        switch ch {
        case "+": return found(p.start, p.end, "плюс", rule: "uk.sign.plus")
        case "−", "-", "–": return found(p.start, p.end, "мінус", rule: "uk.sign.minus")
        case "±": return found(p.start, p.end, "плюс-мінус", rule: "uk.sign.plusminus")
        case "=": return found(p.start, p.end, "дорівнює", rule: "uk.sign.equals")
        default: return nil
        }
    }
}
