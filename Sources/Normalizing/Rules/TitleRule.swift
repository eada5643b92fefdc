/// Titles and abbreviations read in context: "Gen." General, "Lt. Col.", "Dr." doctor before a
/// name but "Drive" after a street name, "St." Saint or Street, "No. 5" number (but "no." stays),
/// "vs.", "etc.", "e.g.", "i.e.", "approx.", "fig.".
struct TitleRule: Rule {
    var name: String { "abbreviation" }
    var kind: String { "abbreviation" }

    /// Titles said before a name. Case-sensitive, with or without the period.
    static let titles: [String: String] = [
        "Gen": "General", "Lt": "Lieutenant", "Col": "Colonel", "Maj": "Major", "Sgt": "Sergeant",
        "Capt": "Captain", "Cpl": "Corporal", "Pvt": "Private", "Adm": "Admiral", "Cmdr": "Commander",
        "Brig": "Brigadier", "Gov": "Governor", "Sen": "Senator", "Rep": "Representative", "Pres": "President",
        "Prof": "Professor", "Hon": "Honorable", "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Rev": "Reverend", "Fr": "Father",
        "Supt": "Superintendent", "Insp": "Inspector", "Det": "Detective", "Amb": "Ambassador",
        "Atty": "Attorney", "Lt.Gen": "Lieutenant General", "Sr": "Senior", "Jr": "Junior", "Cllr": "Councillor",
    ]
    /// Titles that are also used without a period in British style ("Mr Johnson").
    static let undotted: Set<String> = ["Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Gen", "Sgt", "Capt", "Col", "Lt", "Maj", "Rev", "Insp", "Supt", "Cpl", "Cllr", "Mk", "Rt", "Co"]

    /// Street types, read as such after a street's name or number ("Sunset Blvd", "5th Ave"),
    /// with or without the period; "Hwy" also before its number ("Hwy 1").
    static let streets: [String: String] = [
        "Ave": "Avenue", "Blvd": "Boulevard", "Rd": "Road", "Ln": "Lane", "Pkwy": "Parkway", "Hwy": "Highway",
        "Sq": "Square", "Cres": "Crescent", "Ter": "Terrace", "Pl": "Place", "Ct": "Court", "Expy": "Expressway",
    ]

    /// Abbreviations that need their period, said the same everywhere.
    static let plain: [String: String] = [
        "vs": "versus", "etc": "et cetera", "approx": "approximately", "fig": "figure", "Fig": "figure",
        "est": "estimated", "Est": "Estimated", "ca": "circa", "pp": "pages", "vol": "volume", "Vol": "volume", "Mt": "Mount", "Ft": "Fort",
        "Inc": "Incorporated", "Ltd": "Limited", "Corp": "Corporation",
        "Bros": "Brothers", "Dept": "Department", "dept": "department", "Univ": "University", "Govt": "Government",
        "govt": "government", "Jan": "January", "Apr": "April", "Aug": "August", "Dec": "December",
        "Apt": "Apartment", "Rm": "Room", "Bldg": "Building", "Ch": "chapter", "Prop": "Proposition", "doz": "dozen",
        "Assn": "Association", "Intl": "International", "Natl": "National", "Ste": "Suite",
        "Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday", "Weds": "Wednesday", "Thu": "Thursday", "Thur": "Thursday",
        "Thurs": "Thursday", "Fri": "Friday", "Sat": "Saturday", "Sun": "Sunday",
        "mins": "minutes", "hrs": "hours", "tel": "telephone", "Tel": "telephone", "min": "minimum", "max": "maximum",
        "ext": "extension", "Ext": "extension", "Cat": "Category",
    ]

