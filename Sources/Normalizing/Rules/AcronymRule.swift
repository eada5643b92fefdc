/// Acronyms: spelled letter by letter ("FBI" "F B I", "U.S." "U S", "MPs" "M P's") unless they
/// are said as words (NATO, UNESCO, HIMARS… in `Vocabulary.wordAcronyms`). Lower-case "us" and
/// ordinary words in capitals are left alone.
struct AcronymRule: Rule {
    var name: String { "acronym" }
    var kind: String { "acronym" }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .word, c.isUpper(p.start) else { return nil }
        // Dotted: U.S., U.K., U.N., D.C., U.S.A.
        if p.end - p.start == 1, c.isChar(p.end, "."), c.isUpper(p.end + 1), c.isChar(p.end + 2, ".") || !c.isLetter(p.end + 2) && c.isChar(p.end + 2, ".") {
            var o = p.start
            var letters = ""
            while c.isUpper(o), c.isChar(o + 1, "."), !c.isLetter(o - 1) || o == p.start {
                letters.append(Character(c.s[o])); o += 2
                if !c.isUpper(o) || c.isLetter(o + 1) { break }
            }
            guard letters.count >= 2 else { return nil }
            let end = o
            var spoken = spellLetters(letters)
            // "the U.S. Congress" needs no period; "in the U.S." at the end keeps one.
            if end >= c.count || (c.sentenceEnds(after: end)) { spoken += "." }
            // Possessive
            var e = end
            if c.isChar(e, "'") || c.isChar(e, "\u{2019}"), c.isChar(e + 1, "s"), !c.isAlnum(e + 2) { spoken += "'s"; e += 2 }
            return found(p.start, e, spoken, rule: "acronym.dotted")
        }
        guard c.s[(p.start + 1)..<p.end].contains(where: { $0.value < 0x80 ? ($0.value &- 0x41) < 26 : $0.properties.isUppercase }) else { return nil }
        let w = c.text(of: index)
        let scalars = Array(w.unicodeScalars)
        let upper = scalars.filter { $0.properties.isUppercase }.count
        if let m = Vocabulary.mixedSpelled[w], !c.isLetter(p.end) {
            return found(p.start, p.end, m, rule: "acronym.spelled")
        }
        // Plural "MPs", "NGOs", "UAVs": capitals then one "s".
        var body = w
        var plural = false
        if scalars.count >= 3, scalars.last == "s", upper == scalars.count - 1 { body = String(w.dropLast()); plural = true }
        guard body.count >= 2, body.unicodeScalars.allSatisfy({ $0.properties.isUppercase }) else { return nil }
        if Vocabulary.capitalWords.contains(body) {
            // Said as a word; lower-cased so espeak-ng's own all-capitals handling cannot spell it.
            guard body.count >= 3, !plural else { return nil }
            return found(p.start, p.end, body.lowercased(), rule: "acronym.capitalized-word")
        }
        if c.isChar(p.end, "&") && c.isUpper(p.end + 1) { return nil }  // "AT&T" is the symbol rule's
        if headline(c) { return nil }
        var end = p.end
        var possessive = ""
        if !plural, c.isChar(end, "'") || c.isChar(end, "\u{2019}"), c.isChar(end + 1, "s"), !c.isAlnum(end + 2) {
            possessive = "'s"; end += 2
        }
        // "won in OT", "lost in 2OT" is the designation rule's: overtime after a score.
        if body == "OT", !plural, ["in", "into", "during"].contains(c.wordBefore(p.start)?.text ?? "") {
            return found(p.start, end, "overtime" + possessive, rule: "acronym.word")
        }
        if let word = Vocabulary.wordAcronyms[body] {
            let many = plural && !word.hasSuffix("s") ? "s" : ""  // "HQs": "headquarters" is its own plural
            return found(p.start, end, word + many + possessive, rule: "acronym.word")
        }
        // An ordinary word in capitals ("BREAKING", "UPDATE", "LIVE") is said as a word: the
        // system word list tells it from an acronym. Short ones stay spelled ("IT", "WHO").
        if body.count >= 4, Vocabulary.isWord(body.lowercased()) {
            return found(p.start, end, body.lowercased() + (plural ? "s" : "") + possessive, rule: "acronym.capitalized-word")
        }
        // A name in capitals ("NEW YORK", "KYIV" in a dateline) is said as the name.
        if body.count >= 4, !plural, Vocabulary.names.contains(body.lowercased()) {
            return found(p.start, end, body.prefix(1) + body.dropFirst().lowercased() + possessive, rule: "acronym.capitalized-name")
        }
        let hasVowel = body.contains(where: { "AEIOUY".contains($0) })
        guard body.count <= 5 || !hasVowel else { return nil }
        return found(p.start, end, spellLetters(body) + (plural || !possessive.isEmpty ? "'s" : ""), rule: "acronym.spelled")
    }

    /// A text mostly in capitals is a shouted headline: do not spell its words.
    private func headline(_ c: RuleContext) -> Bool {
        var words = 0, caps = 0
        for p in c.pieces where p.kind == .word && p.end - p.start >= 3 {
            words += 1
            if c.s[p.start..<p.end].allSatisfy({ $0.properties.isUppercase }) { caps += 1 }
            if words >= 12 { break }
        }
        return words >= 4 && caps * 10 >= words * 7
    }
}
