/// Numbers as words, written once for every rule: cardinals, ordinals, years, decimals, digit strings.
enum NumberWords {
    static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                       "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                       "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let scales = ["", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"]

    /// 0...99 as words, "twenty-one".
    static func underHundred(_ n: Int) -> String {
        if n < 20 { return ones[n] }
        let t = tens[n / 10]
        return n % 10 == 0 ? t : t + "-" + ones[n % 10]
    }

    /// 0...999; British adds "and" after the hundreds.
    static func underThousand(_ n: Int, british: Bool) -> String {
        let h = n / 100, r = n % 100
        if h == 0 { return underHundred(r) }
        let head = ones[h] + " hundred"
        if r == 0 { return head }
        return head + (british ? " and " : " ") + underHundred(r)
    }

    /// A whole number in words: 1234 → "one thousand two hundred thirty-four".
    static func cardinal(_ value: Int, british: Bool = false) -> String {
        if value < 0 { return "minus " + cardinal(value == Int.min ? Int.max : -value, british: british) }
        if value < 1000 { return underThousand(value, british: british) }
        var groups: [Int] = []
        var n = value
        while n > 0 { groups.append(n % 1000); n /= 1000 }
        var parts: [String] = []
        for (index, group) in groups.enumerated().reversed() where group > 0 {
            var words = underThousand(group, british: british)
            if index > 0 { words += " " + scales[index] }
            else if british && group < 100 { words = "and " + words }
            parts.append(words)
        }
        return parts.joined(separator: " ")
    }

    /// A whole number written as digits (any length); very long ones are read digit by digit.
    static func cardinal(digits: Substring, british: Bool = false) -> String {
        let trimmed = digits.drop(while: { $0 == "0" })
        if trimmed.isEmpty { return "zero" }
        if trimmed.count > 18 { return self.digits(digits) }
        return cardinal(Int(trimmed)!, british: british)
    }

    /// "one two three" for "123"; zero is "zero" (or "oh" when asked).
    static func digits<S: StringProtocol>(_ s: S, zero: String = "zero") -> String {
        var out: [String] = []
        for ch in s where ch.isASCII && ch.isNumber {
            let d = Int(ch.asciiValue! - 48)
            out.append(d == 0 ? zero : ones[d])
        }
        return out.joined(separator: " ")
    }

    /// Turns the last word of a cardinal into its ordinal: "twenty-one" → "twenty-first".
    static func ordinalize(_ words: String) -> String {
        let irregular = ["one": "first", "two": "second", "three": "third", "five": "fifth",
                         "eight": "eighth", "nine": "ninth", "twelve": "twelfth"]
        var cut = words.endIndex
        if let i = words.lastIndex(where: { $0 == " " || $0 == "-" }) { cut = words.index(after: i) } else { cut = words.startIndex }
        let head = words[..<cut], last = String(words[cut...])
        if let o = irregular[last] { return head + o }
        if last.hasSuffix("y") { return head + last.dropLast() + "ieth" }
        return head + last + "th"
    }

    static func ordinal(_ value: Int, british: Bool = false) -> String {
        ordinalize(cardinal(value, british: british))
    }

    /// A year as people say it: 1989 "nineteen eighty-nine", 1908 "nineteen oh eight",
    /// 1900 "nineteen hundred", 2003 "two thousand three", 2023 "twenty twenty-three".
    static func year(_ y: Int, british: Bool = false) -> String {
        if y < 1000 || y >= 10000 { return cardinal(y, british: british) }
        let hi = y / 100, lo = y % 100
        if y % 1000 < 10 && hi % 10 == 0 && (hi == 20 || lo == 0) { return cardinal(y, british: british) }  // 2000, 2003, 1000 (but 1006 "ten oh six")
        if lo == 0 { return underHundred(hi) + " hundred" }
        if lo < 10 { return underHundred(hi) + " oh " + ones[lo] }
        return underHundred(hi) + " " + underHundred(lo)
    }

    /// A plural decade from its first year: 1970 "nineteen seventies", 2000 "two thousands", 60 "sixties".
    static func decade(_ y: Int, british: Bool = false) -> String {
        let words = y < 100 ? underHundred(y) : year(y, british: british)
        return pluralize(words)
    }

    static func pluralize(_ words: String) -> String {
        if words.hasSuffix("y") { return words.dropLast() + "ies" }
        if words.hasSuffix("six") { return words + "es" }
        return words + "s"
    }

    /// "3.14" → "three point one four"; ".5" → "point five".
    static func decimal(whole: Substring, fraction: Substring, british: Bool = false) -> String {
        let head = whole.isEmpty ? "" : cardinal(digits: whole, british: british) + " "
        return head + "point " + digits(fraction)
    }

    /// Model numbers as spoken in designations: 320 "three twenty", 737 "seven thirty-seven",
    /// 400 "four hundred", 52 "fifty-two", 2000 "two thousand", 1234 "twelve thirty-four".
    static func designation(_ s: Substring) -> String {
        if s.count > 1 && s.first == "0" { return digits(s, zero: "oh") }
        guard let n = Int(s) else { return digits(s) }
        switch s.count {
        case 0...2: return cardinal(n)
        case 3:
            if n % 100 == 0 { return cardinal(n) }
            let lo = n % 100
            return ones[n / 100] + " " + (lo < 10 ? "oh " + ones[lo] : underHundred(lo))
        case 4: return year(n)
        default: return digits(s)
        }
    }
}
