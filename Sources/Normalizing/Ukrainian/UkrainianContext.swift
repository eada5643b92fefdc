/// Which case the words before a number ask for: a preposition ("до" genitive, "о" locative),
/// a case-governing verb ("коштує" accusative, "сягнув" genitive) or a comparison ("понад").
enum UkGovernor {
    /// Prepositions and the cases they allow, the likelier first; the noun after the number
    /// settles the rest ("у 2023 році" locative, "у 2 рази" accusative).
    static let prepositions: [String: [UkCase]] = [
        "до": [.gen], "від": [.gen], "од": [.gen], "з": [.gen, .ins], "із": [.gen, .ins], "зі": [.gen, .ins], "зо": [.acc],
        "близько": [.gen], "біля": [.gen], "після": [.gen], "протягом": [.gen], "впродовж": [.gen], "упродовж": [.gen],
        "понад": [.acc], "на": [.acc, .loc], "у": [.loc, .acc], "в": [.loc, .acc], "о": [.loc], "об": [.loc],
        "по": [.acc, .loc], "між": [.ins], "перед": [.ins], "над": [.ins], "під": [.ins, .acc], "за": [.acc, .ins],
        "через": [.acc], "про": [.acc], "при": [.loc], "без": [.gen], "для": [.gen], "серед": [.gen], "крім": [.gen],
        "окрім": [.gen], "замість": [.gen], "внаслідок": [.gen], "щодо": [.gen], "напередодні": [.gen], "більше": [.gen],
        "менше": [.gen], "більш": [.acc], "менш": [.acc], "кількох": [.gen], "завдяки": [.dat], "всупереч": [.dat],
        "назустріч": [.dat], "навколо": [.gen], "вище": [.gen], "нижче": [.gen], "поблизу": [.gen], "мінімум": [.acc],
        "максимум": [.acc],
        // Nouns that take an amount in the genitive: "у розмірі 5 %", "у сумі 100 грн", "до рівня 2 %".
        "розмірі": [.gen], "сумі": [.gen], "обсязі": [.gen], "кількості": [.gen], "рівня": [.gen], "рівні": [.gen],
        "позначки": [.gen], "відмітки": [.gen], "віці": [.gen],
    ]

    /// Verb stems that govern the number's case, matched on the start of any form
    /// ("коштувати", "коштує", "коштуватиме").
    static let verbs: [(stem: String, c: UkCase)] = [
        ("кошту", .acc), ("коштув", .acc), ("сяга", .gen), ("сягну", .gen), ("сягн", .gen), ("сягл", .gen), ("бракує", .gen),
        ("бракува", .gen), ("становит", .acc), ("становив", .acc), ("становил", .acc), ("становля", .acc), ("налічу", .acc),
        ("перевищ", .acc), ("досяг", .gen), ("склада", .acc),
        ("склав", .acc), ("склала", .acc), ("склало", .acc), ("склали", .acc), ("дорівню", .dat), ("отрима", .acc),
        ("виділ", .acc), ("сплат", .acc), ("витрат", .acc), ("заплат", .acc), ("зібра", .acc), ("втрати", .acc),
        ("знищи", .acc), ("збил", .acc), ("збили", .acc), ("затрима", .acc), ("вимага", .gen), ("потребу", .gen),
        ("зменши", .acc), ("збільши", .acc), ("отримав", .acc), ("дода", .acc), ("виплат", .acc),
        ("переда", .acc), ("вилучи", .acc), ("доставил", .acc), ("перераху", .acc), ("спрямува", .acc), ("продал", .acc),
        ("купил", .acc), ("закупи", .acc), ("постави", .acc), ("випусти", .acc), ("запусти", .acc), ("евакуюва", .acc),
        ("вивез", .acc), ("врятува", .acc), ("поверну", .acc), ("звільни", .acc), ("набра", .acc), ("зафіксува", .acc),
        ("пошкоди", .acc), ("зруйнува", .acc), ("відкри", .acc), ("збудува", .acc), ("прийня", .acc), ("підтрима", .acc),
    ]

    /// Words between a governor and its number that leave the case alone ("до майже 5").
    static let transparent: Set<String> = ["майже", "приблизно", "лише", "тільки", "ще", "вже", "аж", "щонайменше", "усього",
                                           "всього", "ледь", "ледве", "понад", "близько", "орієнтовно", "принаймні", "загалом",
                                           "рівно", "цілих", "десь", "майже", "навіть"]

