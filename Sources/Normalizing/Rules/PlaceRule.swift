/// US state codes where an address or a dateline puts them: after "City, " ("Austin, TX",
/// "Portland, OR", AP style "Albany, N.Y.") or before a ZIP code ("CA 90210"); a quadrant
/// after a street ("15th St. NW"); two joined by "and" or "or" ("TX and CA"). Elsewhere "OR", "IN" and "ME" are words
/// and "CA" may be anything, so the code is left to the acronym rule.
struct PlaceRule: Rule {
    var name: String { "place" }
    var kind: String { "place" }

    static let states: [String: String] = [
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
        "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
        "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
        "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
        "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
        "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
        "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
        "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
        "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
        "WI": "Wisconsin", "WY": "Wyoming", "DC": "D C",
    ]

    /// The Associated Press's abbreviations, as datelines write them ("Albany, N.Y.", "Tampa, Fla.").
    static let apStates: [(String, String)] = [
        ("Ala.", "Alabama"), ("Ariz.", "Arizona"), ("Ark.", "Arkansas"), ("Calif.", "California"), ("Colo.", "Colorado"),
        ("Conn.", "Connecticut"), ("Del.", "Delaware"), ("Fla.", "Florida"), ("Ga.", "Georgia"), ("Ill.", "Illinois"),
        ("Ind.", "Indiana"), ("Kan.", "Kansas"), ("Ky.", "Kentucky"), ("La.", "Louisiana"), ("Md.", "Maryland"),
        ("Mass.", "Massachusetts"), ("Mich.", "Michigan"), ("Minn.", "Minnesota"), ("Miss.", "Mississippi"),
        ("Mo.", "Missouri"), ("Mont.", "Montana"), ("Neb.", "Nebraska"), ("Nev.", "Nevada"), ("N.H.", "New Hampshire"),
        ("N.J.", "New Jersey"), ("N.M.", "New Mexico"), ("N.Y.", "New York"), ("N.C.", "North Carolina"),
        ("N.D.", "North Dakota"), ("Okla.", "Oklahoma"), ("Ore.", "Oregon"), ("Pa.", "Pennsylvania"),
        ("R.I.", "Rhode Island"), ("S.C.", "South Carolina"), ("S.D.", "South Dakota"), ("Tenn.", "Tennessee"),
        ("Vt.", "Vermont"), ("Va.", "Virginia"), ("Wash.", "Washington"), ("W.Va.", "West Virginia"),
        ("Wis.", "Wisconsin"), ("Wyo.", "Wyoming"), ("D.C.", "D C"),
    ]
    /// The states' names as written out ("Ohio", "New York"); "D C" is not one.
    static let stateNames: Set<String> = Set(states.values).subtracting(["D C"])
    /// A city's quadrant after its street ("15th St. NW").
    static let quadrants: [String: String] = ["NW": "Northwest", "NE": "Northeast", "SW": "Southwest", "SE": "Southeast"]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .word else { return nil }
        let afterCity = c.isChar(p.start - 1, " ") && c.isChar(p.start - 2, ",")
            && (c.wordBefore(p.start - 2).map { c.isUpper($0.start) } ?? false)
        if afterCity, c.isChar(p.end, "."), let (form, state) = Self.apStates.first(where: { c.matches($0.0, at: p.start) }),
           !c.isLetter(p.start + form.count) {
            let end = p.start + form.count
            return found(p.start, end, state + (c.sentenceEnds(after: end) ? "." : ""), rule: "place.state")
        }
        if let direction = Self.compass[c.text(of: index)], c.matches(" of ", at: p.end), let unit = c.wordBefore(p.start),
           Self.distanceUnits.contains(unit.text), c.isDigit(c.skipBack(unit.start)) {
            return found(p.start, p.end, direction, rule: "place.direction")
        }
        if let quadrant = Self.quadrants[c.text(of: index)], !c.isLetter(p.end) {
            var q = c.skipBack(p.start)
            if c.isChar(q, ".") { q -= 1 }
            guard let before = c.wordBefore(q + 1), AddressRule.streetTypes.contains(before.text) else { return nil }
            return found(p.start, p.end, quadrant, rule: "place.quadrant")
        }
        guard p.end - p.start == 2, let state = Self.states[c.text(of: index)],
              !c.isLetter(p.end), !(c.isChar(p.end, ".") && c.isLetter(p.end + 1)) else { return nil }
        // "CA 90210" / "CA 90210-1234"
        var zip = c.isChar(p.end, " ")
        if zip { for k in 1...5 where !c.isDigit(p.end + k) { zip = false } }
        zip = zip && !c.isDigit(p.end + 6)
        guard afterCity || zip || Self.paired(c, p) || Self.inState(c, p) else { return nil }
        return found(p.start, p.end, state, rule: "place.state")
    }

    /// Codes that are also words or stand for something else ("LA" is Los Angeles, "MA and MS" degrees) are no pair.
    static let unpaired: Set<String> = ["OR", "IN", "ME", "OK", "HI", "OH", "ID", "LA", "CO", "DE", "MA", "MS", "MD", "PA", "AR"]

    /// "costs $4.19 in CA.", "from NJ,": a code alone after "in" or "from", closing its phrase
    /// ("in PR" is public relations, and "in VA hospitals" the department).
    static func inState(_ c: RuleContext, _ p: Piece) -> Bool {
        let code = c.text(of: c.piece(startingAt: p.start) ?? 0)
        guard !unpaired.contains(code), code != "PR", let before = c.wordBefore(p.start), c.isChar(p.start - 1, " "),
              ["in", "from", "across", "throughout"].contains(before.text) else { return false }
        return !c.isChar(p.end, " ") || c.matches(" and ", at: p.end) || c.matches(" or ", at: p.end)
    }

    /// "12 km NE of Ridgecrest": a direction from a place, after a distance.
    static let compass: [String: String] = ["N": "north", "S": "south", "E": "east", "W": "west", "NE": "northeast",
                                            "NW": "northwest", "SE": "southeast", "SW": "southwest", "NNE": "north-northeast",
                                            "ENE": "east-northeast", "ESE": "east-southeast", "SSE": "south-southeast",
                                            "SSW": "south-southwest", "WSW": "west-southwest", "WNW": "west-northwest",
                                            "NNW": "north-northwest"]
    static let distanceUnits: Set<String> = ["km", "mi", "miles", "mile", "kilometers", "kilometres", "nm", "ft", "feet", "m", "yards", "yds"]

    /// "TX and CA", "NY or NJ": two state codes joined by "and" or "or" name each other states.
    static func paired(_ c: RuleContext, _ p: Piece) -> Bool {
        func isCode(_ start: Int, _ end: Int) -> Bool {
            end - start == 2 && !c.isLetter(start - 1) && !c.isLetter(end) && !c.isDigit(end + 1)
                && states[c.text(start, end)] != nil && !unpaired.contains(c.text(start, end))
        }
        guard isCode(p.start, p.end) else { return false }
        for joiner in [" and ", " or "] {
            let after = p.end + joiner.count
            if c.matches(joiner, at: p.end), isCode(after, after + 2) { return true }
            let before = p.start - joiner.count
            if before >= 2, c.matches(joiner, at: before), isCode(before - 2, before) { return true }
        }
        return false
    }
}
