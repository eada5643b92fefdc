/// Numbers with units: "12 km", "90km/h", "-5°C", "1.2 GW", "300 sq m", "5 min", "4 hrs".
/// Plural unless the value is one or the measure is used as an adjective ("a 6 min read",
/// "a 10-km walk"); British spelling where the profile asks for it ("kilometres").
struct MeasureRule: Rule {
    var name: String { "measure" }
    var kind: String { "measure" }

    /// Words after "m" that show it means million, not metres ("5m people").
    static let countNouns: Set<String> = ["people", "residents", "users", "viewers", "voters", "refugees",
                                          "households", "homes", "jobs", "doses", "barrels", "customers",
                                          "subscribers", "children", "followers", "visitors", "tonnes", "passengers",
                                          "patients", "workers", "employees", "students", "pupils", "cases", "deaths",
                                          "tourists", "votes", "members", "copies", "views", "downloads", "shares",
                                          "migrants", "adults", "women", "men", "troops", "fans", "listeners", "readers",
                                          "vehicles", "cars", "tickets", "accounts", "claims", "applications", "calls",
                                          "phones", "iphones", "smartphones", "devices", "units", "items", "products",
                                          "parcels", "packages", "meals", "trees", "animals", "books", "songs", "streams",
                                          "consoles", "orders", "bottles", "vaccines", "tests", "births",
                                          "signatures", "uses", "sales", "hits", "plays", "guests", "riders"]

    /// Nouns that a measure describes ("155mm shells", "a 2 km zone"): the unit stays singular.
    static let headNouns: Set<String> = ["shell", "shells", "round", "rounds", "artillery", "gun", "guns", "howitzer",
                                         "howitzers", "cannon", "ammunition", "zone", "radius", "buffer", "range",
                                         "race", "walk", "march", "run", "drive", "journey", "trip", "stretch",
                                         "section", "strip", "corridor", "plant", "reactor", "station", "battery",
                                         "file", "limit", "ban", "bomb", "bombs", "warhead", "mortar", "mortars",
                                         "rocket", "rockets", "missile", "missiles", "pipeline", "line", "cable"]

    static let scaleWords: Set<String> = ["thousand", "million", "billion", "trillion"]

    /// Words before a number that names a place in a building ("Apt. 5C"), never a measure.
    static let placeWords: Set<String> = ["Apt", "Apartment", "Room", "Rm", "Suite", "Ste", "Unit", "Flat", "Gate",
                                          "Seat", "Platform", "Bay", "Block", "Floor", "Level", "Row"]

    /// What a number of megapixels describes ("a 50 MP camera").
    static let cameraNouns: Set<String> = ["camera", "cameras", "sensor", "sensors", "lens", "photo", "photos", "image",
                                           "images", "selfie", "main", "wide", "ultrawide", "telephoto", "front", "rear"]

    /// "5'6\"", "6′ 2″": feet and inches with prime marks (or the quotes typed for them). Only the
    /// pair: a lone "5'" may be a closing quote ("his 'top 5'").
    static func feetAndInches(_ c: RuleContext, _ feet: NumberLiteral) -> RuleMatch? {
        guard feet.isInteger, isPrime(c, feet.end) else { return nil }
        let o = c.skipSpaces(feet.end + 1, max: 1)
        guard c.isDigit(o), let inches = c.number(at: o), inches.isInteger, let mark = c.at(inches.end) else { return nil }
        var end = inches.end + 1
        switch mark {
        case "\"", "\u{201D}", "\u{2033}": break
        case "'" where c.isChar(inches.end + 1, "'"): end += 1
        default: return nil
        }
        if c.isAlnum(end) { return nil }
        let gb = c.british
        let spoken = feet.words(british: gb) + (feet.isOne ? " foot " : " feet ") + inches.words(british: gb) + (inches.isOne ? " inch" : " inches")
        return RuleMatch(start: feet.start, end: end, spoken: spoken, kind: "measure", rule: "measure.height")
    }

