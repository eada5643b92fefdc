/// Designations of weapons, aircraft, viruses and groups: "MiG-29" "Mig twenty-nine", "Ka-52",
/// "PAC-3" "pack three", "H5N1" "H five N one", "G20", "M1 Abrams", "Airbus A320" "Eh three twenty",
/// "Boeing 737" "seven thirty-seven", "F-16", "S-400", "5G", "3D", "COVID-19".
struct DesignationRule: Rule {
    static let roads: Set<String> = ["Highway", "Hwy", "Route", "Interstate", "Freeway"]
    /// "Form 1040", "Form 8962": a tax form's number is read in pairs too.
    static let forms: Set<String> = ["Form", "form", "Section", "section"]
    /// Video resolutions by their lines ("1080p").
    static let videoLines: Set<String> = ["240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"]

    var name: String { "designation" }
    var kind: String { "designation" }

    /// Letter parts said as words rather than spelled.
    static let wordParts: [String: String] = [
        "MiG": "Mig", "PAC": "pack", "Ka": "Ka", "Su": "Sue", "Tu": "T U", "Mi": "M I", "An": "Eh N", "Il": "I L",
        "Yak": "Yak", "COVID": "Covid", "Covid": "Covid", "Shahed": "Shahed", "Iskander": "Iskander",
        "Kinzhal": "Kinzhal", "Kalibr": "Kalibr", "Kh": "K H", "Zircon": "Zircon", "Tor": "Tor", "Buk": "Buk",
        "Pantsir": "Pantsir", "Grad": "Grad", "Uragan": "Uragan", "Tornado": "Tornado", "Bayraktar": "Bayraktar",
        "Lancet": "Lancet", "Orlan": "Orlan", "Geran": "Geran", "Storm": "Storm", "Leopard": "Leopard",
        "Challenger": "Challenger", "Stryker": "Stryker", "Bradley": "Bradley", "Marder": "Marder",
        "Patriot": "Patriot", "Gepard": "Gepard", "Falcon": "Falcon", "Starship": "Starship", "Soyuz": "Soyuz",
        "Web": "Web", "Galaxy": "Galaxy", "Pixel": "Pixel", "iPhone": "iPhone", "Windows": "Windows", "Euro": "Euro",
    ]
    /// Bills in Congress and the state houses.
    static let billPrefixes = ["H.R.", "S.B.", "H.B.", "A.B.", "S.", "H.J.Res.", "S.J.Res.", "H.Res.", "S.Res."]
    /// Names after which a bare number is a model number ("Boeing 737").
    static let makers: Set<String> = ["Boeing", "Airbus", "Embraer", "Tupolev", "Ilyushin", "Antonov", "Sukhoi",
                                      "Cessna", "Bombardier", "Gulfstream", "Lockheed", "Sikorsky", "Xbox"]

    /// Jetliners named without their maker: "the 737 MAX 9", "a 747", "the 787 Dreamliner".
    /// A bare "737 jets" stays a count.
    private func isBoeingModel(_ c: RuleContext, _ p: Piece) -> Bool {
        guard p.end - p.start == 3, c.isChar(p.start, "7"), c.isChar(p.end - 1, "7") else { return false }
        if let after = c.wordAfter(p.end), after.start == p.end + 1, ["MAX", "Max", "Dreamliner", "Dreamliners", "jumbo"].contains(after.text) { return true }
        if c.isChar(p.end, "-"), c.isDigit(p.end + 1) { return true }   // "737-800"
        // "a 747": one of them, so not a count.
        guard let before = c.wordBefore(p.start), ["a", "A"].contains(before.text) else { return false }
        return c.wordAfter(p.end).map { !$0.text.hasSuffix("s") } ?? true
    }

    /// Is a numbered road ("M25", "A14", "A1(M)") named within a few words of `start` or `end`?
    private func nearMotorway(_ c: RuleContext, _ start: Int, _ end: Int) -> Bool {
        func road(_ o: Int) -> Bool { (c.isChar(o, "M") || c.isChar(o, "A")) && !c.isAlnum(o - 1) && c.isDigit(o + 1) || c.matches("(M)", at: o) }
        for o in max(0, start - 60)..<start where road(o) { return true }
        for o in end..<min(c.s.count, end + 40) where road(o) { return true }
        return false
    }

    static func letters(_ w: String) -> String {
        if let word = wordParts[w] { return word }
        if let word = Vocabulary.wordAcronyms[w] { return word }
        let hasLower = w.contains(where: \.isLowercase)
        // "SAVE20", "WELCOME10": a promotion's code made of a word is said as the word.
        if !hasLower && w.count >= 4 && Vocabulary.isWord(w.lowercased()) { return w.lowercased() }
        if !hasLower && w.count <= 4 { return spellLetters(w) }
        if hasLower && w.count <= 3 && !w.lowercased().contains(where: { "aeiouy".contains($0) }) { return spellLetters(w) }
        if !hasLower { return spellLetters(w) }
        return w
    }

