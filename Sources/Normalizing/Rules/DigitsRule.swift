/// Numbers a listener needs digit by digit: IP addresses ("192.168.1.1"), leading decimals
/// (".25"), and numbers named as codes by the words before them ("ending in 4421",
/// "ZIP 90210", "PIN 1234", "account number 0042 7781", "Austin, TX 78701").
struct DigitsRule: Rule {
    var name: String { "digits" }
    var kind: String { "digits" }

    static let battingWords: Set<String> = ["hit", "hits", "hitting", "batted", "batting", "batter", "average", "a", "his", "her"]

    /// One word before the number that makes it a code.
    static let cues: Set<String> = ["zip", "pin", "postcode", "id", "serial", "account", "acct", "iban",
                                    "routing", "tracking", "reference", "ref", "extension", "ext", "badge",
                                    "passcode", "otp", "ssn", "code", "ending", "isbn", "issn", "vin", "imei", "upc", "sku"]
    /// Two words before it: "ending in", "ZIP code", "account number".
    static let cuePairs: Set<String> = ["ending in", "ending with", "ends in", "ends with", "zip code", "postal code",
                                        "pin code", "pin number", "account number", "card number", "serial number",
                                        "routing number", "tracking number", "reference number", "case number",
                                        "policy number", "order number", "invoice number", "ticket number", "id number",
                                        "badge number", "confirmation number", "confirmation code", "access code", "sort code",
                                        "gate code", "area code", "ends in"]

