/// Typography: curly quotes become plain, dashes and ellipses become pauses (", " or ". "),
/// control and invisible characters go, and symbols a listener should not hear are dropped.
struct TypographyRule: Rule {
    var name: String { "typography" }
    var kind: String { "typography" }

    static func isDash(_ c: Unicode.Scalar) -> Bool {
        c == "\u{2014}" || c == "\u{2013}" || c == "\u{2015}" || c == "\u{2012}" || c == "\u{2E3A}"
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        if p.kind == .space {
            // " — " : the pause absorbs the space before it.
            if let next = c.piece(index + 1), next.kind == .other, let m = dash(c, at: next.start) {
                let atStart = p.start == 0
                let afterPunctuation = c.at(p.start - 1).map { ",;:.!?".unicodeScalars.contains($0) } ?? false
                return found(p.start, m.end, atStart || afterPunctuation ? "" : m.spoken, rule: m.rule)
            }
            if let next = c.piece(index + 1), next.kind == .other, c.s[next.start] == "|" || c.s[next.start] == "\u{00B7}" {
                return found(p.start, next.end, ",", rule: "typography.separator")
            }
            // Unusual spaces (no-break, thin, ideographic) become plain ones.
            if c.s[p.start..<p.end].contains(where: { $0.value >= 0x80 }) {
                return found(p.start, p.end, " ", rule: "typography.space")
            }
            return nil
        }
        guard p.kind == .other else { return nil }
        let ch = c.s[p.start]
        if let m = dash(c, at: p.start) {
            if p.start == 0 || !c.s[0..<p.start].contains(where: { TextScanner.isLetter($0) || TextScanner.isDigit($0) }) {
                return found(p.start, m.end, "", rule: m.rule)
            }
            return m
        }
        if let m = ellipsis(c, at: p.start) { return m }
        let glue = c.isAlnum(p.start - 1) && c.isAlnum(p.start + 1) ? " " : ""
        switch ch.value {
        case 0x00...0x08, 0x0E...0x1F, 0x7F, 0x80...0x9F, 0xAD, 0x200B...0x200F, 0x2060, 0xFEFF, 0x202A...0x202E:
            return found(p.start, p.end, "", rule: "typography.control")
        case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2039, 0x203A, 0x2033, 0x301D, 0x301E:
            return found(p.start, p.end, "\"", rule: "typography.quote")
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC:
            return found(p.start, p.end, "'", rule: "typography.quote")
        case 0x5B, 0x5D, 0x7B, 0x7D:  // [ ] { } — and never let "[[" reach espeak as phoneme mode
            return found(p.start, p.end, glue, rule: "typography.bracket")
        case 0x2A, 0x5E, 0x60, 0x5C, 0x2020, 0x2021, 0xAE, 0x2122, 0xA9, 0x2022, 0x25CF, 0x25AA, 0x25A0, 0xB6, 0x2023:
            return found(p.start, p.end, glue, rule: "typography.symbol")
        case 0xB2, 0xB3 where c.isLetter(p.start - 1) && !c.isLetter(p.start - 2):
            // "r²": a single letter squared or cubed, as in a formula.
            return found(p.start, p.end, ch.value == 0xB2 ? " squared" : " cubed", rule: "typography.power")
        case 0xB9, 0xB2, 0xB3, 0x2070, 0x2074...0x2079:  // a footnote's mark ("in 2019¹"); powers and units are read before
            return found(p.start, p.end, glue, rule: "typography.footnote")
        case 0x7C, 0xB7:  // | ·
            return found(p.start, p.end, c.isSpace(p.start - 1) || p.start == 0 ? "," : ", ", rule: "typography.separator")
        case 0x5F:  // _
            return found(p.start, p.end, " ", rule: "typography.symbol")
        case 0x23, 0x40, 0x7E, 0x2F, 0x3C, 0x3E:  // stray # @ ~ / < > that no other rule claimed
            return found(p.start, p.end, glue, rule: "typography.symbol")
        default:
            return nil
        }
    }

    /// "—", "–" with spaces or between words, "--", or " - " : a pause.
    private func dash(_ c: RuleContext, at o: Int) -> RuleMatch? {
        guard let ch = c.at(o) else { return nil }
        var end = o + 1
        if Self.isDash(ch) {
            while let x = c.at(end), Self.isDash(x) { end += 1 }
        } else if ch == "-" {
            if c.isChar(o + 1, "-") {
                end = o + 2
                while c.isChar(end, "-") { end += 1 }
            } else if !(c.isSpace(o - 1) && (c.isSpace(o + 1) || o + 1 >= c.count)) {
                return nil
            }
        } else { return nil }
        // An en dash touching numbered things ("1st–3rd", "Q1–Q3") is a range: "to".
        if ch == "\u{2013}", end == o + 1, c.isAlnum(o - 1), c.isAlnum(end),
           c.isDigit(o - 1) || c.isDigit(o - 3) || c.isDigit(end) || c.isDigit(end + 1) {
            return found(o, end, " to ", rule: "typography.range")
        }
        // An en dash joining two words ("Moscow–Beijing") is read as a space.
        if ch == "\u{2013}", end == o + 1, c.isLetter(o - 1), c.isLetter(end) {
            return found(o, end, " ", rule: "typography.dash")
        }
        if end >= c.count || !c.s[end...].contains(where: { TextScanner.isLetter($0) || TextScanner.isDigit($0) }) {
            return found(o, end, ".", rule: "typography.dash")
        }
        return found(o, end, c.isSpace(end) ? "," : ", ", rule: "typography.dash")
    }

    /// "…", "...", ". . ." : a comma mid-sentence, a period before a new sentence.
    private func ellipsis(_ c: RuleContext, at o: Int) -> RuleMatch? {
        var end: Int
        if c.isChar(o, "\u{2026}") { end = o + 1 }
        else if c.matches("...", at: o) { end = o + 3; while c.isChar(end, ".") { end += 1 } }
        else if c.matches(". . .", at: o) { end = o + 5 }
        else { return nil }
        let before = o > 0 && c.s[0..<o].contains(where: { TextScanner.isLetter($0) || TextScanner.isDigit($0) })
        if !before { return found(o, end, "", rule: "typography.ellipsis") }
        let stop = c.sentenceEnds(after: end) || c.isChar(end, "\"") || c.isChar(end, "\u{201D}")
        return found(o, end, stop ? "." : (c.isSpace(end) || end >= c.count ? "," : ", "), rule: "typography.ellipsis")
    }
}
