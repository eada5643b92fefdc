/// Money: "$2.4 billion", "€3.5bn", "£1.20", "$0.99", "₴100", "US$5m", "$3-4 billion", "100 USD".
/// Says the amount, the scale, then the currency: "two point four billion dollars".
struct MoneyRule: Rule {
    var name: String { "money" }
    var kind: String { "money" }

    /// Words after "a $5" that show the amount is not before a noun ("a $5 a month", "a $5 per bag").
    static let notNouns: Set<String> = ["a", "an", "and", "or", "of", "per", "to", "for", "in", "on", "at", "from", "with",
                                        "by", "each", "more", "less", "than", "off", "plus", "minus", "apiece", "up", "worth",
                                        "last", "this", "next", "was", "is", "are", "were", "will", "would", "has", "had",
                                        "have", "in", "into", "over", "under", "since", "after", "before", "as", "so", "but",
                                        "annually", "a", "per", "total", "overall", "altogether", "combined", "now", "then", "cash"]

    static let tender: Set<String> = ["note", "notes", "bill", "bills", "coin", "coins", "banknote", "banknotes",
                                      // and what an amount is the size of: "the $7,500 credit", "a 4-year, $120M deal"
                                      "credit", "credits", "deal", "deals", "fine", "fines", "fee", "fees", "grant", "grants",
                                      "bonus", "prize", "settlement", "loan", "loans", "check", "cheque", "budget", "gift",
                                      "donation", "payment", "payments", "rebate", "refund", "voucher", "vouchers", "contract",
                                      "package", "investment", "purchase", "bet", "jackpot", "stimulus", "subsidy", "tax", "levy"]

    /// A currency sign at `o`, and where it ends.
    static func sign(_ c: RuleContext, at o: Int) -> (Vocabulary.Currency, Int)? {
        guard let first = c.at(o) else { return nil }
        switch first {
        case "$", "€", "£", "¥", "₴", "₽", "₹", "₩", "U", "N", "H", "C", "A": break
        // South African rand, only where the amount cannot be a name ("R5,000", "R2bn"; not "R2", "R0").
        case "R":
            guard let n = c.number(at: o + 1), n.grouped || (scale(c, at: n.end).map { !c.isLetter($0.1) } ?? false) else { return nil }
            return (Vocabulary.rand, o + 1)
        default: return nil
        }
        for (written, cur) in Vocabulary.currencySigns where c.matches(written, at: o) {
            return (cur, o + written.unicodeScalars.count)
        }
        return nil
    }

    /// A scale after an amount ("bn", " billion", "m"), its word and where it ends.
    static func scale(_ c: RuleContext, at o: Int) -> (String, Int)? {
        for (written, word, spaced) in Vocabulary.scales {
            let n = written.unicodeScalars.count
            if c.matches(written, at: o), !c.isAlnum(o + n) { return (word, o + n) }
            if spaced, c.isChar(o, " "), c.matches(written, at: o + 1), !c.isAlnum(o + 1 + n) { return (word, o + 1 + n) }
        }
        return nil
    }

    /// Is a note or a coin named after the amount ending at `end` ("£5 note", "Rs 500 notes")?
    static func tenderFollows(_ c: RuleContext, _ end: Int) -> Bool {
        c.isChar(end, " ") && (c.wordAfter(end).map { tender.contains($0.text) } ?? false)
    }

