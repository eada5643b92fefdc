/// Acronyms as Ukrainian newsreaders say them: some as words ("НАТО", "ООН", "НАБУ"), the rest
/// spelled with Ukrainian letter names ("ЗСУ" → "зе-ес-у", "СБУ" → "ес-бе-у", "ЄС" → "є-ес",
/// "США" → "сеше-а"). Latin acronyms are spelled for espeak-ng's English voice ("BBC" → "B B C").
struct UkAcronymRule: Rule {
    var name: String { "uk.acronym" }
    var kind: String { "acronym" }

    static let letterNames: [Character: String] = [
        "А": "а", "Б": "бе", "В": "ве", "Г": "ге", "Ґ": "ґе", "Д": "де", "Е": "е", "Є": "є", "Ж": "же", "З": "зе", "И": "и",
        "І": "і", "Ї": "ї", "Й": "йот", "К": "ка", "Л": "ел", "М": "ем", "Н": "ен", "О": "о", "П": "пе", "Р": "ер", "С": "ес",
        "Т": "те", "У": "у", "Ф": "еф", "Х": "ха", "Ц": "це", "Ч": "че", "Ш": "ша", "Щ": "ща", "Ь": "м'який знак", "Ю": "ю", "Я": "я",
    ]
    /// Said as words, as the news says them.
    static let words: Set<String> = ["НАТО", "ООН", "НАБУ", "ЗНО", "ЗАЕС", "АЕС", "ТЕС", "ГЕС", "ТЕЦ", "ЮНЕСКО", "МАГАТЕ", "ОПЕК",
                                     "ГУР", "ДАІ", "МОЗ", "МОН", "ЗМІ", "РЕБ", "АТО", "ООС", "ОРДЛО", "ХАМАС", "ЦАХАЛ", "ВАКС",
                                     "САП", "НАЗК", "ВЛК", "ДАБІ", "УЄФА", "ФІФА", "НАСА", "ЮНІСЕФ", "ПАРЄ", "ЄЕК", "ОБСЄ"]
    /// Spelled in their own customary way.
    static let special: [String: String] = ["США": "сеше-а", "ОБСЄ": "о-бе-се-є", "ЄЕК": "є-е-ка", "ПАРЄ": "парє", "ВАКС": "вакс"]
    static let latinWords: Set<String> = ["NASA", "NATO", "FIFA", "UEFA", "IKEA", "OPEC", "UNICEF", "UNESCO", "NASDAQ"]

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .word, p.end - p.start >= 2, c.isUpper(p.start) else { return nil }
        let w = c.text(of: index)
        let scalars = c.s[p.start..<p.end]
        let latin = scalars.allSatisfy { $0.value < 0x80 }
        // All capitals, or capitals with a lower-case letter inside ("БпЛА"): at least two capitals and no lower-case start.
        let uppers = scalars.filter { $0.properties.isUppercase }.count
        guard uppers >= 2, scalars.dropFirst().first.map({ $0.properties.isUppercase || uppers >= 3 }) == true else { return nil }
        if latin {
            // "BBC", "CNN", "HTML" are spelled; "KYIV", "NASA" (two vowels in four letters) are words.
            let vowels = scalars.filter { "AEIOUY".unicodeScalars.contains($0) }.count
            guard uppers == scalars.count, scalars.count <= 3 || (scalars.count == 4 && vowels <= 1),
                  !Self.latinWords.contains(w) else { return nil }
            return found(p.start, p.end, spellLetters(w), rule: "uk.acronym.latin")
        }
        guard scalars.allSatisfy({ ($0.value >= 0x400 && $0.value < 0x500) || $0 == "'" }) else { return nil }
        if let s = Self.special[w] { return found(p.start, p.end, s, rule: "uk.acronym.special") }
        if Self.words.contains(w) { return found(p.start, p.end, w.lowercased(), rule: "uk.acronym.word") }
        // A long all-capital word is a shouted word, not an acronym.
        if uppers == scalars.count && scalars.count >= 6 { return found(p.start, p.end, w.lowercased(), rule: "uk.acronym.word") }
        let names = w.map { Self.letterNames[Character($0.uppercased())] ?? String($0).lowercased() }
        return found(p.start, p.end, names.joined(separator: "-"), rule: "uk.acronym.spelled")
    }
}