    /// "a 6.1\" display", "27\" monitor": an inch mark before what screens and wheels are measured on
    /// (elsewhere a number before a double quote is likelier the end of a quotation).
    static func screenInches(_ c: RuleContext, _ n: NumberLiteral) -> RuleMatch? {
        // "2\"-4\" of snow": both marks make a range of inches.
        if c.isChar(n.end, "\""), c.isChar(n.end + 1, "-") || c.isChar(n.end + 1, "\u{2013}"), let m = c.number(at: n.end + 2),
           c.isChar(m.end, "\""), !c.isAlnum(m.end + 1) {
            let gb = c.british
            return RuleMatch(start: n.start, end: m.end + 1, spoken: n.words(british: gb) + " to " + m.words(british: gb) + (m.isOne ? " inch" : " inches"),
                             kind: "measure", rule: "measure.inches")
        }
        guard c.isChar(n.end, "\"") || c.isChar(n.end, "\u{2033}") else { return nil }
        if c.isChar(n.end + 1, " "), let next = c.wordAfter(n.end + 1), next.start == n.end + 2, inchNouns.contains(next.text) {
            return RuleMatch(start: n.start, end: n.end + 1, spoken: n.words(british: c.british) + " inch", kind: "measure", rule: "measure.inches")
        }
        // "Hail up to 2.75\" fell": where no quotation is open, the mark after a number is inches.
        guard !c.isAlnum(n.end + 1), RangeRule.noQuoteOpen(c, before: n.start) else { return nil }
        return RuleMatch(start: n.start, end: n.end + 1, spoken: n.words(british: c.british) + (n.isOne ? " inch" : " inches"),
                         kind: "measure", rule: "measure.inches")
    }
    static let inchNouns: Set<String> = ["display", "displays", "screen", "screens", "monitor", "monitors", "laptop", "tablet",
                                         "TV", "TVs", "television", "wheels", "rims", "tires", "tyres", "pizza", "subwoofer",
                                         "touchscreen", "OLED", "LCD", "LED", "panel", "iPad", "MacBook", "model", "phone"]

    /// Words after "the 100m" that show it stands alone, a race or a distance, not a description.
    static let notDescribed: Set<String> = ["in", "at", "on", "for", "with", "and", "or", "was", "is", "are", "were", "of", "to",
                                            "by", "from", "between", "since", "before", "after", "when", "while", "than",
                                            "that", "which", "but", "as", "into", "has", "had", "will"]

    /// "3,000 ft." at the end of a sentence: the unit's full stop ends the sentence too.
    static func keptPeriod(_ c: RuleContext, _ written: String, _ end: Int) -> String {
        written.hasSuffix(".") && (end >= c.count || c.sentenceEnds(after: end)) ? "." : ""
    }

    /// A foot mark: a prime, or the apostrophe typed for one.
    static func isPrime(_ c: RuleContext, _ o: Int) -> Bool { c.isChar(o, "'") || c.isChar(o, "\u{2019}") || c.isChar(o, "\u{2032}") }

    /// A room's size in feet, "12' x 14'": both primes make the pair unmistakable.
    static func feetByFeet(_ c: RuleContext, _ a: NumberLiteral) -> RuleMatch? {
        guard isPrime(c, a.end) else { return nil }
        var o = c.skipSpaces(a.end + 1, max: 1)
        guard c.isChar(o, "x") || c.isChar(o, "\u{00D7}") else { return nil }
        o = c.skipSpaces(o + 1, max: 1)
        guard c.isDigit(o), let b = c.number(at: o), isPrime(c, b.end), !c.isAlnum(b.end + 1) else { return nil }
        let gb = c.british
        let spoken = a.words(british: gb) + (a.isOne ? " foot" : " feet") + " by " + b.words(british: gb) + (b.isOne ? " foot" : " feet")
        return RuleMatch(start: a.start, end: b.end + 1, spoken: spoken, kind: "measure", rule: "measure.dimensions")
    }

