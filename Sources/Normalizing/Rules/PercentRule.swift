/// Percentages and basis points: "5%", "2.5 per cent", "3.7pc", "38 pct", "-0.3%", "25 bps", "50bp".
struct PercentRule: Rule {
    var name: String { "percent" }
    var kind: String { "percent" }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .number, !c.isDigit(p.start - 1), let n = c.number(at: p.start) else { return nil }
        let gb = c.british
        // ("3,5%", a decimal comma, is read as 3.5 by the number scanner, `RuleContext.number(at:)`.)
        let o = c.skipSpaces(n.end, max: 1)
        if c.isChar(o, "%") || c.isChar(o, "\u{FF05}") {
            return found(n.start, o + 1, n.words(british: gb) + (gb ? " per cent" : " percent"))
        }
        // "3.7pc": British papers' per cent (glued or spaced, never before another letter).
        // "38 pct": wire copy's (Reuters) percent, and "pct." at a sentence's end keeps its full stop.
        for short in ["pc", "pct"] where c.matches(short, at: o) {
            let end = o + short.count
            guard !c.isAlnum(end), !c.isChar(end, ".") || !c.isAlnum(end + 1) else { continue }
            let consumed = short == "pct" && c.isChar(end, ".") && !c.sentenceEnds(after: end + 1) ? end + 1 : end
            return found(n.start, consumed, n.words(british: gb) + (gb ? " per cent" : " percent"), rule: "percent.pc")
        }
        for (w, say) in [("bps", "basis points"), ("bp", "basis points"), ("pp", "percentage points"), ("ppt", "percentage points"), ("ppts", "percentage points")]
        where c.matches(w, at: o) && !c.isAlnum(o + w.count) {
            let spoken = n.isOne ? String(say.replacingOccurrences(of: "points", with: "point")) : say
            return found(n.start, o + w.count, n.words(british: gb) + " " + spoken, rule: "percent.points")
        }
        if c.matches("per cent", at: o) && gb == false {
            return found(n.start, o + 8, n.words(british: gb) + " percent")
        }
        return nil
    }
}
