/// Roman numerals in regnal names ("Elizabeth II" "Elizabeth the Second", "Henry VIII"),
/// wars, events and sections ("World War I" "World War One", "Part III", "Super Bowl LVIII").
/// The pronoun "I" is left alone unless a war, a part or a known monarch's name comes before it.
struct RomanNumeralRule: Rule {
    var name: String { "roman" }
    var kind: String { "roman" }

    static let counters: Set<String> = ["War", "Part", "Chapter", "Section", "Article", "Title", "Phase", "Round",
                                        "Stage", "Law", "Rule", "Canto", "Psalm", "Volume", "Vol", "Act", "Book", "Level", "Class", "Type", "Grade",
                                        "Category", "Schedule", "Appendix", "Annex", "Bowl", "Vatican", "Mark", "Mk",
                                        "Episode", "Season", "Tier", "Division", "Apollo", "Gemini", "Rocky", "Star",
                                        // Missions and launchers are numbered, not reigning ("Artemis II" "Artemis two").
                                        "Artemis", "Mercury", "Voyager", "Pioneer", "Skylab", "Saturn", "Titan", "Ariane",
                                        "Vostok", "Shenzhou", "Tianzhou", "Starliner", "Crew", "Expedition", "Kepler"]
    static let monarchs: Set<String> = ["Elizabeth", "Charles", "James", "George", "Henry", "Edward", "William", "Mary",
                                        "Peter", "Catherine", "Nicholas", "Alexander", "Louis", "Napoleon", "Richard",
                                        "John", "Paul", "Francis", "Benedict", "Pius", "Leo", "Philip", "Felipe",
                                        "Juan", "Carlos", "Frederick", "Wilhelm", "Victor", "Emmanuel", "Gregory",
                                        "Innocent", "Clement", "Urban", "Boniface", "Ivan", "Harald", "Olav", "Gustaf",
                                        "Willem", "Albert", "Baudouin", "Ferdinand", "Franz", "Joseph", "Otto",
                                        "Ludwig", "Victoria", "Anne", "Stephen", "Haakon", "Rainier", "Hassan",
                                        "Abdullah", "Mohammed", "Akihito", "Constantine", "Michael", "Selim", "Mehmed"]

    static func value(_ s: String) -> Int? {
        let map: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]
        var total = 0, prev = 0
        for ch in s.reversed() {
            guard let v = map[ch] else { return nil }
            if v < prev { total -= v } else { total += v; prev = v }
        }
        // Only canonical spellings: "IIII" or "IC" are not numerals.
        return total > 0 && canonical(total) == s ? total : nil
    }

    static func canonical(_ n: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, s = ""
        for (v, r) in table { while n >= v { s += r; n -= v } }
        return s
    }

    /// Titles before a name that make the numeral after it regnal ("King Frederik X").
    static let titles: Set<String> = ["King", "Queen", "Pope", "Emperor", "Empress", "Tsar", "Czar", "Prince",
                                      "Princess", "Duke", "Kaiser", "Sultan", "Shah", "Pharaoh"]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .word, c.isUpper(p.start), !c.isAlnum(p.end), !c.isChar(p.end, "-") || c.isChar(p.end + 1, " ") else { return nil }
        guard p.end - p.start <= 7, c.s[p.start..<p.end].allSatisfy({ "IVXLCDM".unicodeScalars.contains($0) }) else { return nil }
        let w = c.text(of: index)
        guard w.count <= 7, let v = Self.value(w) else { return nil }
        guard let before = c.wordBefore(p.start), c.isSpace(p.start - 1) else { return nil }
        // "the 1st XI", "2nd XV": a club's or school's side, named for how many play in it.
        if w == "XI" || w == "XV", ["first", "second", "third", "fourth"].contains(before.text.lowercased())
            || (NumberRule.ordinalSuffixes.contains(before.text.lowercased()) && c.isDigit(before.start - 1)) {
            return found(p.start, p.end, NumberWords.cardinal(v), rule: "roman.side")
        }
        guard c.isUpper(before.start) else { return nil }
        // "CHAPTER IX" in a shouted heading is "Chapter IX".
        let prev = before.text == before.text.uppercased() ? before.text.capitalized : before.text
        // Possessive or plural after the numeral: "Charles III's".
        var end = p.end
        var tail = ""
        if c.isChar(end, "'") || c.isChar(end, "\u{2019}"), c.isChar(end + 1, "s"), !c.isAlnum(end + 2) { end += 2; tail = "'s" }
        if Self.counters.contains(prev) {
            if w == "I" && !(prev == "War" || prev == "Part" || prev == "Phase" || prev == "Chapter" || prev == "Title" || prev == "Act" || prev == "Article" || prev == "Stage" || prev == "Round" || prev == "Vatican" || prev == "Class" || prev == "Mark" || prev == "Type") { return nil }
            return found(p.start, end, NumberWords.cardinal(v) + tail, rule: "roman.cardinal")
        }
        // Regnal: a capitalized name then a numeral up to 39 in I, V, X.
        guard v < 40, w.allSatisfy({ "IVX".contains($0) }) else { return nil }
        if w == "I" && !Self.monarchs.contains(prev) { return nil }
        // Two-letter numerals ("VI", "XI", "IV") after a name are only regnal after a known monarch or pope.
        let title = c.wordBefore(before.start)?.text ?? ""
        if v < 4 || Self.monarchs.contains(prev) || w.count >= 3 || Self.titles.contains(title) {
            return found(p.start, end, "the " + NumberWords.ordinal(v) + tail, rule: "roman.regnal")
        }
        return nil
    }
}
