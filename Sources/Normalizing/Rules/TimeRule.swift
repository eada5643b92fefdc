import EditionCore

/// Clock times and race times: "7:45 PM", "9:05 a.m.", "7pm", "7.30pm", "17:15", "2:03:45".
struct TimeRule: Rule {
    var name: String { "time" }
    var kind: String { "time" }

    /// "a.m.", "am", "AM", "p.m."… at `o` (after an optional space); returns the words and the end.
    static func meridiem(_ c: RuleContext, at o: Int) -> (String, Int)? {
        var p = o
        if c.isChar(p, " ") || c.isChar(p, "\u{00A0}") || c.isChar(p, "\u{202F}") { p += 1 }
        guard let ch = c.at(p), "apAP".unicodeScalars.contains(ch) else { return nil }
        let letter = (ch == "a" || ch == "A") ? "a m" : "p m"
        for form in ["a.m.", "p.m.", "A.M.", "P.M.", "am", "pm", "AM", "PM", "a.m", "p.m"] where c.matches(form, at: p) {
            let end = p + form.count
            if c.isLetter(end) { continue }
            return (letter, end)
        }
        return nil
    }

    /// A 24-hour clock: "oh six fifteen", "fourteen hundred", "zero thirty".
    static func clock24(_ h: Int, written hourText: String, _ m: Int) -> String {
        let hour = h == 0 ? "zero" : hourText.hasPrefix("0") ? "oh " + NumberWords.ones[h] : NumberWords.cardinal(h)
        return hour + (m == 0 ? " hundred" : minutes(m))
    }

    static func minutes(_ m: Int) -> String {
        m == 0 ? "" : m < 10 ? " oh " + NumberWords.ones[m] : " " + NumberWords.underHundred(m)
    }