    static let weekdays: Set<String> = ["Mon", "Tue", "Tues", "Wed", "Weds", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"]

    static func isCapitalizedWord(_ c: RuleContext, at o: Int) -> Bool {
        c.isUpper(o) && c.isLetter(o)
    }

    /// Short forms written with a slash or run together: change over a period, as business pages
    /// write it ("sales rose 12% y/y"), and informal "w/", "w/o", "b/c".
    static let shortForms: [(written: String, said: String)] = [
        ("w/o", "without"), ("w/", "with"), ("b/c", "because"), ("W/", "with"),
        ("y/y", "year on year"), ("q/q", "quarter on quarter"), ("m/m", "month on month"), ("w/w", "week on week"),
        ("YoY", "year on year"), ("QoQ", "quarter on quarter"), ("yoy", "year on year"), ("YOY", "year on year"),
        ("MoM", "month on month"), ("qoq", "quarter on quarter"),
        // Lower-case units of time with no number before them ("the wk of Sept. 9").
        ("wks", "weeks"), ("wk", "week"), ("mths", "months"), ("yrs", "years"), ("hrs", "hours"), ("mins", "minutes"),
    ]
    static let dottedTimeUnits: Set<String> = ["wks", "wk", "mths", "yrs", "hrs", "mins"]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .word else { return nil }
        if !c.isAlnum(p.start - 1), let change = Self.shortForms.first(where: {
            let end = p.start + $0.written.unicodeScalars.count
            // "hrs." is the dotted abbreviations' (below), which keep or drop the full stop.
            return c.matches($0.written, at: p.start) && !c.isAlnum(end) && !c.isChar(end, "/") && !(c.isChar(end, ".") && Self.dottedTimeUnits.contains($0.written))
        }) {
            return found(p.start, p.start + change.written.unicodeScalars.count, change.said, rule: "abbreviation.plain")
        }
        let dotted = c.isChar(p.end, ".")
        guard dotted || (p.end - p.start <= 5 && c.isUpper(p.start)) else { return nil }
        let w = c.text(of: index)
        // "Sat 12 Oct": a weekday cut short before the day of the month needs no full stop.
        if !dotted, Self.weekdays.contains(w), !c.isAlnum(p.start - 1), c.isChar(p.end, " "), c.isDigit(p.end + 1), let day = Self.plain[w] {
            return found(p.start, p.end, day, rule: "abbreviation.weekday")
        }
        // "Sat & Sun", "Sat and Sun": two days cut short, joined.
        if !dotted, Self.weekdays.contains(w), !c.isAlnum(p.start - 1), !c.isAlnum(p.end), let day = Self.plain[w] {
            func joinedDay(_ word: String?) -> Bool { word.map { Self.weekdays.contains($0) || Vocabulary.weekdays.contains($0) } ?? false }
            var after = c.skipSpaces(p.end, max: 1)
            if c.isChar(after, "&") { after += 1 } else if c.matches("and ", at: after) { after += 3 }
            let next = after > c.skipSpaces(p.end, max: 1) ? c.wordAfter(after)?.text : nil
            var back = c.skipBack(p.start)
            if c.isChar(back, "&") { back -= 1 } else if let w = c.wordBefore(back + 1), w.text == "and" { back = w.start - 1 } else { back = -1 }
            let previous = back >= 0 ? c.wordBefore(back + 1)?.text : nil
            if joinedDay(next) || joinedDay(previous) { return found(p.start, p.end, day, rule: "abbreviation.weekday") }
        }
        // "No 10", "the No 1 seed": a number named without the full stop, unless it counts what follows ("No 10 people").
        if !dotted, w == "No", c.isChar(p.end, " "), let n = c.number(at: p.end + 1), n.isInteger, n.whole.count <= 3, !c.isAlnum(n.end),
           !(c.wordAfter(n.end).map { c.isSpace(n.end) && (MeasureRule.countNouns.contains($0.text) || MeasureRule.looksPlural($0.text)) } ?? false) {
            return found(p.start, p.end, "Number", rule: "abbreviation.number")
        }
        guard dotted || Self.undotted.contains(w) || Self.streets[w] != nil || w == "Mt" || w == "Ft" else { return nil }
        let end = dotted ? p.end + 1 : p.end
        let after = c.skipSpaces(end, max: 2)
        let nameFollows = after > end && Self.isCapitalizedWord(c, at: after)
        let before = c.wordBefore(p.start)
        let capitalBefore = before.map { c.isUpper($0.start) } ?? false
        let numberBefore = c.isDigit(c.skipBack(p.start))
            || (before.map { NumberRule.ordinalSuffixes.contains($0.text.lowercased()) && c.isDigit($0.start - 1) } ?? false)
        // e.g., i.e., a.k.a.
        if w == "e" || w == "i" || w == "a", dotted {
            for (form, say) in [("e.g.", "for example"), ("i.e.", "that is"), ("a.k.a.", "also known as"), ("e.g", "for example"), ("i.e", "that is")]
            where c.matches(form, at: p.start) && !c.isLetter(p.start + form.count) {
                return found(p.start, p.start + form.count, say, rule: "abbreviation.latin")
            }
            return nil
        }
        // No. 5 / Nos. 3 and 4 / no. 10
        if (w == "No" || w == "no" || w == "Nos" || w == "NO") && dotted {
            let n = c.skipSpaces(end, max: 1)
            if c.isDigit(n) || (c.isUpper(n) && c.isDigit(n + 1)) {
                return found(p.start, end, w == "Nos" ? "numbers" : "number", rule: "abbreviation.number")
            }
            return nil
        }
        // "the 9th Cir.": a federal appeals court after its number; "Oak Cir." is a street.
        if w == "Cir", dotted || numberBefore, numberBefore || capitalBefore {
            return found(p.start, end, (numberBefore ? "Circuit" : "Circle") + keptPeriod(c, dotted, end), rule: "abbreviation.circuit")
        }
        if w == "Dr" && (dotted || nameFollows) {
            // Drive after a street name and not before another name; doctor otherwise.
            if capitalBefore && !nameFollows || (capitalBefore && before.map({ c.isSpace($0.start - 1) || $0.start == 0 }) == true && !dotted && !nameFollows) {
                return found(p.start, end, "Drive" + keptPeriod(c, dotted, end), rule: "abbreviation.drive")
            }
            return found(p.start, end, "Doctor", rule: "abbreviation.doctor")
        }
        if w == "Dr", dotted || capitalBefore {
            return found(p.start, end, "Drive" + keptPeriod(c, dotted, end), rule: "abbreviation.drive")
        }
        if w == "St" && (dotted || nameFollows || capitalBefore || numberBefore) {
            // Saint before a name unless a street name or a number comes first ("Baker St.", "42nd St.").
            if nameFollows && !capitalBefore && !numberBefore {
                return found(p.start, end, "Saint", rule: "abbreviation.saint")
            }
            if capitalBefore || numberBefore {
                return found(p.start, end, "Street" + keptPeriod(c, dotted, end), rule: "abbreviation.street")
            }
            return found(p.start, end, "Saint", rule: "abbreviation.saint")
        }
        // "Mk 2" Mark; "Rt Hon" Right Honourable; "Ph.D." P H D.
        if w == "Mk", c.isDigit(c.skipSpaces(end, max: 1)) { return found(p.start, end, "Mark", rule: "abbreviation.plain") }
        if w == "Rt", c.matches(" Hon", at: end), !c.isLetter(end + 4) {
            let e = c.isChar(end + 4, ".") ? end + 5 : end + 4
            return found(p.start, e, c.british ? "Right Honourable" : "Right Honorable", rule: "abbreviation.title")
        }
        if w == "Ph", c.matches("Ph.D.", at: p.start) { return found(p.start, p.start + 5, "P H D" + keptPeriod(c, true, p.start + 5), rule: "abbreviation.plain") }
        // "Co. Kerry" County (an Irish county's name follows); "Ford Motor Co." Company.
        if w == "Co", dotted || nameFollows {
            if nameFollows && !capitalBefore { return found(p.start, end, "County", rule: "abbreviation.plain") }
            if capitalBefore { return found(p.start, end, "Company" + keptPeriod(c, dotted, end), rule: "abbreviation.plain") }
            return nil
        }
        if let street = Self.streets[w], dotted || capitalBefore || numberBefore || (w == "Hwy" && c.isDigit(after)) {
            return found(p.start, end, street + keptPeriod(c, dotted, end), rule: "abbreviation.street")
        }
        if let t = Self.titles[w], dotted || (Self.undotted.contains(w) && nameFollows) {
            if !nameFollows && !(w == "Jr" || w == "Sr") {
                // "Gen." not before a name is still the title; keep a sentence end.
                if !dotted { return nil }
            }
            if w == "Rep" && !nameFollows { return nil }
            let period = (w == "Jr" || w == "Sr") ? keptPeriod(c, dotted, end) : ""
            return found(p.start, end, t + period, rule: "abbreviation.title")
        }
        // "3 N. Main St.", "12 W. 34th St.": a compass point between a house number and a street's name.
        let ordinalFollows = c.number(at: c.skipSpaces(end)).flatMap { NumberRule.ordinalSuffixEnd(c, at: $0.end) } != nil
        if dotted, w.count == 1, let point = ["N": "North", "S": "South", "E": "East", "W": "West"][w], nameFollows || ordinalFollows,
           c.isDigit(c.skipBack(p.start)) {
            return found(p.start, end, point, rule: "abbreviation.street")
        }
        // "Mt Everest", "Ft Worth": British style drops the full stop; before a name they are places.
        if !dotted, w == "Mt" || w == "Ft", nameFollows, let say = Self.plain[w] {
            return found(p.start, end, say, rule: "abbreviation.plain")
        }
        if dotted, let say = Self.plain[w] {
            // "Mon.-Fri.": a weekday range.
            if Vocabulary.weekdays.contains(say), let dash = c.at(end), RangeRule.isRangeDash(dash), let next = c.piece(startingAt: end + 1),
               c.isChar(c.pieces[next].end, "."), let other = Self.plain[c.text(of: next)], Vocabulary.weekdays.contains(other) {
                let e = c.pieces[next].end + 1
                return found(p.start, e, say + " to " + other + keptPeriod(c, true, e), rule: "abbreviation.plain")
            }
            if (w == "min" || w == "max" || w == "est") && !c.isSpace(end) { return nil }
            // "est. 1970": a founding year is "established"; "est. $5 million" an estimate.
            if w == "est" || w == "Est", let n = c.number(at: c.skipSpaces(end)), n.isYearLike, !c.isAlnum(n.end) {
                return found(p.start, end, w == "Est" ? "Established" : "established", rule: "abbreviation.plain")
            }
            // "vs." and those before a number ("Cat. 4", "ext. 12") sit between two things, never at a sentence's end
            // ("pp. 12–15", "vol. 3": any of them before a number goes on with it.)
            let between = w == "vs" || c.isDigit(c.skipSpaces(end))
            return found(p.start, end, say + (between ? "" : keptPeriod(c, true, end)), rule: "abbreviation.plain")
        }
        // "c. 1850": circa, before a year.
        if w == "c", dotted, c.isDigit(c.skipSpaces(end, max: 1)) {
            return found(p.start, end, "circa", rule: "abbreviation.plain")
        }
        // "Roe v. Wade"
        if w == "v", dotted, capitalBefore, nameFollows {
            return found(p.start, end, "versus", rule: "abbreviation.plain")
        }
        return nil
    }

    private func keptPeriod(_ c: RuleContext, _ dotted: Bool, _ end: Int) -> String {
        dotted && c.sentenceEnds(after: end) ? "." : ""
    }
}

extension RuleContext {
    /// The offset of the last non-space scalar before `offset`.
    func skipBack(_ offset: Int) -> Int {
        var o = offset - 1
        while o >= 0, isSpace(o) { o -= 1 }
        return o
    }
}
