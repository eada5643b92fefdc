/// Ranges whose ends another rule reads: times "9am-11am", "9:30–11:00 a.m.", decades
/// "1990s-2000s", percentages "10%-15%" ("ten to fifteen percent"). Each end is read by its
/// own rule; the dash between becomes "to".
struct JoinedRangeRule: Rule {
    var name: String { "range.joined" }
    var kind: String { "range" }

    /// The rules whose spans can be the two ends of a range.
    static let ends: [any Rule] = [TimeRule(), YearRule(), PercentRule()]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .number, !c.isDigit(p.start - 1) else { return nil }
        // Cheap test first: no dash close by, nothing to join.
        guard (p.end..<min(c.count, p.end + 12)).contains(where: { RangeRule.isRangeDash(c.s[$0]) }) else { return nil }
        // "9-11am": a bare hour before a time with its a.m. or p.m.
        if let h = c.number(at: p.start), h.isInteger, let v = h.intValue, (1...12).contains(v), c.at(h.end).map(RangeRule.isRangeDash) == true,
           let j = c.piece(startingAt: h.end + 1), let second = TimeRule().match(c, at: j), second.rule == "time.meridiem" {
            return found(p.start, second.end, NumberWords.cardinal(v) + " to " + second.spoken, rule: "range.time")
        }
        for rule in Self.ends {
            guard let first = rule.match(c, at: index), first.rule != "date.year" else { continue }
            var d = first.end
            let spaced = c.isChar(d, " ")
            if spaced { d += 1 }
            guard let dash = c.at(d), RangeRule.isRangeDash(dash), !(spaced && dash == "-") else { continue }
            d += 1
            if spaced { guard c.isChar(d, " ") else { continue }; d += 1 }
            guard let j = c.piece(startingAt: d), let second = rule.match(c, at: j), second.rule == first.rule
                    || (first.rule.hasPrefix("time") && second.rule.hasPrefix("time")) else { continue }
            var head = first.spoken
            if rule is PercentRule, let unit = second.spoken.split(separator: " ").last, head.hasSuffix(" " + unit) {
                head = String(head.dropLast(unit.count + 1))  // "ten to fifteen percent", once
                if head.hasSuffix(" per") { head = String(head.dropLast(4)) }  // British "per cent"
            }
            return found(first.start, second.end, head + " to " + second.spoken, rule: "range." + rule.kind)
        }
        return nil
    }
}