    /// The unit written at `offset` (after the number), if any, with where it ends.
    static func unit(_ c: RuleContext, at offset: Int, attached: Bool) -> (Vocabulary.Unit, Int, String)? {
        guard let first = c.at(offset) else { return nil }
        func find(_ candidates: [(written: String, unit: Vocabulary.Unit, spaced: Bool)], caseless: Bool) -> (Vocabulary.Unit, Int, String)? {
            for (written, unit, spaced) in candidates where attached || spaced {
                if caseless {
                    guard Vocabulary.caselessUnits.contains(written.lowercased()), c.matches(written, at: offset, ignoringCase: true) else { continue }
                    // "44 HRs": capitals with a plural "s" are an acronym's plural (home runs), not "hrs".
                    let n = written.unicodeScalars.count
                    if n >= 3, c.isChar(offset + n - 1, "s"), (offset..<(offset + n - 1)).allSatisfy({ c.isUpper($0) }) { continue }
                } else {
                    guard c.matches(written, at: offset) else { continue }
                }
                let end = offset + written.unicodeScalars.count
                if c.isAlnum(end) && !(written.hasSuffix("°") || written.hasSuffix("º")) && !(written == "h" && c.isDigit(end)) { continue }   // "2h30m"
                // "m/s" is its own unit; "µg/m³" is two, the second per the first.
                if c.isChar(end, "/") && c.isLetter(end + 1) && MeasureRule.unit(c, at: end + 1, attached: true) == nil
                    && PerUnit.after(c, at: end) == nil { continue }
                return (unit, end, written)
            }
            return nil
        }
        if let exact = Vocabulary.unitsByFirst[first], let hit = find(exact, caseless: false) { return hit }
        guard first.isASCII, TextScanner.isLetter(first) else { return nil }
        let other = Unicode.Scalar(first.value ^ 0x20)!  // the same letter in the other case
        let pool = (Vocabulary.unitsByFirst[first] ?? []) + (Vocabulary.unitsByFirst[other] ?? [])
        return find(pool, caseless: true)
    }

