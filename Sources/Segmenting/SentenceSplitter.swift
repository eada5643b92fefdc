import EditionCore
import Foundation

/// Splits a block of text into sentences. A full stop ends a sentence unless it belongs to an
/// abbreviation (Gen., e.g.), an initial (J. R. R.), a number (3.5) or a dotted acronym (U.S.)
/// that the next word shows is mid-sentence. Closing quotes and brackets stay with their sentence.
public struct SentenceSplitter: Sendable {
    public init() {}

    public func split(_ text: String) -> [String] {
        let chars = Array(text)
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "." || c == "!" || c == "?" || c == "…" else { i += 1; continue }
            // Take the whole run of terminators and the closing quotes/brackets after it.
            var end = i + 1
            while end < chars.count, ".!?…".contains(chars[end]) { end += 1 }
            while end < chars.count, Self.closers.contains(chars[end]) { end += 1 }
            guard end == chars.count || chars[end].isWhitespace else { i = end; continue }
            var next = end
            while next < chars.count, chars[next].isWhitespace { next += 1 }
            if next == chars.count || isBoundary(chars, dot: i, runEnd: end, next: next) {
                append(chars[start..<end], to: &sentences)
                start = next
            }
            i = next
        }
        append(chars[start..<chars.count], to: &sentences)
        return sentences
    }

    private func isBoundary(_ chars: [Character], dot: Int, runEnd: Int, next: Int) -> Bool {
        let following = chars[next]
        // A sentence starts with a capital, a digit, or an opening quote/bracket.
        let startsSentence = following.isUppercase || following.isNumber || Self.openers.contains(following)
        guard startsSentence else { return false }
        guard chars[dot] == "." && (dot + 1 == runEnd || !".!?…".contains(chars[dot + 1])) else { return true }
        // A single full stop: look at the word before it.
        var w = dot
        while w > 0, !chars[w - 1].isWhitespace, !Self.openers.contains(chars[w - 1]) { w -= 1 }
        // "Nov. 1-Jan. 15", "Mon.-Fri.": the word is what follows the last dash.
        if let dash = chars[w..<dot].lastIndex(where: { $0 == "-" || $0 == "\u{2013}" }), dash + 1 < dot { w = dash + 1 }
        let word = String(chars[w..<dot])
        let nextWord = Self.word(in: chars, from: next)
        // "FEB. 2", "sept. 14": a month in any case, before its day; "on 12 Oct. It rained" ends there.
        if Self.months.contains(word.capitalized) { return !following.isNumber }
        if word == "p.a" { return true }                                // "£34,963 p.a. Met Police…"
        // "221 Baker St. It is…": a street's "St." after its name may end a sentence; "St. Louis" does not.
        if word == "St", Self.previousWord(chars, before: w).first?.isUppercase == true {
            return SentenceStarters.words.contains(nextWord)
        }
        if Self.titles.contains(word) { return false }                 // Gen. Smith, Dr. Who
        if word.count == 1, word.first!.isUppercase { return false }    // J. R. R. Tolkien
        if (word == "c" || word == "ca"), following.isNumber { return false }   // "born c. 1850"
        if Self.beforeNumbers.contains(word), following.isNumber { return false }   // "Apt. 5C"
        let afterNumber = w >= 2 && chars[w - 1] == " " && chars[w - 2].isNumber
        if word == "v" { return false }                                  // "Dobbs v. Jackson"
        // "at 60,000 ft. Wind chills…": a unit's full stop before a capital ends the sentence.
        if afterNumber && Self.dottedUnits.contains(word) { return following.isUppercase }   // "12 lb. 4 oz." goes on
        // "at 9:30 a.m. Over 100 people…" ends; "at 10 a.m. Monday", "a.m. Eastern" does not.
        if word == "a.m" || word == "p.m" { return !Self.afterTimes.contains(nextWord) }
        if Self.abbreviations.contains(word.lowercased()) || Self.isDottedAcronym(word) {
            // "U.S. The…" or "etc. He…": a common sentence opener after it ends the sentence.
            return SentenceStarters.words.contains(nextWord)
        }
        return true
    }

    /// Longest "sentence", in characters. Run-on text with no sentence ends (a page pasted as one
    /// line) is cut at spaces into pieces this long, so no one sentence — normalized, chunked and
    /// timed as a whole — ever holds a book's worth of tokens in memory.
    public static let maxCharacters = 5_000

    private func append(_ slice: ArraySlice<Character>, to sentences: inout [String]) {
        var rest = slice
        while rest.count > Self.maxCharacters {
            let limit = rest.index(rest.startIndex, offsetBy: Self.maxCharacters)
            // At the last space before the limit; through a word only when there is none.
            var cut = rest[..<limit].lastIndex(where: \.isWhitespace) ?? limit
            if cut == rest.startIndex { cut = limit }
            append(piece: rest[..<cut], to: &sentences)
            rest = rest[cut...]
        }
        append(piece: rest, to: &sentences)
    }

    private func append(piece: ArraySlice<Character>, to sentences: inout [String]) {
        let s = String(piece).trimmingCharacters(in: .whitespacesAndNewlines)
        if !s.isEmpty { sentences.append(s) }
    }

    static func word(in chars: [Character], from index: Int) -> String {
        var j = index
        while j < chars.count, Self.openers.contains(chars[j]) { j += 1 }
        var k = j
        while k < chars.count, chars[k].isLetter { k += 1 }
        return String(chars[j..<k])
    }

    /// The word before the one starting at `start` (across one run of spaces).
    static func previousWord(_ chars: [Character], before start: Int) -> String {
        var e = start
        while e > 0, chars[e - 1].isWhitespace { e -= 1 }
        var b = e
        while b > 0, chars[b - 1].isLetter { b -= 1 }
        return String(chars[b..<e])
    }

    static func isDottedAcronym(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { $0.count <= 1 && ($0.first?.isLetter ?? true) }
    }

    static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»"]
    static let openers: Set<Character> = ["\"", "'", "“", "‘", "(", "[", "«"]
    /// Titles are always followed by a name, never by the end of a sentence.
    static let titles: Set<String> = ["Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Capt", "Gov",
                                      "Sen", "Rep", "Pres", "Prof", "St", "Maj", "Adm", "Cpl", "Pvt",
                                      "Rev", "Hon", "Mt", "Ft", "No", "Nos", "Fig", "vs",
                                      "Gens", "Reps", "Sens", "Messrs", "Jr", "Sr"]
    static let months: Set<String> = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
    /// Abbreviations that name what the number after them counts ("Apt. 5C", "Rm. 12").
    static let beforeNumbers: Set<String> = ["Apt", "Rm", "Ste", "Bldg", "Vol", "Ch", "Sec", "Art", "Fig", "Prop",
                                             "Cat", "ext", "Ext", "Tel", "tel", "Rte", "Pt", "H.Res", "S.Res", "H.J.Res",
                                             "S.J.Res", "H.Con.Res", "S.Con.Res", "est", "Est", "Rs", "no", "nos", "vol", "pp", "p"]
    /// Words that continue a time: a day, a month, a time zone ("10 a.m. Monday", "a.m. Eastern").
    static let afterTimes: Set<String> = TimeZoneAbbreviations.all.union(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                                          "January", "February", "March", "April", "May", "June", "July", "August",
                                          "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
                                          "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Eastern", "Central",
                                          "Mountain", "Pacific", "Atlantic", "local", "Mon", "Tue", "Tues",
                                          "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun"])
    /// Abbreviations that may also end a sentence.
    static let abbreviations: Set<String> = ["etc", "e.g", "i.e", "approx", "inc", "ltd", "co", "corp",
                                             "jr", "sr", "a.m", "p.m", "vs", "al", "ave", "blvd", "rd", "ln",
                                             "pkwy", "hwy"]
    /// Units written with a full stop after a number ("3 in. of rain", "6 ft. tall").
    static let dottedUnits: Set<String> = ["in", "ft", "lb", "lbs", "oz", "mi", "yd", "gal", "sq"]
}
