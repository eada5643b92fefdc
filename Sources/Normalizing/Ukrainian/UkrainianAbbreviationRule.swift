/// Abbreviations a newsreader expands, in the case the context asks: "у м. Києві" → "у місті Києві",
/// "на вул. Хрещатик" → "на вулиці Хрещатик", "Київської обл." → "Київської області",
/// "ч. 2 ст. 115" → "частина друга статті сто п'ятнадцятої", "т. зв.", "та ін.", "н. е.".
struct UkAbbreviationRule: Rule {
    var name: String { "uk.abbreviation" }
    var kind: String { "abbreviation" }

    /// Nouns for the place abbreviations, declined by the preposition before them.
    static let places: [String: UkNoun] = [
        "м": UkNouns.lexicon["місто"]!, "с": UkNouns.lexicon["село"]!, "обл": UkNouns.lexicon["область"]!,
        "вул": UkNoun(.fem, "вулиця вулиці вулиці вулицю вулицею вулиці", "вулиці вулиць вулицям вулиці вулицями вулицях"),
        "просп": UkNoun(.masc, "проспект проспекту проспекту проспект проспектом проспекті", "проспекти проспектів проспектам проспекти проспектами проспектах"),
        "пл": UkNoun(.fem, "площа площі площі площу площею площі", "площі площ площам площі площами площах"),
        "смт": UkNoun(.neut, "селище селища селищу селище селищем селищі", "селища селищ селищам селища селищами селищах"),
        "р-н": UkNoun(.masc, "район району району район районом районі", "райони районів районам райони районами районах"),
    ]
    static let fixed: [String: String] = ["т. зв.": "так званий", "т.зв.": "так званий", "і т. д.": "і так далі", "тощо": "тощо",
                                          "і т. ін.": "і таке інше", "і т. п.": "і тому подібне", "та ін.": "та інші", "й ін.": "й інші",
                                          "до н. е.": "до нашої ери", "н. е.": "нашої ери", "див.": "дивіться", "напр.": "наприклад",
                                          "ім.": "імені", "проф.": "професор", "акад.": "академік", "тел.": "телефон"]
    static let mayEndSentence: Set<String> = ["і т. д.", "і т. ін.", "і т. п.", "та ін.", "й ін.", "до н. е.", "н. е."]
    static let article = UkNoun(.fem, "стаття статті статті статтю статтею статті", "статті статей статтям статті статтями статтях")
    static let part = UkNoun(.fem, "частина частини частині частину частиною частині", "частини частин частинам частини частинами частинах")

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        guard p.kind == .word else { return nil }
        for (written, say) in Self.fixed where c.matches(written, at: p.start) {
            let end = p.start + written.unicodeScalars.count
            guard !c.isLetter(p.start - 1), !c.isLetter(end) || written.hasSuffix(".") == false else { continue }
            var spoken = say
            if say == "так званий" { spoken = "так зван" + Self.agreeingEnding(c, after: end) }
            // Keep the period when it also ended the sentence (only lists and eras end one).
            if written.hasSuffix("."), Self.mayEndSentence.contains(written), c.sentenceEndsUk(after: end) { spoken += "." }
            return found(p.start, end, spoken)
        }
        let word = c.text(of: index).lowercased()
        let hasDot = c.isChar(p.end, ".")
        // "ч. 2", "ст. 115": part and article numbers as feminine ordinals.
        if (word == "ч" || word == "ст") && hasDot, let n = c.piece(startingAt: c.skipSpaces(p.end + 1, max: 1)),
           c.pieces[n].kind == .number, c.isSpace(p.end + 1) || c.isDigit(p.end + 1), let v = Int(c.text(c.pieces[n].start, c.pieces[n].end)) {
            var cs = UkGovernor.cases(c, before: p.start).first ?? .nom
            // "ч. 2 ст. 115": the article of a part is genitive; "за ст. 115" is "за статтею".
            if word == "ст", c.isDigit(c.skipBack(p.start)) { cs = .gen }
            if UkGovernor.preposition(c, before: p.start) == "за" { cs = .ins }
            let noun = word == "ч" ? Self.part : Self.article
            var spoken = noun.form(cs, plural: false) + " " + UkNumberWords.ordinal(v, cs, .fem)
            if c.isUpper(p.start) { spoken = spoken.prefix(1).uppercased() + spoken.dropFirst() }
            return found(p.start, c.pieces[n].end, spoken, rule: "uk.abbreviation.article")
        }
        // Place words before a name: "м. Київ", "вул. Хрещатик", "смт Ворзель"; "обл." after its adjective.
        let district = word == "р" && c.isChar(p.end, "-") && c.matches("н", at: p.end + 1)
        let key = district ? "р-н" : word
        guard let noun = Self.places[key] else { return nil }
        var end = district ? c.pieces[index + 2].end : p.end
        if key != "смт" && key != "р-н" { guard hasDot else { return nil }; end += 1 }
        if key == "обл" || key == "р-н" {
            guard let adj = c.wordBefore(p.start) else { return nil }
            let cs = Self.caseOfAdjective(adj.text)
            var spoken = noun.form(cs, plural: false)
            if hasDot, key == "обл", c.sentenceEndsUk(after: end) { spoken += "." }
            return found(p.start, end, spoken)
        }
        guard c.isUpper(c.skipSpaces(end, max: 1)) || key == "смт" else { return nil }
        let cs: UkCase
        switch UkGovernor.preposition(c, before: p.start) {
        case "у", "в", "на", "по", "при": cs = .loc
        case .some(let prep): cs = UkGovernor.prepositions[prep]!.first!
        // Street names are adjectives ("вул. Банкова"): only a town's or village's name tells a case.
        case nil: cs = ["м", "с", "смт"].contains(key) ? Self.caseOfName(c.wordAfter(end)?.text.lowercased() ?? "") : .nom
        }
        var spoken = noun.form(cs, plural: false)
        if key == "смт" { spoken += " міського типу" }
        return found(p.start, end, spoken)
    }

    /// With no preposition, the place name's ending tells the case: "м. Харкова" genitive, "с. Гути" genitive.
    static func caseOfName(_ n: String) -> UkCase {
        for e in ["ова", "ева", "єва", "ина", "ого", "ої", "и"] where n.hasSuffix(e) { return .gen }
        for e in ["ом", "ем", "ою"] where n.hasSuffix(e) { return .ins }
        return .nom
    }

    /// The case of an adjective from its ending: "Київської" genitive, "Київській" locative, "Київська" nominative.
    static func caseOfAdjective(_ a: String) -> UkCase {
        if a.hasSuffix("ої") || a.hasSuffix("ого") { return .gen }
        if a.hasSuffix("ій") || a.hasSuffix("ому") { return .loc }
        if a.hasSuffix("ою") || a.hasSuffix("им") { return .ins }
        if a.hasSuffix("у") { return .acc }
        return .nom
    }

    /// "т. зв." agrees with the word after it: "так званої", "так звана", "так званих".
    static func agreeingEnding(_ c: RuleContext, after offset: Int) -> String {
        var o = c.skipSpaces(offset, max: 2)
        while let ch = c.at(o), ch == "\"" || ch == "«" || ch == "„" { o += 1 }
        guard let w = c.wordAfter(o)?.text.lowercased() else { return "ий" }
        for (ending, adj) in [("ого", "ого"), ("ому", "ому"), ("ої", "ої"), ("ій", "ій"), ("их", "их"), ("ими", "ими"), ("им", "им"),
                              ("ою", "ою"), ("а", "а"), ("я", "а"), ("і", "і"), ("и", "і"), ("е", "е"), ("у", "у"), ("ю", "у")] where w.hasSuffix(ending) {
            return adj
        }
        return "ий"
    }
}

