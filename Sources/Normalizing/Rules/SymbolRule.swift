/// Symbols said as words: & "and", ~ "about", + "plus", # before a number "number", = "equals",
/// 3x "three times", 4x4 "four by four", 50/50 "fifty-fifty", 24/7, a 3:1 ratio "three to one".
struct SymbolRule: Rule {
    var name: String { "symbol" }
    var kind: String { "symbol" }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        let gb = c.british
        if p.kind == .number {
            guard let n = c.number(at: p.start), !c.isDigit(p.start - 1) else { return nil }
            let o = n.end
            // A sum: "6x7=42" times, "12/4=3" and "10÷2=5" divided by.
            let spacedOp = c.isChar(o, " ") && c.isChar(o + 2, " ")
            let op = spacedOp ? o + 1 : o
            if let sign = c.at(op), "x×/÷*".unicodeScalars.contains(sign), let m = c.number(at: c.skipSpaces(op + 1, max: 1)),
               c.isChar(c.skipSpaces(m.end, max: 1), "=") {
                let say = sign == "/" || sign == "÷" ? " divided by " : " times "
                return found(n.start, m.end, n.words(british: gb) + say + m.words(british: gb), rule: "symbol.arithmetic")
            }
            // 3x, 2.5x, 4x4, 3×, "2 x 3 m"
            if c.isChar(op, "x") || c.isChar(op, "\u{00D7}") {
                if let m = c.number(at: spacedOp ? o + 3 : o + 1), m.isInteger {
                    var spoken = n.words(british: gb) + " by " + m.words(british: gb)
                    var end = m.end
                    let u = c.skipSpaces(end, max: 1)
                    if let (unit, uEnd, _) = MeasureRule.unit(c, at: u, attached: u == end) {
                        // "a 3x4 m room": before its noun the unit is singular, as in "a 10-km walk".
                        let article = c.wordBefore(n.start)?.text.lowercased()
                        let nounAfter = c.isChar(uEnd, " ") && (c.wordAfter(uEnd).map { c.isLower($0.start) } ?? false)
                        let singular = (article == "a" || article == "an") && nounAfter
                        spoken += " " + (gb ? (singular ? unit.oneGB : unit.manyGB) : (singular ? unit.one : unit.many)); end = uEnd
                    }
                    return found(n.start, end, spoken, rule: "symbol.by")
                }
                if !spacedOp, !c.isAlnum(o + 1) && !c.isChar(o + 1, "-") {
                    return found(n.start, o + 1, n.words(british: gb) + " times", rule: "symbol.times")
                }
            }
            // "10^6": a power.
            if c.isChar(o, "^"), let m = c.number(at: o + 1), m.isInteger, !c.isAlnum(m.end) {
                return found(n.start, m.end, n.words(british: gb) + " to the power of " + m.words(british: gb), rule: "symbol.power")
            }
            // "10⁶": a power written in superscript digits.
            var e = o, power = ""
            while let d = c.at(e), let v = Self.superscripts[d] { power.append(v); e += 1 }
            // Only where it cannot be a footnote's mark ("in 2019¹"): a power of ten, or a small square or cube.
            if !power.isEmpty, n.isInteger, !c.isAlnum(e), let p = Int(power), n.whole == "10" || ((n.intValue ?? 100) < 100 && (p == 2 || p == 3)) {
                return found(n.start, e, n.words(british: gb) + " to the power of " + NumberWords.cardinal(p, british: gb), rule: "symbol.power")
            }
            // 50/50, 24/7
            if c.isChar(o, "/"), let m = c.number(at: o + 1), n.isInteger, m.isInteger, !c.isChar(m.end, "/") {
                if n.whole == m.whole {
                    let w = n.words(british: gb)
                    return found(n.start, m.end, w + "-" + w, rule: "symbol.evens")
                }
                if n.whole == "24" && m.whole == "7" {
                    return found(n.start, m.end, "twenty-four seven", rule: "symbol.always")
                }
            }
            // "3∶1": the ratio sign is only ever a ratio.
            if c.isChar(o, "\u{2236}"), let m = c.number(at: o + 1), n.isInteger, m.isInteger {
                return found(n.start, m.end, n.words(british: gb) + " to " + m.words(british: gb), rule: "symbol.ratio")
            }
            // 3:1 ratio (a time has two minute digits; a ratio does not, or says so)
            if c.isChar(o, ":"), let m = c.number(at: o + 1), n.isInteger, m.isInteger, !c.isChar(m.end, ":") {
                let next = c.wordAfter(m.end)?.text.lowercased()
                if m.whole.count != 2 || (n.intValue ?? 0) > 24 || next == "ratio" || next == "majority" || next == "margin" {
                    return found(n.start, m.end, n.words(british: gb) + " to " + m.words(british: gb), rule: "symbol.ratio")
                }
            }
            return nil
        }
        // "πr²": the Greek letter of circles is said "pi" wherever it stands.
        if p.kind == .word, c.isChar(p.start, "\u{03C0}") {
            let rest = c.text(p.start + 1, p.end)
            return found(p.start, p.end, "pi" + (rest.isEmpty ? "" : " " + rest), rule: "symbol.pi")
        }
        guard p.kind == .other else { return nil }
        let ch = c.s[p.start]
        let o = p.start
        switch ch {
        case ".":
            // "report.pdf": a file's extension, said after "dot" as people say it.
            guard c.isAlnum(o - 1), let w = c.piece(startingAt: o + 1), c.pieces[w].kind == .word || c.pieces[w].kind == .number else { return nil }
            var end = c.pieces[w].end
            if c.pieces[w].kind == .word, c.isDigit(end), let d = c.piece(startingAt: end), c.pieces[d].kind == .number { end = c.pieces[d].end }  // "mp3"
            guard !c.isAlnum(end), let said = Self.extensions[c.text(o + 1, end).lowercased()] else { return nil }
            return found(o, end, " dot " + said, rule: "symbol.file")
        case "&":
            // "M&A", "R&D", "AT&T": spell the capitals on both sides.
            if c.isUpper(o - 1), c.isUpper(o + 1) {
                var a = o - 1, b = o + 1
                while c.isUpper(a - 1) { a -= 1 }
                while c.isUpper(b) { b += 1 }
                if o - a <= 3, b - o - 1 <= 3, !c.isLetter(a - 1), !c.isLetter(b) {
                    return found(a, b, spellLetters(c.text(a, o)) + " and " + spellLetters(c.text(o + 1, b)), rule: "symbol.and")
                }
            }
            return found(o, o + 1, "and", rule: "symbol.and")
        case "~", "\u{2248}", "\u{223C}":
            if c.isDigit(c.skipSpaces(o + 1, max: 1)) || c.isChar(o + 1, "$") { return found(o, o + 1, "about", rule: "symbol.about") }
            return nil
        case "+":
            if c.isChar(o + 1, "+") { return found(o, o + 2, "plus plus", rule: "symbol.plus") }
            if c.isChar(o + 1, "/"), c.isChar(o + 2, "-") { return found(o, o + 3, "plus or minus", rule: "symbol.plusminus") }
            return found(o, o + 1, "plus", rule: "symbol.plus")
        case "#", "\u{2116}":
            if c.isDigit(c.skipSpaces(o + 1, max: 1)) { return found(o, o + 1, "number", rule: "symbol.number") }
            return nil
        case "\u{00A7}": return found(o, o + 1, "section", rule: "symbol.section")
        case "-":
            // "a C- in chemistry": a school grade.
            guard let g = c.at(o - 1), "ABCDE".unicodeScalars.contains(g), !c.isAlnum(o - 2), !c.isAlnum(o + 1), !c.isChar(o + 1, "-") else { return nil }
            return found(o, o + 1, "minus", rule: "symbol.grade")
        case "=": return found(o, o + 1, "equals", rule: "symbol.equals")
        case "<": return c.isSpace(o - 1) || c.isDigit(o + 1) ? found(o, o + 1, "less than", rule: "symbol.compare") : nil
        case ">": return c.isSpace(o - 1) || c.isDigit(o + 1) ? found(o, o + 1, "more than", rule: "symbol.compare") : nil
        case "\u{2264}": return found(o, o + 1, "at most", rule: "symbol.compare")
        case "\u{2265}": return found(o, o + 1, "at least", rule: "symbol.compare")
        case "\u{00B1}": return found(o, o + 1, "plus or minus", rule: "symbol.plusminus")
        case "\u{00D7}":
            // "rose ×3": a multiple, "three times".
            if c.isSpace(o - 1), let m = c.number(at: o + 1), !c.isAlnum(m.end) {
                return found(o, m.end, m.words(british: gb) + " times", rule: "symbol.times")
            }
            return found(o, o + 1, c.isDigit(o - 1) || c.isDigit(o + 1) ? "by" : "times", rule: "symbol.by")
        case "\u{00F7}": return found(o, o + 1, "divided by", rule: "symbol.divided")
        case "\u{2192}": return found(o, o + 1, "to", rule: "symbol.arrow")
        case "%": return found(o, o + 1, gb ? "per cent" : "percent", rule: "symbol.percent")
        case "\u{00B0}", "\u{00BA}": return found(o, o + 1, "degrees", rule: "symbol.degrees")
        case "@":
            if c.isSpace(o - 1) && c.isSpace(o + 1) { return found(o, o + 1, "at", rule: "symbol.at") }
            return nil
        case "/":
            // "1.5 million/day": a rate after a scaled amount (after a bare amount, the money and
            // measure rules write it).
            if let before = c.wordBefore(o), MeasureRule.scaleWords.contains(before.text), before.start + before.text.unicodeScalars.count == o,
               let (per, end) = PerUnit.after(c, at: o) {
                return found(o, end, per, rule: "symbol.per")
            }
            // "8pm ET / 5pm PT": two alternatives set apart, said with a pause.
            if c.isChar(o - 1, " "), c.isChar(o + 1, " "), c.isAlnum(o - 2) { return found(o - 1, o + 1, ",", rule: "symbol.slash") }
            // "and/or", "Russia/Ukraine": a short pause between the two.
            if c.isLetter(o - 1) && c.isLetter(o + 1) { return found(o, o + 1, " ", rule: "symbol.slash") }
            return nil
        default: return nil
        }
    }

    static let superscripts: [Unicode.Scalar: Character] = [
        "\u{2070}": "0", "\u{00B9}": "1", "\u{00B2}": "2", "\u{00B3}": "3", "\u{2074}": "4",
        "\u{2075}": "5", "\u{2076}": "6", "\u{2077}": "7", "\u{2078}": "8", "\u{2079}": "9",
    ]
    /// File extensions as people say them.
    static let extensions: [String: String] = [
        "pdf": "P D F", "csv": "C S V", "jpg": "J peg", "jpeg": "J peg", "png": "P N G", "gif": "gif", "mp3": "M P three",
        "mp4": "M P four", "zip": "zip", "txt": "text", "html": "H T M L", "docx": "doc X", "doc": "doc", "xlsx": "X L S X",
        "xls": "X L S", "pptx": "P P T X", "exe": "E X E", "json": "J son", "wav": "wave",
    ]
}
