/// A rate written after an amount: "$25/hr", "¥800/night", "€40 per person" is already words.
/// Only the slash form is rewritten; "/" followed by anything else is left to other rules.
enum PerUnit {
    /// Abbreviations a rate is written with, and the word a listener hears.
    static let abbreviations: [String: String] = [
        "h": "hour", "hr": "hour", "hrs": "hour", "hour": "hour",
        "d": "day", "day": "day", "night": "night", "nt": "night",
        "wk": "week", "week": "week", "mo": "month", "mth": "month", "month": "month",
        "yr": "year", "y": "year", "year": "year", "annum": "annum",
        "min": "minute", "sec": "second", "s": "second",
        "person": "person", "pp": "person", "head": "head", "user": "user", "seat": "seat",
        "unit": "unit", "item": "item", "kg": "kilogram", "lb": "pound", "g": "gram",
        "l": "litre", "litre": "litre", "liter": "litre", "gal": "gallon", "km": "kilometre", "mi": "mile", "m": "metre",
        "sqft": "square foot", "ft": "foot", "oz": "ounce", "kwh": "kilowatt hour", "mwh": "megawatt hour",
        "share": "share", "ticket": "ticket", "barrel": "barrel", "bbl": "barrel", "tonne": "tonne", "t": "tonne",
    ]
    /// American spellings of the few units that differ.
    static let american: [String: String] = ["litre": "liter", "kilometre": "kilometer", "metre": "meter"]

    /// Rates lettings and salaries are written with, after a space ("£1,250 pcm", "£30,000 pa").
    static let letters: [String: String] = ["pcm": "per calendar month", "pw": "per week", "pa": "per annum", "p.a.": "per annum"]

    /// "per hour" and where the rate ends, if `/unit` (or a letting's " pcm") is written at `offset`.
    static func after(_ c: RuleContext, at offset: Int) -> (String, Int)? {
        if c.isChar(offset, " "), let (written, said) = letters.first(where: { c.matches($0.key, at: offset + 1) }) {
            let end = offset + 1 + written.unicodeScalars.count
            guard !c.isAlnum(end) else { return nil }
            // "£30,000 p.a." at a sentence's end: its full stop is the sentence's too.
            return (said + (written.hasSuffix(".") && c.sentenceEnds(after: end) ? "." : ""), end)
        }
        // "¥160/$": an exchange rate, so much per dollar.
        if c.isChar(offset, "/"), let sign = c.at(offset + 1), !c.isDigit(offset + 2),
           let cur = Vocabulary.currencySigns.first(where: { $0.0.unicodeScalars.count == 1 && $0.0.unicodeScalars.first == sign })?.1 {
            return ("per " + cur.one, offset + 2)
        }
        guard c.isChar(offset, "/"), c.isLetter(offset + 1) else { return nil }
        var o = offset + 1
        while c.isLetter(o) { o += 1 }
        guard !c.isAlnum(o), !c.isChar(o, "/") else { return nil }  // "/kWh2", "and/or/…" are not rates
        let written = c.text(offset + 1, o), key = written.lowercased()
        // Any other word written out in lower case is said as it is: "$12,500/semester", "$30/kid".
        guard var unit = abbreviations[key] ?? (written.count >= 3 && written == key ? written : nil) else { return nil }
        if !c.british, let us = american[unit] { unit = us }
        return ("per " + unit, o)
    }
}