    /// Words before a number that name a place in a building or a terminal: "Apt. 12B" is
    /// apartment twelve B, not twelve billion.
    static let placeNouns: Set<String> = ["apt", "apartment", "unit", "suite", "room", "flat", "gate", "platform", "seat",
                                          "row", "block", "building", "bay", "ward", "pier", "terminal", "floor", "level",
                                          "cell", "locker", "box", "lot", "plot", "stand", "section", "stall", "berth", "cabin"]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        let pieces = c.pieces
        if p.kind == .number {
            if c.isDigit(p.start - 1) || c.isLetter(p.start - 1) { return nil }
            if (c.isChar(p.start - 1, ".") || c.isChar(p.start - 1, ",")) && c.isDigit(p.start - 2) { return nil }   // "8.3M": a decimal's tail
            // "Boeing 737", "Airbus A320" is handled at the letter.
            if (c.wordBefore(p.start).map { Self.makers.contains($0.text) } ?? false) || isBoeingModel(c, p), c.isSpace(p.start - 1) || p.start == 0,
               !c.isAlnum(p.end), !c.isChar(p.end, ",") || !c.isDigit(p.end + 1) {
                let model = NumberWords.designation(Substring(c.text(of: index)))
                // "Boeing 737-800": the variant after a hyphen is read the same way.
                if c.isChar(p.end, "-"), let v = c.piece(startingAt: p.end + 1), c.pieces[v].kind == .number, !c.isAlnum(c.pieces[v].end) {
                    return found(p.start, c.pieces[v].end, model + " " + NumberWords.designation(Substring(c.text(of: v))), rule: "designation.model")
                }
                return found(p.start, p.end, model, rule: "designation.model")
            }
            // "Highway 101", "Form 1040", "§ 1030", "Senate Bill 1047": a road's, a form's, a code
            // section's or a bill's number is read
            // in pairs ("one oh one", "ten forty"), as people say them.
            let named = c.isSpace(p.start - 1) ? c.wordBefore(p.start)?.text ?? "" : ""
            let sectionSign = c.isChar(p.start - 1, "\u{00A7}") || (c.isChar(p.start - 1, " ") && c.isChar(p.start - 2, "\u{00A7}"))
            if !c.isAlnum(p.end), !c.isChar(p.end, ",") || !c.isDigit(p.end + 1),
               (Self.roads.contains(named) && p.end - p.start == 3) || ((Self.forms.contains(named) || sectionSign) && p.end - p.start == 4)
                || (named == "Bill" && (3...4).contains(p.end - p.start)) {
                return found(p.start, p.end, NumberWords.designation(Substring(c.text(of: index))), rule: "designation.pairs")
            }
            // "1080p", "720p", "1440p": a video resolution's lines, said as a model number is.
            if c.isChar(p.end, "p"), !c.isAlnum(p.end + 1), Self.videoLines.contains(c.text(of: index)) {
                return found(p.start, p.end + 1, NumberWords.designation(Substring(c.text(of: index))) + " p", rule: "designation.video")
            }
            // "H.R. 3684", "S.B. 1047": a bill's number is read in pairs, as a model's is.
            if c.isSpace(p.start - 1), c.isChar(p.start - 2, "."), (3...4).contains(p.end - p.start), !c.isAlnum(p.end),
               let prefix = Self.billPrefixes.first(where: { c.matches($0, at: p.start - 1 - $0.unicodeScalars.count) && !c.isLetter(p.start - 2 - $0.unicodeScalars.count) }) {
                let number = NumberWords.designation(Substring(c.text(of: index)))
                // "S. 2226": the lone letter is said with its number, not left to end a sentence.
                if prefix == "S." || prefix.contains("Res") {
                    let said = prefix.split(separator: ".").joined(separator: " ")
                    return found(p.start - 1 - prefix.unicodeScalars.count, p.end, said + " " + number, rule: "designation.bill")
                }
                return found(p.start, p.end, number, rule: "designation.bill")
            }
            // "401(k)", "403(b)", "501(c)(3)": a section of the tax code, said as a model number is.
            if p.end - p.start == 3, c.isChar(p.end, "("), c.isLower(p.end + 1), c.isChar(p.end + 2, ")") {
                var end = p.end + 3, said = NumberWords.designation(Substring(c.text(of: index))) + " " + c.text(p.end + 1, p.end + 2).uppercased()
                if c.isChar(end, "("), c.isDigit(end + 1), c.isChar(end + 2, ")") { said += " " + NumberWords.ones[Int(c.text(end + 1, end + 2))!]; end += 3 }
                return found(p.start, end, said, rule: "designation.tax-code")
            }
            // "RTX 4090", "flight BA 283": a model or flight number after capitals is read in pairs.
            if let before = c.wordBefore(p.start), c.isSpace(p.start - 1), (2...5).contains(before.text.count),
               before.text.allSatisfy({ $0.isUppercase && $0.isASCII }), Vocabulary.wordAcronyms[before.text] == nil,
               !Vocabulary.capitalWords.contains(before.text), (3...4).contains(p.end - p.start), !c.isAlnum(p.end),
               !(c.isChar(p.end, ",") || c.isChar(p.end, ".")) || !c.isDigit(p.end + 1), !c.isChar(p.end, "%") {
                return found(p.start, p.end, NumberWords.designation(Substring(c.text(of: index))), rule: "designation.model")
            }
            // 5G, 3D, 4K, 2FA: a number glued to capitals (units and ordinals are handled before).
            let w = index + 1
            guard w < pieces.count, pieces[w].kind == .word, pieces[w].start == p.end else { return nil }
            let word = c.text(of: w)
            if NumberRule.ordinalSuffixes.contains(word.lowercased()) { return nil }
            // "40M users", "70B": millions, billions (NumberRule); not "Apt. 12B", "Gate 22B".
            if word == "B", p.end - p.start >= 2, !c.isAlnum(pieces[w].end),
               !Self.placeNouns.contains((c.wordBefore(p.start) ?? (c.isChar(p.start - 2, ".") ? c.wordBefore(p.start - 2) : nil))?.text.lowercased() ?? "") {
                return nil
            }
            if word == "M", let n = c.number(at: p.start), NumberRule.isMillions(c, n, end: pieces[w].end) { return nil }
            // "100K people", "fell by 12K": thousands; "4K", "a 10K race" stay a resolution and a distance.
            if word == "K", !c.isAlnum(pieces[w].end), p.end - p.start >= 3 || NumberRule.countFollows(c, end: pieces[w].end)
                || (p.end - p.start == 2 && Vocabulary.amountWords.contains(c.wordBefore(p.start)?.text.lowercased() ?? "")) { return nil }
            // "Pixel 8a", "iPhone 15e", "Room 4b": a model or a room with a letter after its number.
            if pieces[w].end - pieces[w].start == 1, c.isLower(pieces[w].start), !c.isAlnum(pieces[w].end), !c.isChar(pieces[w].end, "-"),
               !["s", "x", "m", "k", "g", "h"].contains(word), p.end - p.start <= 3, c.isSpace(p.start - 1),
               let before = c.wordBefore(p.start), c.isUpper(before.start), Vocabulary.monthNumbers.contains(before.text) == false {
                return found(p.start, pieces[w].end, NumberWords.designation(Substring(c.text(of: index))) + " " + word.uppercased(), rule: "designation.model")
            }
            guard c.isUpper(pieces[w].start) else { return nil }
            return chain(c, from: index)
        }
        guard p.kind == .word, !c.isAlnum(p.start - 1) else { return nil }
        // "S2E5": a series' season and episode.
        if c.text(of: index) == "S", let s = c.number(at: p.end), s.isInteger, c.isChar(s.end, "E"), let e = c.number(at: s.end + 1), e.isInteger,
           !c.isAlnum(e.end), let sv = s.intValue, let ev = e.intValue {
            return found(p.start, e.end, "season " + NumberWords.cardinal(sv) + ", episode " + NumberWords.cardinal(ev), rule: "designation.episode")
        }
        // "an R0 of 2.5": the reproduction number is "R naught".
        if c.matches("R0", at: p.start), !c.isAlnum(p.start + 2) { return found(p.start, p.start + 2, "R naught", rule: "designation.r-naught") }
        // A letter part followed by digits, directly or after a hyphen.
        let next = p.end
        // "T-5th", "T5th": a shared place in golf, "tied for fifth".
        if c.text(of: index) == "T", !c.isAlnum(p.start - 1) {
            let o = c.isChar(next, "-") ? next + 1 : next
            if let n = c.number(at: o), n.isInteger, let e = NumberRule.ordinalSuffixEnd(c, at: n.end), !c.isAlnum(e) {
                return found(p.start, e, "tied for " + NumberWords.ordinalize(n.words(british: c.british)), kind: "number", rule: "number.tied")
            }
        }
        // "K-12", "K-8": school grades from kindergarten, "K through twelve".
        if c.text(of: index) == "K", c.isChar(next, "-"), let g = c.number(at: next + 1), g.isInteger, let v = g.intValue,
           [2, 3, 4, 5, 6, 8, 12].contains(v), !c.isAlnum(g.end), !c.isChar(g.end, "-") {   // "K-9" is a dog
            return found(p.start, g.end, "K through " + g.words(british: c.british), kind: "range", rule: "range.grades")
        }
        // "between J10 and J11 of the M25": a motorway junction.
        if c.text(of: index) == "J", let j = c.number(at: next), j.isInteger, j.whole.count <= 2, !c.isAlnum(j.end),
           let v = j.intValue, nearMotorway(c, p.start, j.end) {
            return found(p.start, j.end, "junction " + NumberWords.cardinal(v), kind: "address", rule: "designation.junction")
        }
        if c.isDigit(next) || (c.isChar(next, "-") && c.isDigit(next + 1)) {
            let w = c.text(of: index)
            let hasUpper = c.isUpper(p.start)
            // Lower-case words with numbers ("covid-19", "mp3", "web3") only when short or known.
            if !hasUpper && w.count > 3 && Self.wordParts[w] == nil && w.lowercased() != "covid" { return nil }
            // "mid-1990s", "pre-2020": a word, then what follows on its own.
            if !hasUpper && c.isChar(next, "-") && w.lowercased() != "covid" && Vocabulary.isWord(w) { return nil }
            // "Over-65s", "Mid-2020s" at a sentence's start: a word in title case before a plural number
            // is still a word ("Blink-182" stays a name).
            if hasUpper, c.isChar(next, "-"), w.count > 2, w.dropFirst().allSatisfy(\.isLowercase), Vocabulary.isWord(w.lowercased()),
               let n = c.number(at: next + 1), n.isInteger, c.isChar(n.end, "s"), !c.isAlnum(n.end + 1) { return nil }
            return chain(c, from: index)
        }
        return nil
    }

    /// Reads alternating letter and digit parts, with hyphens, up to the end of the designation.
    private func chain(_ c: RuleContext, from index: Int) -> RuleMatch? {
        let pieces = c.pieces
        var i = index
        var parts: [String] = []
        var end = pieces[index].start
        var sawDigit = false
        var prevWasLetters = false
        while i < pieces.count {
            let q = pieces[i]
            if q.start != end { break }
            if q.kind == .word {
                let w = c.text(of: i)
                // An ordinary word after a hyphen ("F-16-style") ends the designation.
                if parts.count > 0 && w.count > 3 && !c.isUpper(q.start) { break }
                parts.append(Self.letters(w)); prevWasLetters = true
            } else if q.kind == .number {
                let digits = Substring(c.text(of: i))
                // "PM2.5": a decimal inside a designation is said as one ("two point five").
                if c.isChar(q.end, "."), i + 2 < pieces.count, pieces[i + 2].kind == .number, pieces[i + 2].start == q.end + 1,
                   !c.isAlnum(pieces[i + 2].end), !c.isChar(pieces[i + 2].end, ".") || !c.isDigit(pieces[i + 2].end + 1) {
                    parts.append(NumberWords.decimal(whole: digits, fraction: Substring(c.text(of: i + 2)), british: c.british))
                    sawDigit = true; prevWasLetters = false
                    end = pieces[i + 2].end
                    i += 3
                    continue
                }
                // "K5,000": a grouped number after the letters is one amount, said whole.
                if let n = c.number(at: q.start), n.grouped {
                    parts.append(n.words(british: c.british))
                    sawDigit = true; prevWasLetters = false
                    end = n.end; i += 1
                    while i < pieces.count, pieces[i].start < n.end { i += 1 }
                    continue
                }
                parts.append(prevWasLetters || parts.isEmpty == false ? NumberWords.designation(digits) : NumberWords.cardinal(digits: digits))
                sawDigit = true; prevWasLetters = false
            } else if c.s[q.start] == "-" || c.s[q.start] == "/", i + 1 < pieces.count, pieces[i + 1].kind != .space, pieces[i + 1].kind != .other,
                      !(pieces[i + 1].kind == .number && MeasureRule.unit(c, at: pieces[i + 1].end, attached: true) != nil) {   // "4K/60fps"
                // "x" in 4x4 is handled by the symbol rule; "-" and "/" join parts.
                end = q.end; i += 1; continue
            } else { break }
            end = q.end
            i += 1
        }
        guard sawDigit, parts.count >= 2 else { return nil }
        // "A1(M)": a British road built to motorway standard.
        if c.matches("(M)", at: end), !c.isAlnum(end + 3) { parts.append("M"); end += 3 }
        // Do not swallow the hyphen of "MiG-29-style" style words: stop at the last alnum.
        return found(pieces[index].start, end, parts.joined(separator: " "))
    }
}