    /// What "ending in" a number can belong to when that number looks like a year.
    static let endingOwners: Set<String> = ["card", "cards", "account", "accounts", "number", "numbers", "phone",
                                            "plate", "plates", "visa", "mastercard", "digits", "code", "serial"]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        let zero = c.british ? "oh" : "zero"
        // ".25 of a point": a decimal with no whole part.
        if p.kind == .other {
            guard c.isChar(p.start, "."), c.isDigit(p.start + 1), !c.isAlnum(p.start - 1), !c.isChar(p.start - 1, "."),
                  let n = c.number(at: p.start), let fraction = n.fraction, !c.isAlnum(n.end) else { return nil }
            // "hit .312", "a .300 hitter": a batting average is said as a whole number.
            if fraction.count == 3, let w = c.wordBefore(p.start)?.text.lowercased(), Self.battingWords.contains(w) || c.wordAfter(n.end)?.text == "hitter" {
                return found(p.start, n.end, NumberWords.designation(fraction), kind: "number", rule: "number.batting-average")
            }
            return found(p.start, n.end, NumberWords.decimal(whole: "", fraction: fraction), kind: "number", rule: "number.leading-decimal")
        }
        guard p.kind == .number, !c.isAlnum(p.start - 1), !c.isChar(p.start - 1, "."), !c.isChar(p.start - 1, "-") else { return nil }
        if let ip = ipAddress(c, at: p.start) { return ip }
        if let version = version(c, at: p.start) { return version }
        guard cued(c, p.start) else { return nil }
        // The code: digit groups joined by single spaces or hyphens ("0042 7781", "90210-1234").
        var o = p.start, groups: [String] = []
        while true {
            let s0 = o
            while c.isDigit(o) { o += 1 }
            groups.append(c.text(s0, o))
            guard (c.isChar(o, " ") || c.isChar(o, "-")), c.isDigit(o + 1), groups.count < 6 else { break }
            // After a space, a short number is a count, not the code's next group ("PIN 1234 3 times").
            var e = o + 1
            while c.isDigit(e) { e += 1 }
            if c.isChar(o, " "), e - (o + 1) < 3 { break }
            o += 1
        }
        guard !c.isLetter(o), !(c.isChar(o, ".") && c.isDigit(o + 1)), !(c.isChar(o, ",") && c.isDigit(o + 1)),
              groups.joined().count >= 2 else { return nil }
        return found(p.start, o, groups.map { NumberWords.digits($0, zero: zero) }.joined(separator: ", "))
    }

    /// "192.168.1.1": four groups of up to three digits, each at most 255.
    private func ipAddress(_ c: RuleContext, at start: Int) -> RuleMatch? {
        var o = start, groups: [String] = []
        for k in 0..<4 {
            let s0 = o
            while c.isDigit(o), o - s0 < 4 { o += 1 }
            guard o > s0, o - s0 <= 3, let v = Int(c.text(s0, o)), v <= 255 else { return nil }
            groups.append(c.text(s0, o))
            if k < 3 { guard c.isChar(o, "."), c.isDigit(o + 1) else { return nil }; o += 1 }
        }
        guard !c.isAlnum(o), !(c.isChar(o, ".") && c.isDigit(o + 1)) else { return nil }
        return found(start, o, groups.map { NumberWords.digits($0, zero: "zero") }.joined(separator: " dot "), rule: "digits.ip-address")
    }

    /// "5.6.0", "iOS 17.4.1": a version, each part said on its own ("five point six point zero").
    /// A last part of two digits could be a year ("4.3.21"), so that needs "version" or a release's name before it.
    private func version(_ c: RuleContext, at start: Int) -> RuleMatch? {
        var o = start, groups: [String] = []
        while groups.count < 4 {
            let s0 = o
            while c.isDigit(o), o - s0 < 4 { o += 1 }
            guard o > s0, o - s0 <= 3 else { return nil }
            groups.append(c.text(s0, o))
            guard c.isChar(o, "."), c.isDigit(o + 1) else { break }
            o += 1
        }
        guard groups.count == 3, !c.isAlnum(o), !(c.isChar(o, ".") && c.isDigit(o + 1)) else { return nil }
        // "2.500.000": full-stop thousands (the number scanner reads them), not a version.
        if groups[1].count == 3, groups[2].count == 3 { return nil }
        if groups[2].count == 2 {
            guard let w = c.wordBefore(start)?.text.lowercased(), Self.versionCues.contains(w) else { return nil }
        }
        let said = groups.map { NumberWords.cardinal(digits: Substring($0), british: c.british) }.joined(separator: " point ")
        return found(start, o, said, kind: "number", rule: "number.version")
    }
    static let versionCues: Set<String> = ["version", "versions", "v", "ver", "release", "update", "firmware", "build",
                                           "ios", "macos", "android", "python", "kernel", "linux", "node", "java", "chrome", "firefox"]

    /// Do the words just before `start` name a code?
    private func cued(_ c: RuleContext, _ start: Int) -> Bool {
        var o = start
        if c.isChar(o - 1, ":") || c.isChar(o - 1, "#") { o -= 1 }
        guard var w1 = c.wordBefore(o) else { return false }
        // "The PIN was 1234", "his account number is 4091": the cue is before the verb.
        if ["is", "was", "are", "were", "reads", "read"].contains(w1.text.lowercased()), let w = c.wordBefore(w1.start) { w1 = w }
        let one = w1.text.lowercased()
        // "Text HELP to 45678": a short code.
        if one == "to", isTextMessage(c, before: w1.start) { return true }
        if w1.text.count == 2, PlaceRule.states[w1.text] != nil, c.isDigit(start), isZip(c, start) { return true }
        let w0 = c.wordBefore(w1.start)
        let pair = (w0?.text.lowercased() ?? "") + " " + one
        let owner: String?  // the word before the cue
        if Self.cues.contains(one) { owner = w0?.text.lowercased() }
        else if Self.cuePairs.contains(pair), let w0 { owner = c.wordBefore(w0.start)?.text.lowercased() }
        else { return false }
        // "a war ending in 1945" is a year; "a card ending in 1945" is not.
        if one == "ending" || pair.hasPrefix("end"), let n = c.number(at: start), n.isYearLike {
            return Self.endingOwners.contains(owner ?? "")
        }
        return true
    }

    /// Is a "text" verb up to three words before `offset` ("text STOP to", "text the word YES to")?
    private func isTextMessage(_ c: RuleContext, before offset: Int) -> Bool {
        var o = offset
        for _ in 0..<4 {
            guard let w = c.wordBefore(o) else { return false }
            if ["text", "texting", "sms"].contains(w.text.lowercased()) { return true }
            o = w.start
        }
        return false
    }

    private func isZip(_ c: RuleContext, _ start: Int) -> Bool {
        for k in 0..<5 where !c.isDigit(start + k) { return false }
        return !c.isDigit(start + 5)
    }
}
