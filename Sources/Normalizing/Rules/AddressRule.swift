/// US house numbers read in pairs, as Americans say them: "221 Baker St" "two twenty-one",
/// "1600 Pennsylvania Avenue" "sixteen hundred". A number is a house number when up to three
/// capitalized words (or an ordinal, "5th") and a street type follow it.
struct AddressRule: Rule {
    var name: String { "address.house-number" }
    var kind: String { "address" }

    static let streetTypes: Set<String> = ["Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane",
                                           "Ln", "Drive", "Dr", "Way", "Place", "Pl", "Court", "Ct", "Parkway", "Pkwy",
                                           "Highway", "Hwy", "Terrace", "Square", "Circle", "Trail", "Plaza"]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard !c.british, p.kind == .number, (3...4).contains(p.end - p.start), !c.isAlnum(p.start - 1),
              !c.isChar(p.start - 1, "$"), c.isChar(p.end, " "), !c.isChar(p.start, "0") else { return nil }
        var o = p.end
        for _ in 0..<4 {
            guard let w = c.wordAfter(o) else {
                // "5th Ave": an ordinal street number.
                let s = c.skipSpaces(o, max: 1)
                guard let n = c.number(at: s), n.isInteger, let e = NumberRule.ordinalSuffixEnd(c, at: n.end) else { return nil }
                o = e
                continue
            }
            if Self.streetTypes.contains(w.text), w.start > p.end + 1 {
                return found(p.start, p.end, NumberWords.designation(Substring(c.text(of: index))))
            }
            guard c.isUpper(w.start) else { return nil }
            o = w.end
            if c.isChar(o, "."), w.end - w.start <= 2 { o += 1 }   // "350 W. 42nd St.": an abbreviated direction
        }
        return nil
    }
}