    /// Says an amount. `adjective` is for "a $1 million prize" ("a one million dollar prize").
    static func amount(_ n: NumberLiteral, scale: String?, _ cur: Vocabulary.Currency, british gb: Bool,
                       adjective: Bool = false) -> String {
        if let scale { return n.words(british: gb) + " " + scale + " " + (adjective ? cur.one : cur.many) }
        if let f = n.fraction {
            if f.count <= 2, let centOne = cur.centOne, let centMany = cur.centMany {
                let cents = Int(f.count == 1 ? f + "0" : f)!
                let whole = NumberWords.cardinal(digits: n.whole, british: gb)
                let unit = n.whole.drop(while: { $0 == "0" }) == "1" ? cur.one : cur.many
                let centWords = NumberWords.cardinal(cents, british: gb) + " " + (cents == 1 ? centOne : centMany)
                if n.whole.allSatisfy({ $0 == "0" }) { return cents == 0 ? "zero " + cur.many : centWords }
                // British "two pounds fifty".
                if gb && cur.centMany == "pence" && cents != 0 { return whole + " " + unit + " " + NumberWords.cardinal(cents, british: gb) }
                return cents == 0 ? whole + " " + unit : whole + " " + unit + " and " + centWords
            }
            return n.words(british: gb) + " " + cur.many
        }
        return n.words(british: gb) + " " + (n.isOne || adjective ? cur.one : cur.many)
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        let gb = c.british
        if p.kind == .number {
            // 100 USD, 5 million EUR
            guard !c.isDigit(p.start - 1), let n = c.number(at: p.start) else { return nil }
            // "3¢", "99¢": cents.
            if c.isChar(n.end, "¢") {
                return found(n.start, n.end + 1, n.words(british: gb) + (n.isOne ? " cent" : " cents"), rule: "money.cents")
            }
            // 50p, 4p, petrol's 145.9p: pence (but not 5p.m.).
            if (n.fraction?.count ?? 0) <= 2, n.whole.count <= 3, c.isChar(n.end, "p"), !c.isAlnum(n.end + 1), !c.isAlnum(p.start - 1),
               !(c.isChar(p.start - 1, ".") && c.isDigit(p.start - 2)),
               !(c.isChar(n.end + 1, ".") && c.isLetter(n.end + 2)) {
                var spoken = n.words(british: gb) + (n.isOne ? " penny" : " pence"), end = n.end + 1
                if let (per, perEnd) = PerUnit.after(c, at: end) { spoken += " " + per; end = perEnd }   // "1.5p/litre"
                return found(n.start, end, spoken, rule: "money.pence")
            }
            var o = n.end
            var scale: String?
            if let (w, e) = Self.scale(c, at: o), c.isChar(e, " ") { scale = w; o = e }
            // "25 €", "25€": a sign written after the amount, as in much of Europe.
            let s0 = c.skipSpaces(o, max: 1)
            if let sign = c.at(s0), "€£¥₴₽₹₩".unicodeScalars.contains(sign), !c.isAlnum(s0 + 1), let (cur, signEnd) = Self.sign(c, at: s0) {
                return found(n.start, signEnd, Self.amount(n, scale: scale, cur, british: gb), rule: "money.sign-after")
            }
            guard c.isChar(o, " "), let code = c.piece(startingAt: o + 1), c.pieces[code].kind == .word,
                  let cur = Vocabulary.currencyCodes[c.text(of: code)], !c.isAlnum(c.pieces[code].end) else { return nil }
            return found(n.start, c.pieces[code].end, Self.amount(n, scale: scale, cur, british: gb), rule: "money.code")
        }
        guard p.kind == .other || p.kind == .word else { return nil }
        if p.kind == .word, !c.isUpper(p.start) { return nil }
        // USD 5 million, EUR 40
        // "Rs. 500": the rupee's abbreviation may have a full stop.
        let codeEnd = c.text(of: index) == "Rs" && c.isChar(p.end, ".") ? p.end + 1 : p.end
        if p.kind == .word, let cur = Vocabulary.currencyCodes[c.text(of: index)], c.isChar(codeEnd, " "),
           let n = c.number(at: codeEnd + 1) {
            var end = n.end
            var scale: String?
            if let (w, e) = Self.scale(c, at: end) { scale = w; end = e }
            guard !c.isLetter(end) else { return nil }
            // "Rs 500 notes": a note is named by its value.
            return found(p.start, end, Self.amount(n, scale: scale, cur, british: gb, adjective: Self.tenderFollows(c, end)), rule: "money.code")
        }
        guard let (cur, signEnd) = Self.sign(c, at: p.start) else { return nil }
        // "$(2.3) million": an accountant's brackets make the amount a loss.
        if c.isChar(signEnd, "("), let n = c.number(at: signEnd + 1), c.isChar(n.end, ")") {
            var end = n.end + 1
            var scale: String?
            if let (w, e) = Self.scale(c, at: end) { scale = w; end = e }
            return found(p.start, end, "minus " + Self.amount(n, scale: scale, cur, british: gb), rule: "money.loss")
        }
        var o = signEnd
        if c.isChar(o, " ") && c.isDigit(o + 1) { o += 1 }
        guard let n = c.number(at: o) else { return nil }
        var end = n.end
        var scale: String?
        var hyphenated = false
        if let (w, e) = Self.scale(c, at: end) { scale = w; end = e }
        else if c.isChar(end, "-"), c.isLetter(end + 1), let (w, e) = Self.scale(c, at: end + 1), w.count > 1, c.matches(w, at: end + 1) {
            scale = w; end = e; hyphenated = true  // "$4.5-billion"
        }
        let article = c.wordBefore(p.start)?.text.lowercased()
        // "a $1 million prize", "a $20 bill": an amount before its noun says the currency once, singular.
        let nounAfter = c.isChar(end, " ") && (c.wordAfter(end).map { c.isLower($0.start) && !Self.notNouns.contains($0.text) } ?? false)
        // "the new £5 note": a note or coin is named by its value whatever comes before it.
        let tender = (n.isInteger || scale != nil) && Self.tenderFollows(c, end)
        // "the $1.2T infrastructure bill", "its $5bn plan": after a determiner, a scaled amount before a noun describes it.
        let determined = ["the", "its", "their", "his", "her", "this", "that", "our", "whose"].contains(article ?? "")
        // "a $20-an-hour wage", "$5-a-gallon gas": a rate made into an adjective is singular.
        let rate = c.matches("-a-", at: end) || c.matches("-an-", at: end)
        let adjective = tender || hyphenated || rate || (scale != nil && nounAfter && determined)
            || ((article == "a" || article == "an") && (scale != nil || (n.isInteger && nounAfter)))
        let between = article == "between"
        // A range: "$3-4 billion", "$10–$20", "$3 to $4 billion".
        var q = end
        var sep = false, viaAnd = false
        if let d = c.at(q), d == "-" || d == "\u{2013}" { q += 1; sep = true }
        else if c.matches(" to ", at: q) { q += 4; sep = true }
        else if between, c.matches(" and ", at: q), scale == nil, c.isDigit(q + 5) || Self.sign(c, at: q + 5) != nil {
            q += 5; sep = true; viaAnd = true   // "between $1.5 and $2 billion": the second's scale is the first's too
        }
        if sep, let m = c.number(at: Self.sign(c, at: q)?.1 ?? q) {
            let scale2 = Self.scale(c, at: m.end)
            // "between $5 and $10", with no scale to share: two amounts, each said on its own.
            if !viaAnd || scale2 != nil {
                let shared = scale2?.0 ?? scale
                // "$3.99 to $2.49": with cents, each amount is said whole ("three dollars and
                // ninety-nine cents"), not as a bare decimal before the second's currency.
                let first = shared == nil && !(n.isInteger && m.isInteger) ? Self.amount(n, scale: nil, cur, british: gb)
                    : n.words(british: gb) + (scale != nil && scale != shared ? " " + scale! : "")
                var spoken = first + (between ? " and " : " to ") + Self.amount(m, scale: shared, cur, british: gb)
                var end = scale2?.1 ?? m.end
                if let (per, perEnd) = PerUnit.after(c, at: end) { spoken += " " + per; end = perEnd }   // "$15.49 to $17.99/mo."
                return found(p.start, end, spoken, rule: "money.range")
            }
        }
        var spoken = Self.amount(n, scale: scale, cur, british: gb, adjective: adjective)
        if let (per, perEnd) = PerUnit.after(c, at: end) { spoken += " " + per; end = perEnd }
        return found(p.start, end, spoken, rule: scale == nil ? "money.amount" : "money.scaled")
    }
}