    /// "0600 hours" "oh six hundred hours", "1430 hrs" "fourteen thirty hours": the armed forces' and
    /// emergency services' clock, only where "hours" follows (a bare "1430" is a year or a count);
    /// also a launch or a flight's "0340 GMT" (the zone is said by the rules after).
    private func militaryTime(_ c: RuleContext, _ p: Piece) -> RuleMatch? {
        guard p.kind == .number, p.end - p.start == 4, !c.isAlnum(p.start - 1), !c.isChar(p.start - 1, "."),
              let v = Int(c.text(p.start, p.end)), v / 100 < 24, v % 100 < 60, c.isSpace(p.end),
              let after = c.wordAfter(p.end), after.start == p.end + 1 else { return nil }
        let zoned = ["GMT", "UTC", "BST", "CET", "CEST", "Zulu"].contains(after.text)
        guard zoned || ["hours", "hrs"].contains(after.text) else { return nil }
        if c.wordAfter(after.end)?.text == "of" { return nil }   // "1945 hours of footage" is a count
        let h = v / 100, m = v % 100
        let hour = h < 10 ? (h == 0 ? "zero" : "oh " + NumberWords.ones[h]) : NumberWords.underHundred(h)
        let words = hour + (m == 0 ? " hundred" : m < 10 ? " oh " + NumberWords.ones[m] : " " + NumberWords.underHundred(m))
        if zoned { return found(p.start, p.end, words, rule: "time.military") }
        return found(p.start, after.end, words + " hours", rule: "time.military")
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        if let military = militaryTime(c, p) { return military }
        guard p.kind == .number, !c.isDigit(p.start - 1), p.end - p.start <= 2, let h = Int(c.text(of: index)) else { return nil }
        let hourText = c.text(of: index)
        // "9h30", "14h05": the French-style clock some English pages keep.
        if h <= 23, c.isChar(p.end, "h"), let mp = c.piece(startingAt: p.end + 1), c.pieces[mp].kind == .number,
           c.pieces[mp].end - c.pieces[mp].start == 2, let m = Int(c.text(of: mp)), m < 60, !c.isAlnum(c.pieces[mp].end) {
            return found(p.start, c.pieces[mp].end, NumberWords.cardinal(h) + (m == 0 ? (h > 12 ? " hundred" : " o'clock") : Self.minutes(m)), rule: "time.clock")
        }
        // 7pm, 7 p.m.
        if h >= 1 && h <= 12, let (mer, end) = Self.meridiem(c, at: p.end) {
            return found(p.start, end, NumberWords.cardinal(h) + " " + mer + keptPeriod(c, end), rule: "time.meridiem")
        }
        guard c.isChar(p.end, ":") || c.isChar(p.end, "."), let mp = c.piece(startingAt: p.end + 1),
              c.pieces[mp].kind == .number, c.pieces[mp].end - c.pieces[mp].start == 2,
              let m = Int(c.text(of: mp)), m < 60 else { return nil }
        let mEnd = c.pieces[mp].end
        let dot = c.isChar(p.end, ".")
        // h:mm:ss is a duration ("2:03:45" in a marathon).
        if !dot, c.isChar(mEnd, ":"), let sp = c.piece(startingAt: mEnd + 1), c.pieces[sp].end - c.pieces[sp].start == 2,
           let s = Int(c.text(of: sp)), s < 60 {
            let sEnd = c.pieces[sp].end
            // "2:17:30 p.m.": a clock time to the second.
            if (1...12).contains(h), let (mer, end) = Self.meridiem(c, at: sEnd) {
                let words = NumberWords.cardinal(h) + Self.minutes(m) + " and " + NumberWords.cardinal(s) + (s == 1 ? " second " : " seconds ")
                return found(p.start, end, words + mer + keptPeriod(c, end), rule: "time.meridiem")
            }
            var parts: [String] = []
            if h > 0 { parts.append(NumberWords.cardinal(h) + (h == 1 ? " hour" : " hours")) }
            if m > 0 { parts.append(NumberWords.cardinal(m) + (m == 1 ? " minute" : " minutes")) }
            parts.append(NumberWords.cardinal(s) + (s == 1 ? " second" : " seconds"))
            return found(p.start, c.pieces[sp].end, parts.joined(separator: " "), rule: "time.duration")
        }
        // "3:15.17", "1:59.4": a race time in minutes, seconds and hundredths.
        if !dot, c.isChar(mEnd, "."), c.isDigit(mEnd + 1), let f = c.number(at: mEnd + 1), f.isInteger, f.whole.count <= 2, !c.isAlnum(f.end) {
            let seconds = NumberWords.decimal(whole: Substring(String(m)), fraction: f.whole)
            return found(p.start, f.end, NumberWords.cardinal(h) + " " + seconds, rule: "time.race")
        }
        if c.isAlnum(mEnd) && Self.meridiem(c, at: mEnd) == nil { return nil }
        if let (mer, end) = Self.meridiem(c, at: mEnd), h >= 1, h <= 12 {
            return found(p.start, end, NumberWords.cardinal(h) + Self.minutes(m) + " " + mer + keptPeriod(c, end), rule: "time.meridiem")
        }
        // "06.15", "17.30 CET": a dotted clock time, where a leading zero or a time zone says so
        // ("7.30" alone, or "closed at 17.30" a share price, is a decimal).
        if dot, h <= 23, !c.isAlnum(mEnd), !(c.isChar(mEnd, ".") && c.isDigit(mEnd + 1)), !c.isChar(c.skipSpaces(mEnd, max: 1), "%"),
           !["percent", "per", "pc"].contains(c.wordAfter(mEnd)?.text ?? ""),
           hourText.count == 2 && (hourText.hasPrefix("0") || TimeZoneAbbreviations.all.contains(c.wordAfter(mEnd)?.text ?? "")) {
            return found(p.start, mEnd, Self.clock24(h, written: hourText, m), rule: "time.24h")
        }
        if dot { return nil }  // "7.30" without am/pm is a decimal
        guard h <= 24 else { return nil }
        if h == 0 || h > 12 || hourText.hasPrefix("0") {
            return found(p.start, mEnd, Self.clock24(h, written: hourText, m), rule: "time.24h")
        }
        return found(p.start, mEnd, NumberWords.cardinal(h) + (m == 0 ? " o'clock" : Self.minutes(m)), rule: "time.clock")
    }

    /// "p.m." at the end of a sentence also ends the sentence.
    private func keptPeriod(_ c: RuleContext, _ end: Int) -> String {
        c.isChar(end - 1, ".") && c.sentenceEnds(after: end) ? "." : ""
    }
}
