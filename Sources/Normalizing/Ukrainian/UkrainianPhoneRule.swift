/// Phone numbers read in groups as newsreaders do: "+380 44 123 45 67" → "плюс триста вісімдесят,
/// сорок чотири, сто двадцять три, сорок п'ять, шістдесят сім"; "0 800 500 335"; "(044) 123-45-67".
struct UkPhoneRule: Rule {
    var name: String { "uk.phone" }
    var kind: String { "phone" }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        let start = p.start
        var o = start
        var spokenPrefix = ""
        if c.isChar(o, "+"), c.isDigit(o + 1) { spokenPrefix = "плюс "; o += 1 }
        else if c.isChar(o, "("), c.isChar(o + 1, "0") { }
        else if p.kind != .number || !c.isChar(o, "0") || c.isDigit(o - 1) { return nil }
        guard !c.isDigit(start - 1) else { return nil }
        // Groups of digits separated by one space, hyphen or bracket.
        var groups: [String] = [], total = 0, end = o
        while true {
            if c.isChar(o, "(") { o += 1 }
            guard c.isDigit(o) else { break }
            var e = o
            while c.isDigit(e) { e += 1 }
            groups.append(c.text(o, e)); total += e - o; end = e
            if total > 13 { return nil }  // too long for a phone number; stop before scanning on
            o = e
            if c.isChar(o, ")") { o += 1; end = o }
            if (c.isChar(o, " ") || c.isChar(o, "-") || c.isChar(o, "\u{00A0}")) && (c.isDigit(o + 1) || c.isChar(o + 1, "(")) { o += 1 }
            else if c.isChar(o, ")") { o += 1 } else { break }
        }
        let plus = !spokenPrefix.isEmpty
        guard total >= (plus ? 11 : 10), total <= 13, groups.count >= (plus ? 1 : 2) || total >= 10,
              groups.allSatisfy({ $0.count <= 4 }) || plus && groups.count == 1 else { return nil }
        let words = (groups.count == 1 ? Self.split(groups[0]) : groups).map(Self.group)
        let spoken = spokenPrefix + words.joined(separator: ", ")
        return found(start, end, spoken.hasSuffix(")") ? String(spoken.dropLast()) : spoken)
    }

    /// "380441234567" → "380", "44", "123", "45", "67".
    static func split(_ digits: String) -> [String] {
        let s = Array(digits)
        var out: [String] = [], i = 0
        for size in [3, 2, 3, 2, 2] where i < s.count { out.append(String(s[i..<min(s.count, i + size)])); i += size }
        if i < s.count { out.append(String(s[i...])) }
        return out
    }

    /// One group: "044" → "нуль сорок чотири", "05" → "нуль п'ять", "800" → "вісімсот".
    static func group(_ g: String) -> String {
        let zeros = g.prefix(while: { $0 == "0" }).count
        let rest = g.dropFirst(zeros)
        let head = Array(repeating: "нуль", count: rest.isEmpty ? zeros : zeros)
        return (head + (rest.isEmpty ? [] : [UkNumberWords.cardinal(Int(rest) ?? 0)])).joined(separator: " ")
    }
}
