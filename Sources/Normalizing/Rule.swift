import EditionCore

/// One class of written text and how to say it. A rule looks at the piece at `index` and,
/// if the text there is its business, says how to speak a span starting there.
protocol Rule: Sendable {
    /// The stable name shown by `--explain` (a match may refine it, e.g. "number.ordinal").
    var name: String { get }
    /// The class of text the rule handles ("money", "date"…).
    var kind: String { get }
    func match(_ c: RuleContext, at index: Int) -> RuleMatch?
}

/// The span a rule claims and what to say instead. `start`/`end` are scalar offsets.
struct RuleMatch {
    var start: Int
    var end: Int
    var spoken: String
    var kind: String
    var rule: String
}

extension Rule {
    func found(_ start: Int, _ end: Int, _ spoken: String, kind: String? = nil, rule: String? = nil) -> RuleMatch {
        RuleMatch(start: start, end: end, spoken: spoken, kind: kind ?? self.kind, rule: rule ?? name)
    }
}

/// A written number at one place in the text: "1,234.56" → whole "1234", fraction "56".
struct NumberLiteral {
    var start: Int
    var end: Int
    var whole: Substring
    var fraction: Substring?
    var grouped: Bool

    var isInteger: Bool { fraction == nil }
    var intValue: Int? { fraction == nil && whole.count <= 18 ? Int(whole) : nil }
    var isOne: Bool { fraction == nil && intValue == 1 }
    var isYearLike: Bool {
        guard !grouped, fraction == nil, whole.count == 4, let v = intValue else { return false }
        return v >= 1100 && v <= 2099
    }

    func words(british: Bool) -> String {
        if let fraction { return NumberWords.decimal(whole: whole, fraction: fraction, british: british) }
        return NumberWords.cardinal(digits: whole, british: british)
    }
}

/// Everything a rule may look at: the scalars, their pieces, the dialect; plus small helpers.
final class RuleContext {
    let s: [Unicode.Scalar]
    let pieces: [Piece]
    let dialect: Dialect
    /// Piece index starting at each scalar offset, -1 elsewhere (one extra slot for the end).
    private var pieceAt: [Int32]
    /// UTF-8 bytes of the text and the byte offset of each scalar, so spans become Strings by copying.
    private let utf8: [UInt8]
    private var byteAt: [Int32]
    private var wordCache: [Int: String] = [:]
    private var numberCache: [Int: NumberLiteral?] = [:]
    var rules: [any Rule] = []