    /// The cases asked for by the words before `offset`, the first the likeliest; empty when nothing governs.
    static func cases(_ c: RuleContext, before offset: Int) -> [UkCase] {
        var o = offset
        // A sign between governor and number leaves the case alone: "до −10 °C".
        while o > 0, let ch = c.at(o - 1), ch == "+" || ch == "−" || ch == "-" || ch == "±" || ch == "$" || ch == "€" || ch == "₴" || ch == "~" { o -= 1 }
        for _ in 0..<3 {
            guard let w = c.wordBefore(o) else { return [] }
            let word = w.text.lowercased()
            // "згідно з" takes the instrumental.
            if ["з", "із", "зі"].contains(word), c.wordBefore(w.start)?.text.lowercased() == "згідно" { return [.ins] }
            if let p = prepositions[word] { return p }
            if let v = verbs.first(where: { word.hasPrefix($0.stem) }) { return [v.c] }
            // An impersonal passive ("зруйновано", "виділено", "збито") takes the accusative.
            if word.count > 5, word.hasSuffix("ено") || word.hasSuffix("ано") || word.hasSuffix("єно") || word.hasSuffix("ито")
                || word.hasSuffix("уто") || word.hasSuffix("ято") { return [.acc, .nom] }
            // "більш як 5", "менш ніж 5"
            if word == "як" || word == "ніж", let prev = c.wordBefore(w.start), ["більш", "менш", "більше", "менше"].contains(prev.text.lowercased()) {
                return [.nom, .acc]
            }
            guard transparent.contains(word) else { return [] }
            o = w.start
        }
        return []
    }

    /// The case of an amount of money, percent or measure: the accusative where the preposition
    /// allows it ("у €5 000", "на 5 %"), else the first governed case, else the nominative.
    static func amountCase(_ c: RuleContext, before offset: Int) -> UkCase {
        let governed = cases(c, before: offset)
        if governed.isEmpty, let w = c.wordBefore(offset), !c.isUpper(w.start), looksLikeVerb(w.text) { return .acc }
        return governed.contains(.acc) ? .acc : governed.first ?? .nom
    }

    /// A finite verb by its ending ("пролетіла", "пройшли", "коштує", "отримають"): an amount after
    /// one is its object ("пролетіла тисячу п'ятсот кілометрів").
    static func looksLikeVerb(_ w: String) -> Bool {
        guard w.count > 3 else { return false }
        return ["ла", "ло", "ли", "ав", "ив", "ів", "ув", "їв", "є", "ють", "ять", "ить", "ать", "ме", "муть"].contains { w.hasSuffix($0) }
    }

    /// Prepositions, conjunctions and verbs of being are not nouns that govern a genitive.
    static func isFunctionWord(_ w: String) -> Bool {
        prepositions[w] != nil || ["і", "й", "та", "а", "але", "що", "це", "є", "був", "була", "було", "були"].contains(w)
            || w.hasSuffix("в") || w.hasSuffix("ла") || w.hasSuffix("ли") || w.hasSuffix("вся") || w.hasSuffix("лася") || w.hasSuffix("ться")
    }

    /// The preposition word right before `offset` (lower-cased), if any.
    static func preposition(_ c: RuleContext, before offset: Int) -> String? {
        guard let w = c.wordBefore(offset) else { return nil }
        let word = w.text.lowercased()
        return prepositions[word] != nil ? word : nil
    }

    /// Can the word after a number be that number's counted noun in some case? ("2030 країна" cannot.)
    static func fitsAny(_ count: UkCount, _ reading: UkNouns.Reading) -> Bool {
        UkCase.allCases.contains { c in
            let f = count.nounForm(c, animate: reading.animate)
            return reading.analyses.contains { $0.c == f.c && $0.plural == f.plural }
        }
    }

    /// The phrase case: the first governed case the counted noun allows, else what the noun
    /// allows, else what the governor asks, else the nominative.
    static func choose(governed: [UkCase], count: UkCount, reading: UkNouns.Reading?) -> UkCase {
        guard let r = reading, !r.analyses.isEmpty else { return governed.first ?? .nom }
        // A fraction's noun is genitive whatever the case: "у 1,5 раза" is an accusative.
        if count == .fraction, governed.contains(.acc) { return .acc }
        func fits(_ c: UkCase) -> Bool {
            let f = count.nounForm(c, animate: r.animate)
            return r.analyses.contains { $0.c == f.c && $0.plural == f.plural }
        }
        if let g = governed.first(where: fits) { return g }
        let order: [UkCase] = [.nom, .acc, .gen, .loc, .dat, .ins]
        return order.first(where: fits) ?? governed.first ?? .nom
    }
}
