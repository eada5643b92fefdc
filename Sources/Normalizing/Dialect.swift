/// Which spoken conventions the rules follow, picked from a profile's BCP 47 language tag.
enum Dialect: Sendable, Equatable {
    /// American English: "kilometers", "July fourth", "percent".
    case american
    /// British (and Commonwealth) English: "kilometres", "the fifth of April", "per cent".
    case british
    /// Ukrainian ("uk", "uk-UA"): the rules of `Ukrainian/`, with case and gender agreement.
    case ukrainian
    /// Anything else (Russian included): only typography clean-up and the lexicon.
    case other

    init(language: String) {
        let tag = language.lowercased().replacingOccurrences(of: "_", with: "-")
        if tag == "uk" || tag.hasPrefix("uk-") { self = .ukrainian; return }
        guard tag == "en" || tag.hasPrefix("en-") else { self = .other; return }
        let region = tag.split(separator: "-").dropFirst().first.map(String.init) ?? ""
        self = ["gb", "uk", "ie", "au", "nz", "za", "in"].contains(region) ? .british : .american
    }

    var isBritish: Bool { self == .british }
    var isEnglish: Bool { self == .american || self == .british }
}
