/// A US politician's party and state, as AP style writes them after the name: in parentheses,
/// "(D-Ohio)", "(R-Texas)", "(I-Vt.)", "(D-N.Y.)", "(R-CA)", or between commas, "Sen. Jones,
/// D-Ga., said". Newsreaders say "Democrat of Ohio"; the letter alone would be heard as a stray "D".
struct PartyRule: Rule {
    var name: String { "party" }
    var kind: String { "abbreviation" }

    static let parties: [Unicode.Scalar: String] = ["D": "Democrat", "R": "Republican", "I": "Independent"]

    /// The state written at `offset`, up to `close` (a closing parenthesis, or the comma after
    /// "Sen. Jones, D-Ga., said"): a name, an AP abbreviation or a postal code.
    static func state(_ c: RuleContext, at offset: Int, closedBy close: Unicode.Scalar) -> (name: String, end: Int)? {
        for (written, name) in PlaceRule.apStates where c.matches(written, at: offset) && c.isChar(offset + written.unicodeScalars.count, close) {
            return (name, offset + written.unicodeScalars.count)
        }
        var o = offset
        while let ch = c.at(o), ch != close, o - offset < 24 {
            guard TextScanner.isLetter(ch) || ch == " " else { return nil }
            o += 1
        }
        guard c.isChar(o, close) else { return nil }
        let written = c.text(offset, o)
        if let name = PlaceRule.states[written] { return (name, o) }
        return PlaceRule.stateNames.contains(written) ? (written, o) : nil
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .word, p.end == p.start + 1, c.isChar(p.end, "-"),
              let letter = c.at(p.start), let party = Self.parties[letter] else { return nil }
        let state: (name: String, end: Int)?
        if c.isChar(p.start - 1, "(") {
            state = Self.state(c, at: p.end + 1, closedBy: ")")
        } else if c.isChar(p.start - 1, " "), c.isChar(p.start - 2, ",") {
            state = Self.state(c, at: p.end + 1, closedBy: ",")   // "Sen. Jones, D-Ga., said"
        } else {
            state = nil
        }
        guard let state else { return nil }
        return found(p.start, state.end, "\(party) of \(state.name)")
    }
}
