/// Plain numbers: cardinals with separators ("12,500"), ordinals ("2nd", "33rd", "101st"),
/// decimals ("3.14"), and short scales glued on ("5bn", "40k").
struct NumberRule: Rule {
    var name: String { "number" }
    var kind: String { "number" }

    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    /// The ordinal suffix glued to a number at `offset` ("st" in "1st"), if any.
    static func ordinalSuffixEnd(_ c: RuleContext, at offset: Int) -> Int? {
        guard let w = c.piece(startingAt: offset), c.pieces[w].kind == .word else { return nil }
        let suffix = c.text(of: w).lowercased()
        return ordinalSuffixes.contains(suffix) ? c.pieces[w].end : nil
    }

    /// Whether "M" glued to `n` (ending at `end`) means millions: after a decimal or two digits or
    /// more ("8.3M", "40M"), or before a known count ("8M users"); "3M" alone, or before what the
    /// company makes ("3M masks"), is the company.
    static func isMillions(_ c: RuleContext, _ n: NumberLiteral, end: Int) -> Bool {
        if c.isAlnum(end) { return false }
        if !n.isInteger || n.end - n.start >= 2 { return true }
        return countFollows(c, end: end)
    }

    /// Is the word after `end` a thing counted in thousands or millions ("users", "fans")?
    static func countFollows(_ c: RuleContext, end: Int) -> Bool {
        guard c.isChar(end, " "), let next = c.wordAfter(end)?.text else { return false }
        return MeasureRule.countNouns.contains(next)
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .number, let n = c.number(at: p.start) else { return nil }
        let gb = c.british
        if n.isInteger, let end = Self.ordinalSuffixEnd(c, at: n.end) {
            // British "14st 2lb": stones, not an ordinal (that would be "14th").
            if gb, c.text(n.end, end).lowercased() == "st", let v = n.intValue, v % 10 != 1 || v % 100 == 11 {
                return found(n.start, end, n.words(british: gb) + " stone", kind: "measure", rule: "measure.stone")
            }
            let words = NumberWords.ordinalize(n.words(british: gb))
            return found(n.start, end, words, rule: "number.ordinal")
        }
        // "5bn", "40k": a short scale glued on (money is handled before).
        if let w = c.piece(startingAt: n.end), c.pieces[w].kind == .word, !c.isAlnum(c.pieces[w].end) {
            let glued = c.text(of: w)
            // "49ers", "76ers": a team named for a number, said as one ("forty-niners").
            if n.isInteger, !n.grouped, glued == "ers", !c.isDigit(p.start - 1) {
                let words = n.words(british: gb)
                return found(n.start, c.pieces[w].end, words + (words.hasSuffix("e") ? "rs" : "ers"), kind: "word", rule: "number.team")
            }
            // A bare "5T" is a weight or a model, not trillions (money's "$1.2T" is read before).
            if let scale = Vocabulary.scales.first(where: { $0.written == glued && !["m", "M", "T"].contains($0.written) }) {
                return found(n.start, c.pieces[w].end, n.words(british: gb) + " " + scale.word, rule: "number.scale")
            }
            // "8.3M", "40M users": millions. A lone digit before M may be a name ("3M"), and a
            // small "m" after a number is metres (the measure rule's). ("70B" comes the way of "5bn".)
            if glued == "M", Self.isMillions(c, n, end: c.pieces[w].end) {
                return found(n.start, c.pieces[w].end, n.words(british: gb) + " million", rule: "number.scale")
            }
        }
        // "8 bn", "3 mln": a short scale after a space (the words themselves need nothing).
        if c.isChar(n.end, " "), let w = c.piece(startingAt: n.end + 1), c.pieces[w].kind == .word, !c.isAlnum(c.pieces[w].end),
           ["bn", "bln", "mn", "mln", "tn", "trn"].contains(c.text(of: w)),
           let scale = Vocabulary.scales.first(where: { $0.written == c.text(of: w) }) {
            return found(n.start, c.pieces[w].end, n.words(british: gb) + " " + scale.word, rule: "number.scale")
        }
        // A number glued to letters is a designation ("5G", "3D"), not this rule's business.
        if c.isLetter(n.end) { return nil }
        // "serial no. 00471", "agent 007": a leading zero makes it a code, said digit by digit
        // (times, phone numbers and dates with one are read before this rule).
        if n.isInteger, !n.grouped, n.whole.count >= 3, n.whole.hasPrefix("0") {
            return found(n.start, n.end, NumberWords.digits(String(n.whole), zero: gb ? "oh" : "zero"), kind: "digits", rule: "digits.leading-zero")
        }
        return found(n.start, n.end, n.words(british: gb), rule: n.isInteger ? "number.cardinal" : "number.decimal")
    }
}
