/// A minus or plus sign before a number: "-5", "−3.2%", "+5°C", "-$4m". Speaks the sign and
/// lets the rule that owns the number say the rest.
struct SignRule: Rule {
    var name: String { "number.sign" }
    var kind: String { "number" }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .other else { return nil }
        let ch = c.s[p.start]
        let word: String
        switch ch {
        case "-", "\u{2212}", "\u{2013}": word = "minus"
        case "+": word = "plus"
        default: return nil
        }
        // A sign stands after a space, an opening bracket or the start, never after a word or number.
        if let before = c.at(p.start - 1), !(TextScanner.isSpace(before) || before == "(" || before == "[" || before == "\"" || before == "\u{201C}" || before == "/") {
            return nil
        }
        guard let next = c.piece(index + 1), next.start == p.end else { return nil }
        if next.kind == .number {
        } else if next.kind == .other, "$€£¥₴".unicodeScalars.contains(c.s[next.start]) {
        } else { return nil }
        guard let rest = c.firstMatch(at: index + 1, excluding: name) else {
            return nil
        }
        return RuleMatch(start: p.start, end: rest.end, spoken: word + " " + rest.spoken, kind: rest.kind, rule: rest.rule)
    }
}
