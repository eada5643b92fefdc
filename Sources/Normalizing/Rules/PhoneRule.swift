/// Phone numbers read digit by digit in their groups ("+380 44 123 4567", "(555) 123-4567",
/// "1-800-273-8255", "020 7946 0958") and emergency short codes in context ("call 112", "a 911 call").
struct PhoneRule: Rule {
    var name: String { "phone" }
    var kind: String { "phone" }

    static let shortCodes: Set<String> = ["911", "112", "999", "988", "111", "101", "102", "103", "104", "000", "15", "17", "18",
                                          "211", "311", "411", "511", "611", "711", "811", "116"]
    static let callWords: Set<String> = ["call", "calls", "called", "calling", "dial", "dialled", "dialed", "dialing",
                                         "dialling", "ring", "text", "phone", "hotline", "contact"]
    static let afterWords: Set<String> = ["emergency", "hotline", "line", "call", "calls", "operator", "operators",
                                          "dispatcher", "dispatchers", "service", "services", "number", "centre", "center"]
    static let tollFree: Set<String> = ["800"]  // "one eight hundred"; 877, 866… are said digit by digit

    func read(_ groups: [String], gb: Bool) -> String {
        groups.enumerated().map { i, g in
            if i <= 1, Self.tollFree.contains(g), groups.count >= 3 { return NumberWords.cardinal(Int(g)!) }
            return NumberWords.digits(g, zero: gb ? "oh" : "zero")
        }.joined(separator: ", ")
    }

    /// Digit groups from `o` separated by one "-", "." or " " (the same each time), or "(ddd) ".
    func groups(_ c: RuleContext, from start: Int) -> ([String], Int, Character?) {
        var o = start
        var groups: [String] = []
        var separator: Character?
        while groups.count < 8 {  // no phone number has more; a run of "1.1.1…" must not be read to its end
            var g = ""
            var paren = false
            if c.isChar(o, "(") { paren = true; o += 1 }
            let s0 = o
            while c.isDigit(o) { o += 1 }
            if o == s0 { break }
            g = c.text(s0, o)
            if paren { guard c.isChar(o, ")") else { break }; o += 1 }
            groups.append(g)
            guard let ch = c.at(o), ch == "-" || ch == "." || ch == " " || paren else { break }
            if paren && ch == " " { if c.isDigit(o + 1) { o += 1; continue } else { break } }
            if paren && ch == "-" { o += 1; continue }
            if paren { continue }
            let sepChar = Character(ch)
            if let separator, separator != sepChar && !(sepChar == "-" && groups.count == 2) { break }
            guard c.isDigit(o + 1) || c.isChar(o + 1, "(") else { break }
            separator = separator ?? sepChar
            o += 1
        }
        // Drop a trailing separator we may have stepped over.
        return (groups, o, separator)
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        let gb = c.british
        if p.kind == .other {
            let ch = c.s[p.start]
            if ch == "+", c.isDigit(p.end), !c.isAlnum(p.start - 1) {
                // "+1 (212) 555-0123": a country code, then a national number in its usual shape.
                if let cc = c.number(at: p.end), cc.isInteger, cc.whole.count <= 3, c.isChar(cc.end, " "), c.isChar(cc.end + 1, "(") {
                    let (gs, end, _) = groups(c, from: cc.end + 1)
                    if gs.count == 3, gs[0].count == 3, gs[1].count == 3, gs[2].count == 4, !c.isAlnum(end) {
                        return found(p.start, end, "plus " + NumberWords.digits(String(cc.whole), zero: gb ? "oh" : "zero") + ", " + read(gs, gb: gb),
                                     rule: "phone.international")
                    }
                }
                let (gs, end, _) = groups(c, from: p.end)
                let digits = gs.reduce(0) { $0 + $1.count }
                guard gs.count >= 2 || digits >= 8, digits >= 8, !c.isAlnum(end) else { return nil }
                return found(p.start, end, "plus " + read(gs, gb: gb), rule: "phone.international")
            }
            if ch == "(", c.isDigit(p.end) {
                let (gs, end, _) = groups(c, from: p.start)
                guard gs.count == 3, gs[0].count == 3, gs[1].count == 3, gs[2].count == 4, !c.isAlnum(end) else { return nil }
                return found(p.start, end, read(gs, gb: gb), rule: "phone.national")
            }
            return nil
        }
        guard p.kind == .number, !c.isDigit(p.start - 1), !c.isChar(p.start - 1, "-") else { return nil }
        let (gs, end, sep) = groups(c, from: p.start)
        let lengths = gs.map(\.count)
        let digits = lengths.reduce(0, +)
        if !c.isAlnum(end), !(c.isChar(end, "-") && c.isDigit(end + 1)) {
            if (sep == "-" || sep == ".") && (lengths == [3, 3, 4] || lengths == [1, 3, 3, 4] || lengths == [3, 4]) {
                if lengths == [3, 4], sep != "-" { return nil }
                return found(p.start, end, read(gs, gb: gb), rule: "phone.national")
            }
            if sep == " ", gs.count >= 2, gs[0].hasPrefix("0"), (10...11).contains(digits), (3...5).contains(lengths[0]) {
                return found(p.start, end, read(gs, gb: gb), rule: "phone.national")
            }
        }
        // After "call", "text", "dial": whatever digits follow are a number to key in ("Text 741741", "Call 116 123").
        let callBefore = ["call", "dial", "text", "ring"].contains(c.wordBefore(p.start)?.text.lowercased() ?? "")
        if callBefore, digits >= 3, digits <= 15, !c.isAlnum(end), !(c.isChar(end, ".") && c.isDigit(end + 1)),
           !(c.isChar(end, ",") && c.isDigit(end + 1)), !Self.shortCodes.contains(c.text(of: index)) || gs.count > 1 {
            return found(p.start, end, read(gs, gb: gb), rule: "phone.keyed")
        }
        // Short codes only where the sentence says it is a number to call.
        let code = c.text(of: index)
        if Self.shortCodes.contains(code), !c.isAlnum(p.end) {
            let previous = c.wordBefore(p.start)
            let before = previous?.text.lowercased() ?? ""
            let after = c.wordAfter(p.end)?.text.lowercased() ?? ""
            // "call NHS 111": the service's name in capitals between the call and its number.
            let named = previous.map { w in w.text.count >= 2 && w.text.allSatisfy(\.isUppercase)
                && Self.callWords.contains(c.wordBefore(w.start)?.text.lowercased() ?? "") } ?? false
            if Self.callWords.contains(before) || named || (Self.afterWords.contains(after) && c.isChar(p.end, " ")) {
                return found(p.start, p.end, NumberWords.digits(code, zero: gb ? "oh" : "zero"), rule: "phone.short-code")
            }
        }
        return nil
    }
}