    /// A lower-case plural noun ("patients", "homes"), not a verb or word that follows a length ("is", "across").
    static func looksPlural(_ word: String) -> Bool {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is"),
              word.first.map({ $0.isLowercase }) ?? false else { return false }
        return !["across", "towards", "hurdles", "wards", "whereas", "perhaps", "becomes", "remains", "stands", "rises",
                 "falls", "runs", "lies", "goes", "makes", "takes", "gives", "needs", "costs"].contains(word)
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .number, !c.isDigit(p.start - 1), let n = c.number(at: p.start) else { return nil }
        if let height = Self.feetAndInches(c, n) ?? Self.feetByFeet(c, n) ?? Self.screenInches(c, n) { return height }
        var o = n.end
        // "170+ mph": at least so much.
        var plus = ""
        if c.isChar(o, "+"), c.isSpace(o + 1), !c.isDigit(o + 2) { plus = " plus"; o += 1 }
        var hyphenated = false
        var attached = true
        // "4.6 billion km": a scale word between the number and its unit; the measure is then plural.
        var scale = ""
        if c.isChar(o, " "), let word = c.wordAfter(o), Self.scaleWords.contains(word.text), c.isChar(word.end, " "),
           Self.unit(c, at: word.end + 1, attached: false) != nil {
            scale = " " + word.text
            o = word.end
        } else if let w = c.piece(startingAt: o), c.pieces[w].kind == .word, c.isChar(c.pieces[w].end, " "),
                  let s = Vocabulary.scales.first(where: { !$0.spaced && $0.written != "m" && $0.written == c.text(of: w) }),
                  Self.unit(c, at: c.pieces[w].end + 1, attached: false) != nil {
            // "4.28M sq km": a scale glued on.
            scale = " " + s.word
            o = c.pieces[w].end
        }
        // "9.58s": a decimal time; a whole number with an s is a decade or an age ("the 1990s", "her 20s").
        if !n.isInteger, scale.isEmpty, c.isChar(o, "s"), !c.isAlnum(o + 1), !c.isChar(o + 1, "'") {
            return found(n.start, o + 1, n.words(british: c.british) + " seconds")
        }
        // "in 3.2 s": spaced too, after a decimal (a whole number before a lone "s" may be anything).
        if !n.isInteger, scale.isEmpty, c.isChar(o, " "), c.isChar(o + 1, "s"), !c.isAlnum(o + 2), !c.isChar(o + 2, "'") {
            return found(n.start, o + 2, n.words(british: c.british) + " seconds")
        }
        if c.isChar(o, "-") && c.isLetter(o + 1) { o += 1; hyphenated = true }
        else if c.isChar(o, " ") || c.isChar(o, "\u{00A0}") || c.isChar(o, "\u{202F}") { o += 1; attached = false }
        guard let (unit, end, written) = Self.unit(c, at: o, attached: attached || hyphenated) else { return nil }
        if hyphenated && !c.isSpace(end) { return nil }
        // "45W" is watts, but "Route 9W" a road and "40N 74W" a longitude.
        if written == "W", let before = c.wordBefore(n.start) {
            if DesignationRule.roads.contains(before.text) || (["N", "S"].contains(before.text) && c.isDigit(before.start - 1)) { return nil }
        }
        // "Apt. 5C", "Room 4F": a flat or a room, not a temperature.
        if written == "C" || written == "F" {
            var o = c.skipBack(n.start)
            if c.isChar(o, ".") { o -= 1 }   // "Apt. 5C"
            if let before = c.wordBefore(o + 1)?.text, Self.placeWords.contains(before) { return nil }
        }
        let gb = c.british
        // "MP" is a camera's megapixels only touching the number or before what a camera has ("a 50 MP
        // camera"); "one MP voted against" is a member of parliament.
        if written == "MP", !attached, !(c.wordAfter(end).map { Self.cameraNouns.contains($0.text.lowercased()) } ?? false) {
            return nil
        }
        // "1h 45m", "2h30m": minutes after hours.
        if written == "m", attached, !c.isAlnum(end) {
            let back = c.isChar(n.start - 1, " ") ? n.start - 2 : n.start - 1
            if c.isChar(back, "h"), c.isDigit(back - 1) {
                return found(n.start, end, n.words(british: c.british) + (n.isOne ? " minute" : " minutes"))
            }
        }
        // "$5m" is money (handled before); "5m people" is a count.
        // "1.4m patients": a decimal count of anything plural is millions too ("1.4m" of wall is not counted).
        if written == "m", let next = c.wordAfter(end), Self.countNouns.contains(next.text.lowercased()) || next.text == "bpd"
            || (!n.isInteger && c.isChar(end, " ") && Self.looksPlural(next.text)) {
            if next.text == "bpd" {
                return found(n.start, next.end, n.words(british: gb) + " million barrels per day")
            }
            return found(n.start, end, n.words(british: gb) + " million", kind: "number", rule: "number.scale")
        }
        let before = c.wordBefore(n.start)?.text.lowercased()
        var after = c.isChar(end, " ") ? c.wordAfter(end)?.text.lowercased() : nil
        // "155 mm rounds" are shells; "5.2 mi round trip" is a distance (after "a", still one "mile").
        if after == "round", let w = c.wordAfter(end), c.wordAfter(w.end)?.text.lowercased() == "trip" { after = "" }
        // "the 400m hurdles" describes; "ran the 100m in 10.65 seconds" names the race, said whole.
        let describes = after.map { !Self.notDescribed.contains($0) && c.isLower(c.skipSpaces(end)) } ?? false
        // "a 6ft 2in man": the inches of a height go with the article before its feet.
        let heightArticle = written == "in" ? c.wordBefore(n.start).flatMap { feet -> String? in
            guard feet.text == "ft", c.isDigit(feet.start - 1) else { return nil }
            var o = feet.start - 1
            while c.isDigit(o - 1) { o -= 1 }
            return c.wordBefore(o)?.text.lowercased()
        } : nil
        let adjective = hyphenated || before == "a" || before == "an" || (before == "the" && describes)
            || ((heightArticle == "a" || heightArticle == "an") && describes)
            || (after.map { Self.headNouns.contains($0) || (written == "MP" && Self.cameraNouns.contains($0)) } ?? false)
        let singular = adjective || (n.isOne && scale.isEmpty)
        var word = gb ? (singular ? unit.oneGB : unit.manyGB) : (singular ? unit.one : unit.many)
        var last = (end: end, written: written)
        if c.isChar(end, "/"), let (per, perEnd, perWritten) = Self.unit(c, at: end + 1, attached: true) {
            word += " per " + (gb ? per.oneGB : per.one)
            last = (perEnd, perWritten)
        } else if let (per, perEnd) = PerUnit.after(c, at: end) {   // "2,300 mg/day"
            word += " " + per
            last = (perEnd, "")
        }
        return found(n.start, last.end, n.words(british: gb) + plus + scale + " " + word + Self.keptPeriod(c, last.written, last.end))
    }
}
