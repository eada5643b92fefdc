/// Ukrainian number words in any case and gender: cardinals ("двадцятьма трьома"), ordinals
/// ("дві тисячі двадцять третьому"), decimals ("дві цілих п'ять десятих") and digit strings.
enum UkNumberWords {
    /// Forms of 0–19 and of the tens and hundreds, in the order of `UkCase`.
    static let units: [[String]] = [
        "нуль нуля нулю нуль нулем нулі", "один одного одному один одним одному", "два двох двом два двома двох",
        "три трьох трьом три трьома трьох", "чотири чотирьох чотирьом чотири чотирма чотирьох",
        "п'ять п'яти п'яти п'ять п'ятьма п'яти", "шість шести шести шість шістьма шести", "сім семи семи сім сьома семи",
        "вісім восьми восьми вісім вісьма восьми", "дев'ять дев'яти дев'яти дев'ять дев'ятьма дев'яти",
    ].map(words)
    static let teens: [[String]] = ["десять", "одинадцять", "дванадцять", "тринадцять", "чотирнадцять", "п'ятнадцять",
                                    "шістнадцять", "сімнадцять", "вісімнадцять", "дев'ятнадцять"].map(tyat)
    static let tens: [[String]] = [[], [], tyat("двадцять"), tyat("тридцять"), words("сорок сорока сорока сорок сорока сорока"),
                                   tyat("п'ятдесят"), tyat("шістдесят"), tyat("сімдесят"), tyat("вісімдесят"),
                                   words("дев'яносто дев'яноста дев'яноста дев'яносто дев'яноста дев'яноста")]
    static let hundreds: [[String]] = [[], words("сто ста ста сто ста ста"),
        words("двісті двохсот двомстам двісті двомастами двохстах"), words("триста трьохсот трьомстам триста трьомастами трьохстах"),
        words("чотириста чотирьохсот чотирьомстам чотириста чотирмастами чотирьохстах"),
        words("п'ятсот п'ятисот п'ятистам п'ятсот п'ятьмастами п'ятистах"), words("шістсот шестисот шестистам шістсот шістьмастами шестистах"),
        words("сімсот семисот семистам сімсот семистами семистах"), words("вісімсот восьмисот восьмистам вісімсот вісьмастами восьмистах"),
        words("дев'ятсот дев'ятисот дев'ятистам дев'ятсот дев'ятьмастами дев'ятистах")]
    static let oneFem = words("одна однієї одній одну однією одній"), oneNeut = words("одне одного одному одне одним одному")
    /// тисяча, мільйон, мільярд, трильйон: the scales are counted nouns themselves.
    static let scales: [UkNoun] = [
        UkNoun(.fem, "тисяча тисячі тисячі тисячу тисячею тисячі", "тисячі тисяч тисячам тисячі тисячами тисячах"),
        UkNoun(.masc, "мільйон мільйона мільйону мільйон мільйоном мільйоні", "мільйони мільйонів мільйонам мільйони мільйонами мільйонах"),
        UkNoun(.masc, "мільярд мільярда мільярду мільярд мільярдом мільярді", "мільярди мільярдів мільярдам мільярди мільярдами мільярдах"),
        UkNoun(.masc, "трильйон трильйона трильйону трильйон трильйоном трильйоні", "трильйони трильйонів трильйонам трильйони трильйонами трильйонах"),
    ]
    static let scaleStems = ["тисячн", "мільйонн", "мільярдн", "трильйонн"]

    static func words(_ s: String) -> [String] { s.split(separator: " ").map(String.init) }
    /// "-дцять"/"-десят" numbers all decline alike: -ти, -ти, -ть, -тьма, -ти.
    static func tyat(_ nom: String) -> [String] {
        let stem = nom.hasSuffix("ь") ? String(nom.dropLast()) : nom
        return [nom, stem + "и", stem + "и", nom, stem + "ьма", stem + "и"]
    }

