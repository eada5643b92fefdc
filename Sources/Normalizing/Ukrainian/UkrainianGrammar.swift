/// The grammar numbers need in Ukrainian: six cases (the vocative never follows a number in
/// news), three genders and the plural, and how a count decides the form of the noun after it.
enum UkCase: Int, CaseIterable, Sendable {
    case nom, gen, dat, acc, ins, loc
}

enum UkGender: Int, Sendable {
    case masc, fem, neut, plural
}

/// How a whole number governs its noun: "1 гривня" (one), "2 гривні" (few), "5 гривень" (many),
/// "2,5 гривні" (fraction: genitive singular).
enum UkCount: Sendable {
    case one, few, many, fraction

    init(_ value: Int) {
        let last2 = value % 100, last = value % 10
        if (11...14).contains(last2) { self = .many }
        else if last == 1 { self = .one }
        else if (2...4).contains(last) { self = .few }
        else { self = .many }
    }

    /// The case and number of the counted noun when the whole phrase stands in `c`:
    /// nominative "п'ять гривень" takes the genitive plural, dative "п'ятьом гривням" agrees.
    func nounForm(_ c: UkCase, animate: Bool) -> (c: UkCase, plural: Bool) {
        switch self {
        case .one: return (c, false)
        case .fraction: return (.gen, false)
        case .few: return c == .nom || c == .acc ? (animate && c == .acc ? (.gen, true) : (.nom, true)) : (c, true)
        case .many: return c == .nom || c == .acc ? (.gen, true) : (c, true)
        }
    }
}

/// A noun's paradigm: six singular and six plural forms. `paucal` is the form after 2–4 when it
/// differs from the nominative plural ("дві людини", not "дві люди").
struct UkNoun: Sendable {
    var gender: UkGender
    var animate: Bool
    var singular: [String]
    var plural: [String]
    var paucal: String?

    init(_ gender: UkGender, animate: Bool = false, _ sg: String, _ pl: String, paucal: String? = nil) {
        self.gender = gender
        self.animate = animate
        singular = sg.split(separator: " ").map(String.init)
        plural = pl.split(separator: " ").map(String.init)
        self.paucal = paucal
    }

    /// A noun declined like an adjective ("військовий", "поранений").
    static func adjectival(_ stem: String, animate: Bool = true) -> UkNoun {
        let sg = UkAdjective.hard.masc.map { stem + $0 }, pl = UkAdjective.hard.plural.map { stem + $0 }
        var n = UkNoun(.masc, animate: animate, sg.joined(separator: " "), pl.joined(separator: " "))
        if animate { n.singular[UkCase.acc.rawValue] = n.singular[1]; n.plural[UkCase.acc.rawValue] = n.plural[1] }
        return n
    }

    func form(_ c: UkCase, plural: Bool) -> String {
        (plural ? self.plural : singular)[c.rawValue]
    }

    /// The noun as counted by `count` in a phrase of case `c`: "гривень" for 5 in the nominative.
    func counted(_ count: UkCount, _ c: UkCase) -> String {
        let f = count.nounForm(c, animate: animate)
        if count == .few, f.c == .nom, f.plural, let paucal { return paucal }
        return form(f.c, plural: f.plural)
    }

    /// Every (case, plural) this written form can be, the paucal included as nominative plural.
    func analyses(of word: String) -> [(c: UkCase, plural: Bool)] {
        var out: [(UkCase, Bool)] = []
        for c in UkCase.allCases {
            if singular[c.rawValue] == word { out.append((c, false)) }
            if plural[c.rawValue] == word { out.append((c, true)) }
        }
        if let paucal, paucal == word { out.append((.nom, true)); out.append((.acc, true)) }
        return out
    }
}

/// Adjective endings in the order of `UkCase`, for hard stems ("перш-ий") and soft ones ("трет-ій").
struct UkAdjective: Sendable {
    var masc: [String], fem: [String], neut: [String], plural: [String]

    static let hard = UkAdjective(masc: ["ий", "ого", "ому", "ий", "им", "ому"], fem: ["а", "ої", "ій", "у", "ою", "ій"],
                                  neut: ["е", "ого", "ому", "е", "им", "ому"], plural: ["і", "их", "им", "і", "ими", "их"])
    static let soft = UkAdjective(masc: ["ій", "ього", "ьому", "ій", "ім", "ьому"], fem: ["я", "ьої", "ій", "ю", "ьою", "ій"],
                                  neut: ["є", "ього", "ьому", "є", "ім", "ьому"], plural: ["і", "іх", "ім", "і", "іми", "іх"])

    func ending(_ c: UkCase, _ g: UkGender, animate: Bool = false) -> String {
        let row: [String]
        switch g {
        case .masc: row = masc
        case .fem: row = fem
        case .neut: row = neut
        case .plural: row = plural
        }
        if c == .acc, animate, g == .masc || g == .plural { return row[UkCase.gen.rawValue] }
        return row[c.rawValue]
    }
}
