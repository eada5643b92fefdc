/// A US politician's party and state in parentheses, as AP style writes them after the name:
/// "(D-Ohio)", "(R-Texas)", "(I-Vt.)", "(D-N.Y.)", "(R-CA)". Newsreaders say "Democrat of Ohio";
/// the letter alone would be heard as a stray "D".
struct PartyRule: Rule {
    var name: String { "party" }
    var kind: String { "abbreviation" }

    static let parties: [Unicode.Scalar: String] = ["D": "Democrat", "R": "Republican", "I": "Independent"]

    /// The state written at `offset`, up to a closing parenthesis: a name, an AP abbreviation or a postal code.
    static func state(_ c: RuleContext, at offset: Int) -> (name: String, end: Int)? {
        for (written, name) in PlaceRule.apStates where c.matches(written, at: offset) && c.isChar(offset + written.unicodeScalars.count, ")") {
            return (name, offset + written.unicodeScalars.count)
        }
        var o = offset
        while let ch = c.at(o), ch != ")", o - offset < 24 {
            guard TextScanner.isLetter(ch) || ch == " " else { return nil }
            o += 1
        }
        guard c.isChar(o, ")") else { return nil }
        let written = c.text(offset, o)
        if let name = PlaceRule.states[written] { return (name, o) }
        return PlaceRule.stateNames.contains(written) ? (written, o) : nil
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .word, p.end == p.start + 1, c.isChar(p.start - 1, "("), c.isChar(p.end, "-"),
              let letter = c.at(p.start), let party = Self.parties[letter],
              let (state, end) = Self.state(c, at: p.end + 1) else { return nil }
        return found(p.start, end, "\(party) of \(state)")
    }
}