    /// 1–9 agreeing in gender (one and two only) and animacy (an animate accusative is the genitive).
    static func unit(_ d: Int, _ c: UkCase, _ g: UkGender, animate: Bool) -> String {
        // "одного військового", "двох осіб", but "одну особу": a feminine one keeps its accusative.
        let cc = c == .acc && animate && d <= 4 && !(d == 1 && g != .masc) ? UkCase.gen : c
        if d == 1 && g == .fem { return oneFem[cc.rawValue] }
        if d == 1 && g == .neut { return oneNeut[cc.rawValue] }
        if d == 2 && g == .fem && (cc == .nom || cc == .acc) { return "дві" }
        return units[d][cc.rawValue]
    }

    /// 0–999 in a case; the last word agrees with the gender.
    static func underThousand(_ n: Int, _ c: UkCase, _ g: UkGender, animate: Bool) -> [String] {
        if n == 0 { return [units[0][c.rawValue]] }
        var out: [String] = []
        if n >= 100 { out.append(hundreds[n / 100][c.rawValue]) }
        let r = n % 100
        if r >= 10 && r < 20 { out.append(teens[r - 10][c.rawValue]) }
        else {
            if r >= 20 { out.append(tens[r / 10][c.rawValue]) }
            // Only a bare 1–4 takes the animate accusative ("двох військових", but "двадцять два військових").
            if r % 10 > 0 { out.append(unit(r % 10, c, g, animate: animate && (n < 5 || r % 10 == 1))) }
        }
        return out
    }

    /// A whole number in case `c` agreeing with a noun of gender `g`: 2023 genitive → "двох тисяч двадцяти трьох".
    static func cardinal(_ value: Int, _ c: UkCase = .nom, _ g: UkGender = .masc, animate: Bool = false) -> String {
        if value < 0 { return "мінус " + cardinal(value == Int.min ? Int.max : -value, c, g, animate: animate) }
        if value < 1000 { return underThousand(value, c, g, animate: animate).joined(separator: " ") }
        var groups: [Int] = []
        var n = value
        while n > 0 { groups.append(n % 1000); n /= 1000 }
        guard groups.count <= scales.count + 1 else { return digits(String(value)) }
        var parts: [String] = []
        for (k, group) in groups.enumerated().reversed() where group > 0 {
            if k == 0 { parts += underThousand(group, c, g, animate: animate); continue }
            let scale = scales[k - 1]
            // "тисяча", "мільйон": a leading 1 is not said.
            if !(group == 1 && k == groups.count - 1) { parts += underThousand(group, c, scale.gender, animate: false) }
            parts.append(scale.counted(UkCount(group), c))
        }
        return parts.joined(separator: " ")
    }

    static func cardinal(digits s: Substring, _ c: UkCase = .nom, _ g: UkGender = .masc, animate: Bool = false) -> String {
        let trimmed = s.drop(while: { $0 == "0" })
        if trimmed.isEmpty { return units[0][c.rawValue] }
        if trimmed.count > 15 { return digits(s) }
        return cardinal(Int(trimmed)!, c, g, animate: animate)
    }

    /// Ordinal stems for 0–19, the tens and the hundreds; "трет" alone is soft.
    static let ordinalUnits = ["нульов", "перш", "друг", "трет", "четверт", "п'ят", "шост", "сьом", "восьм", "дев'ят"]
    static let ordinalTeens = ["десят", "одинадцят", "дванадцят", "тринадцят", "чотирнадцят", "п'ятнадцят", "шістнадцят",
                               "сімнадцят", "вісімнадцят", "дев'ятнадцят"]
    static let ordinalTens = ["", "", "двадцят", "тридцят", "сороков", "п'ятдесят", "шістдесят", "сімдесят", "вісімдесят", "дев'яност"]
    static let ordinalHundreds = ["", "сот", "двохсот", "трьохсот", "чотирьохсот", "п'ятисот", "шестисот", "семисот", "восьмисот", "дев'ятисот"]