    init(_ text: String, dialect: Dialect) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var bytes: [Int32] = []
        bytes.reserveCapacity(text.utf8.count + 1)
        var b: Int32 = 0
        for c in text.unicodeScalars {
            scalars.append(c)
            bytes.append(b)
            b += Int32(UTF8.width(c))
        }
        bytes.append(b)
        s = scalars
        byteAt = bytes
        utf8 = Array(text.utf8)
        self.dialect = dialect
        pieces = TextScanner.pieces(s)
        pieceAt = Array(repeating: -1, count: s.count + 1)
        for (i, p) in pieces.enumerated() { pieceAt[p.start] = Int32(i) }
    }

    var british: Bool { dialect.isBritish }
    var count: Int { s.count }

    /// The scalar at `offset`, or nil outside the text.
    @inline(__always) func at(_ offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < s.count ? s[offset] : nil
    }
    @inline(__always) func isChar(_ offset: Int, _ c: Unicode.Scalar) -> Bool { at(offset) == c }
    func isLetter(_ offset: Int) -> Bool { at(offset).map(TextScanner.isLetter) ?? false }
    func isDigit(_ offset: Int) -> Bool { at(offset).map(TextScanner.isDigit) ?? false }
    func isAlnum(_ offset: Int) -> Bool { isLetter(offset) || isDigit(offset) }
    func isSpace(_ offset: Int) -> Bool { at(offset).map(TextScanner.isSpace) ?? false }
    func isUpper(_ offset: Int) -> Bool {
        guard let c = at(offset) else { return false }
        return c.value < 0x80 ? (c.value &- 0x41) < 26 : c.properties.isUppercase
    }
    func isLower(_ offset: Int) -> Bool {
        guard let c = at(offset) else { return false }
        return c.value < 0x80 ? (c.value &- 0x61) < 26 : c.properties.isLowercase
    }

    func piece(startingAt offset: Int) -> Int? {
        guard offset >= 0, offset < pieceAt.count else { return nil }
        let i = pieceAt[offset]
        return i >= 0 ? Int(i) : nil
    }
    func piece(_ i: Int) -> Piece? { i >= 0 && i < pieces.count ? pieces[i] : nil }

    /// Appends the UTF-8 bytes of the source span to `out`.
    func appendBytes(_ start: Int, _ end: Int, to out: inout [UInt8]) {
        let a = Int(byteAt[start]), b = Int(byteAt[end])
        if b > a { out.append(contentsOf: utf8[a..<b]) }
    }

    func text(_ start: Int, _ end: Int) -> String {
        let a = Int(byteAt[max(0, start)]), b = Int(byteAt[min(end, s.count)])
        guard b > a else { return "" }
        return utf8.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[a..<b]), as: UTF8.self) }
    }
    /// The text of a piece (cached, since several rules look at the same word).
    func text(of i: Int) -> String {
        if let w = wordCache[i] { return w }
        let w = text(pieces[i].start, pieces[i].end)
        wordCache[i] = w
        return w
    }

    /// Does the text at `offset` read `literal` exactly (or ignoring ASCII case)?
    func matches(_ literal: String, at offset: Int, ignoringCase: Bool = false) -> Bool {
        var o = offset
        for c in literal.unicodeScalars {
            guard let x = at(o) else { return false }
            if x != c {
                guard ignoringCase, x.value < 0x80, c.value < 0x80, x.value | 0x20 == c.value | 0x20,
                      TextScanner.isLetter(x) else { return false }
            }
            o += 1
        }
        return true
    }

    /// The word piece ending just before `offset` across one run of spaces, if any.
    func wordBefore(_ offset: Int) -> (text: String, start: Int)? {
        var o = offset - 1
        while o >= 0, isSpace(o) { o -= 1 }
        guard o >= 0, isLetter(o) else { return nil }
        let end = o + 1
        while o >= 0, isLetter(o) { o -= 1 }
        return (text(o + 1, end), o + 1)
    }

    /// The word piece starting after `offset` across spaces, if any.
    func wordAfter(_ offset: Int) -> (text: String, start: Int, end: Int)? {
        var o = offset
        while o < s.count, isSpace(o) { o += 1 }
        guard isLetter(o) else { return nil }
        let start = o
        while isLetter(o) { o += 1 }
        return (text(start, o), start, o)
    }

    /// The next scalar offset that is not white space.
    func skipSpaces(_ offset: Int, max limit: Int = 3) -> Int {
        var o = offset, n = 0
        while o < s.count, n < limit, isSpace(o) { o += 1; n += 1 }
        return o
    }

    /// The written number beginning at `offset` (ASCII digits, "," thousands groups, one "." decimal part).
    func number(at offset: Int) -> NumberLiteral? {
        if let cached = numberCache[offset] { return cached }
        let n = scanNumber(at: offset)
        numberCache[offset] = n
        return n
    }

    static let decimalCommaWords: Set<String> = ["billion", "million", "trillion", "bn", "mn", "mln", "euros", "euro", "EUR",
                                                 "percent", "per", "points", "degrees", "hours", "minutes", "seconds", "days",
                                                 "weeks", "months", "years", "kilometres", "kilometers", "metres", "meters",
                                                 "litres", "liters", "kilos", "tonnes"]

    /// Thousands set apart by spaces, as SI and much of Europe write them: "1 000 000", "25 000",
    /// "3\u{202F}500". A plain space joins only where the groups cannot be two numbers: two or more
    /// groups, or a "000" ("on page 12 100 people" stays two numbers), or one group between a word
    /// of quantity and a plural ("has 1 200 members").
    private func spaceGroups(after start: Int, numberStart: Int) -> (String, Int)? {
        var o = start, digits = "", groups = 0, zeros = false, thin = false
        while let sep = at(o), sep == " " || sep == "\u{00A0}" || sep == "\u{2009}" || sep == "\u{202F}",
              isDigit(o + 1), isDigit(o + 2), isDigit(o + 3), !isDigit(o + 4), !(isChar(o + 4, ",") && isDigit(o + 5)) {
            let group = text(o + 1, o + 4)
            digits += group; groups += 1
            zeros = zeros || group == "000"; thin = thin || sep != " "
            o += 4
        }
        guard groups > 0 else { return nil }
        if !(thin || zeros || groups >= 2) {
            guard isChar(o, " "), let noun = wordAfter(o), noun.start == o + 1, noun.text.count > 3, noun.text.hasSuffix("s") || MeasureRule.countNouns.contains(noun.text),
                  noun.text.first?.isLowercase == true, let before = wordBefore(numberStart), isChar(numberStart - 1, " "),
                  Vocabulary.amountWords.contains(before.text.lowercased()) else { return nil }
        }
        return (digits, o)
    }

    private func scanNumber(at offset: Int) -> NumberLiteral? {
        guard isDigit(offset) || (isChar(offset, ".") && isDigit(offset + 1) && !isDigit(offset - 1)) else { return nil }
        var o = offset
        while isDigit(o) { o += 1 }
        var wholeDigits = text(offset, o)
        var grouped = false
        if o - offset <= 3 {
            while isChar(o, ","), isDigit(o + 1), isDigit(o + 2), isDigit(o + 3), !isDigit(o + 4) {
                wholeDigits += text(o + 1, o + 4)
                o += 4
                grouped = true
            }
            if !grouped, let (digits, end) = spaceGroups(after: o, numberStart: offset) {
                wholeDigits += digits
                o = end
                grouped = true
            }
        }
        var fraction: Substring?
        if o - offset <= 3, !grouped, let (digits, decimals, end) = europeanGroups(after: o) {
            wholeDigits += digits
            fraction = decimals
            o = end
            grouped = true
        }
        if fraction == nil, isChar(o, "."), isDigit(o + 1) {
            var e = o + 1
            while isDigit(e) { e += 1 }
            fraction = Substring(text(o + 1, e))
            o = e
        }
        // "38,5 °C", "€2,3 billion", "12,50 €": a decimal comma, but only before what an amount or a
        // measure takes ("2,3" alone may be a list).
        if fraction == nil, !grouped, isChar(o, ","), isDigit(o + 1) {
            var e = o + 1
            while isDigit(e) { e += 1 }
            if e - o - 1 <= 2, decimalCommaFollows(e) {
                fraction = Substring(text(o + 1, e))
                o = e
            }
        }
        return NumberLiteral(start: offset, end: o, whole: Substring(wholeDigits), fraction: fraction, grouped: grouped)
    }

    /// Thousands set apart by full stops, as much of Europe writes them: two or more groups
    /// ("1.500.000"), or one before a decimal comma ("18.492,5"). One group alone ("1.200") is
    /// left to be a decimal, and four parts of up to 255 are an IP address.
    private func europeanGroups(after start: Int) -> (String, Substring?, Int)? {
        var o = start, digits = "", groups: [Int] = []
        while isChar(o, "."), isDigit(o + 1), isDigit(o + 2), isDigit(o + 3), !isDigit(o + 4) {
            digits += text(o + 1, o + 4)
            groups.append(Int(text(o + 1, o + 4)) ?? 0)
            o += 4
        }
        guard !groups.isEmpty, !(isChar(o, ".") && isDigit(o + 1)) else { return nil }
        var decimals: Substring?
        if isChar(o, ","), isDigit(o + 1) {
            var e = o + 1
            while isDigit(e) { e += 1 }
            if e - o - 1 < 3 { decimals = Substring(text(o + 1, e)); o = e }
        }
        guard groups.count >= 2 || decimals != nil else { return nil }
        if groups.count == 3, decimals == nil, groups.allSatisfy({ $0 <= 255 }) { return nil }
        return (digits, decimals, o)
    }

    /// What may follow a number written with a decimal comma: a currency, degree or percent sign,
    /// a scale word or a unit.
    private func decimalCommaFollows(_ end: Int) -> Bool {
        let o = skipSpaces(end, max: 1)
        if let ch = at(o), "€°%‰£$".unicodeScalars.contains(ch) { return true }
        guard let word = wordAfter(o), word.start == o else { return false }
        return Self.decimalCommaWords.contains(word.text) || Vocabulary.units.contains { $0.written == word.text }
    }

    /// Is the text at `offset` the end of a sentence (nothing, or space then a capital or quote)?
    /// Used to keep a period that an abbreviation swallowed.
    func sentenceEnds(after offset: Int) -> Bool {
        if offset >= s.count { return true }
        guard isSpace(offset) else { return false }
        let o = skipSpaces(offset, max: 8)
        guard let c = at(o) else { return true }
        if s[offset..<o].contains("\n") { return true }
        if c == "\"" || c == "\u{201C}" { return true }
        guard c.properties.isUppercase, let w = wordAfter(o) else { return false }
        return SentenceStarters.words.contains(w.text)
    }

    /// The first rule other than `rule` that matches at a piece, used by prefix rules ("-5 %").
    func firstMatch(at index: Int, excluding rule: String) -> RuleMatch? {
        for r in rules where r.name != rule {
            if let m = r.match(self, at: index) { return m }
        }
        return nil
    }
}

/// Spells letters one by one so espeak names them: "FBI" → "F B I". espeak reads a lone "A"
/// inside such a run as the article, so it is written "Eh".
func spellLetters<S: StringProtocol>(_ word: S) -> String {
    var parts: [String] = []
    for ch in word where ch.isLetter {
        let up = ch.uppercased()
        parts.append(up == "A" ? "Eh" : up)
    }
    return parts.joined(separator: " ")
}