    /// An ordinal: only the last word is ordinal, the rest stay nominative cardinals
    /// ("дві тисячі двадцять третьому"); round thousands fuse ("двохтисячного").
    static func ordinal(_ value: Int, _ c: UkCase, _ g: UkGender, animate: Bool = false) -> String {
        guard value >= 0 else { return "мінус " + ordinal(value == Int.min ? Int.max : -value, c, g, animate: animate) }
        let (head, stem) = ordinalParts(value)
        let endings = stem == "трет" ? UkAdjective.soft : UkAdjective.hard
        let word = stem + endings.ending(c, g, animate: animate)
        return head.isEmpty ? word : head + " " + word
    }

    static func ordinalParts(_ n: Int) -> (head: String, stem: String) {
        if n == 0 { return ("", ordinalUnits[0]) }
        let r = n % 100
        if r != 0 {
            let rest = n - r
            var head = rest > 0 ? cardinal(rest) : ""
            let stem: String
            if r < 10 { stem = ordinalUnits[r] }
            else if r < 20 { stem = ordinalTeens[r - 10] }
            else if r % 10 == 0 { stem = ordinalTens[r / 10] }
            else {
                head += (head.isEmpty ? "" : " ") + tens[r / 10][0]
                stem = ordinalUnits[r % 10]
            }
            return (head, stem)
        }
        if n % 1000 != 0 {
            let rest = n - n % 1000
            return (rest > 0 ? cardinal(rest) : "", ordinalHundreds[(n % 1000) / 100])
        }
        // A round thousand, million…: the count fuses in the genitive ("п'ятитисячний").
        var k = 0, m = n
        while m % 1000 == 0 && k < scaleStems.count { m /= 1000; k += 1 }
        let group = m % 1000, rest = (m - group) * Int(pow1000(k))
        var count = group == 1 ? "" : group == 100 ? "сто" : cardinal(group, .gen).replacingOccurrences(of: " ", with: "")
        if group > 1, group % 10 == 1, group % 100 != 11 { count = count.dropLast(3) + "о" }  // "двадцятиоднотисячний"
        return (rest > 0 ? cardinal(rest) : "", count + scaleStems[k - 1])
    }

    static func pow1000(_ k: Int) -> Int { (0..<k).reduce(1) { r, _ in r * 1000 } }

    static let fractionNames = ["", "десят", "сот", "тисячн", "десятитисячн", "стотисячн", "мільйонн"]

    /// A decimal as newsreaders and grammars say it: 2,5 → "дві цілих п'ять десятих"; 1,5 → "одна ціла п'ять десятих".
    static func decimal(whole: Substring, fraction: Substring, _ c: UkCase = .nom) -> String {
        guard fraction.count < fractionNames.count, whole.count <= 15 else {
            return cardinal(digits: whole, c, .fem) + " кома " + digits(fraction)
        }
        let w = Int(whole.isEmpty ? "0" : whole) ?? 0, f = Int(fraction) ?? 0
        let wholeCount = UkCount(w)
        let cile = UkNoun(.fem, "ціла цілої цілій цілу цілою цілій", "цілих цілих цілим цілих цілими цілих")
        let wholeWords = cardinal(w, c, .fem) + " " + (wholeCount == .one ? cile.form(c, plural: false) : cile.form(c == .nom || c == .acc ? .gen : c, plural: true))
        let name = fractionNames[fraction.count]
        let part = UkNoun(.fem, "\(name)а \(name)ої \(name)ій \(name)у \(name)ою \(name)ій", "\(name)их \(name)их \(name)им \(name)их \(name)ими \(name)их")
        let fCount = UkCount(f)
        let partForm = fCount == .one ? part.form(c, plural: false) : part.form(c == .nom || c == .acc ? .gen : c, plural: true)
        return wholeWords + " " + cardinal(f, c, .fem) + " " + partForm
    }

    /// "нуль вісім нуль" for "080".
    static func digits<S: StringProtocol>(_ s: S) -> String {
        s.unicodeScalars.filter { TextScanner.isDigit($0) }.map { units[Int($0.value - 48)][0] }.joined(separator: " ")
    }
}
