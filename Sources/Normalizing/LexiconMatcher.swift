import EditionCore

/// Applies a voice's lexicon to normalized text: whole words or phrases become a respelling or
/// espeak phonemes (`[[...]]`). Every replacement is mapped back to the source span it came from.
struct LexiconMatcher: Sendable {
    struct Entry: Sendable {
        var words: [String]     // as written; compared lower-cased unless caseSensitive
        var say: String
        var caseSensitive: Bool
        var isPhonemes: Bool
    }
    /// Entries by their first word, lower-cased; longest phrases first.
    private var byFirstWord: [String: [Entry]] = [:]
    /// First words' lengths in scalars and first letters in both cases: most words of a text
    /// fail these before a lower-cased string is made and looked up.
    private var firstLengths: Set<Int> = []
    private var firstScalars: Set<Unicode.Scalar> = []

    init(_ lexicon: Lexicon) {
        for e in lexicon.entries {
            let words = e.word.split(whereSeparator: { $0 == " " }).map(String.init)
            guard let first = words.first, !e.say.isEmpty else { continue }
            byFirstWord[first.lowercased(), default: []].append(
                Entry(words: words, say: e.say, caseSensitive: e.caseSensitive, isPhonemes: e.isPhonemes))
        }
        for k in byFirstWord.keys { byFirstWord[k]!.sort { $0.words.count > $1.words.count } }
        for e in byFirstWord.values.joined() {
            let first = e.words[0]
            for form in [first, first.lowercased(), first.uppercased()] {
                firstLengths.insert(form.unicodeScalars.count)
                if let f = form.unicodeScalars.first { firstScalars.insert(f) }
            }
        }
    }

    var isEmpty: Bool { byFirstWord.isEmpty }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        TextScanner.isLetter(c) || TextScanner.isDigit(c)
    }

    /// Lexicon hits in `text` as (start, end, replacement) in scalar offsets.
    func hits(in text: String) -> [(start: Int, end: Int, say: String)] {
        let s = Array(text.unicodeScalars)
        // Word spans, skipping anything inside [[...]] phoneme strings.
        var words: [(Int, Int)] = []
        var i = 0
        while i < s.count {
            if s[i] == "[", i + 1 < s.count, s[i + 1] == "[" {
                i += 2
                while i + 1 < s.count, !(s[i] == "]" && s[i + 1] == "]") { i += 1 }
                i += 2; continue
            }
            if Self.isWordScalar(s[i]) {
                let st = i
                while i < s.count, Self.isWordScalar(s[i]) { i += 1 }
                words.append((st, i))
            } else { i += 1 }
        }
        func word(_ k: Int) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: s[words[k].0..<words[k].1]); return String(v)
        }
        var out: [(Int, Int, String)] = []
        var k = 0
        wordLoop: while k < words.count {
            guard firstLengths.contains(words[k].1 - words[k].0), firstScalars.contains(s[words[k].0]) else { k += 1; continue }
            let w = word(k)
            if let candidates = byFirstWord[w.lowercased()] {
                for e in candidates where k + e.words.count <= words.count {
                    var ok = true
                    for (j, ew) in e.words.enumerated() {
                        let tw = word(k + j)
                        if e.caseSensitive ? tw != ew : tw.lowercased() != ew.lowercased() { ok = false; break }
                        if j > 0 {  // phrase words must be separated by spaces only
                            let gap = s[words[k + j - 1].1..<words[k + j].0]
                            if gap.isEmpty || !gap.allSatisfy({ TextScanner.isSpace($0) }) { ok = false; break }
                        }
                    }
                    guard ok else { continue }
                    let start = words[k].0
                    var end = words[k + e.words.count - 1].1
                    var say = e.say
                    // Possessive "Kyiv's": keep it attached and voiced.
                    if end + 1 < s.count, s[end] == "'" || s[end] == "\u{2019}", s[end + 1] == "s",
                       end + 2 >= s.count || !Self.isWordScalar(s[end + 2]) {
                        end += 2
                        say = Self.possessive(say, phonemes: e.isPhonemes)
                    }
                    out.append((start, end, say))
                    k += e.words.count
                    continue wordLoop
                }
            }
            k += 1
        }
        return out
    }

    static func possessive(_ say: String, phonemes: Bool) -> String {
        guard phonemes else { return say + "'s" }
        let body = say.dropFirst(2).dropLast(2)
        let lastPhoneme = body.last(where: { $0.isLetter || $0 == "@" || $0 == ":" }) ?? "a"
        let suffix: String
        if "sSzZ".contains(lastPhoneme) { suffix = "Iz" }
        else if "ptkfT".contains(lastPhoneme) { suffix = "s" }
        else { suffix = "z" }
        return "[[" + body + suffix + "]]"
    }

    /// Applies the lexicon to the spoken text, merging a hit with any rewrite it overlaps so that
    /// every rewrite still maps to one source span.
    func apply(to text: NormalizedText) -> NormalizedText {
        let found = hits(in: text.spoken)
        guard !found.isEmpty else { return text }
        let spoken = Array(text.spoken.unicodeScalars)
        func str(_ a: Int, _ b: Int) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: spoken[a..<b]); return String(v)
        }
        let src = Array(text.source.unicodeScalars)
        func srcStr(_ a: Int, _ b: Int) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: src[a..<b]); return String(v)
        }
        // Edits on the old spoken text: (old spoken span, new text, source span, kind, rule).
        struct Edit { var a: Int; var b: Int; var text: String; var sa: Int; var sb: Int; var kind: String; var rule: String }
        var edits: [Edit] = []
        var r = 0
        let rw = text.rewrites
        for hit in found {
            // Rewrites entirely before the hit stay as they are.
            while r < rw.count, rw[r].spokenEnd <= hit.start {
                edits.append(Edit(a: rw[r].spokenStart, b: rw[r].spokenEnd, text: rw[r].replacement,
                                  sa: rw[r].sourceStart, sb: rw[r].sourceEnd, kind: rw[r].kind, rule: rw[r].rule))
                r += 1
            }
            var a = hit.start, b = hit.end
            var sa: Int, sb: Int
            var kind = "lexicon", rule = "lexicon"
            let shiftBefore = edits.last.map { $0.b - $0.sb } ?? 0
            sa = a - shiftBefore
            var overlapped: [Rewrite] = []
            while r < rw.count, rw[r].spokenStart < b {
                overlapped.append(rw[r]); r += 1
            }
            if let first = overlapped.first {
                if first.spokenStart < a { a = first.spokenStart; sa = first.sourceStart }
                else if first.spokenStart == a { sa = first.sourceStart }
                kind = first.kind; rule = first.rule + "+lexicon"
            }
            if let lastRw = overlapped.last, lastRw.spokenEnd >= b {
                b = lastRw.spokenEnd; sb = lastRw.sourceEnd
            } else {
                let shift = overlapped.last.map { $0.spokenEnd - $0.sourceEnd } ?? shiftBefore
                sb = b - shift
            }
            let newText = str(a, hit.start) + hit.say + str(hit.end, b)
            edits.append(Edit(a: a, b: b, text: newText, sa: sa, sb: sb, kind: kind, rule: rule))
        }
        while r < rw.count {
            edits.append(Edit(a: rw[r].spokenStart, b: rw[r].spokenEnd, text: rw[r].replacement,
                              sa: rw[r].sourceStart, sb: rw[r].sourceEnd, kind: rw[r].kind, rule: rw[r].rule))
            r += 1
        }
        var out = String.UnicodeScalarView()
        var count = 0, pos = 0
        var rewrites: [Rewrite] = []
        for e in edits {
            out.append(contentsOf: spoken[pos..<e.a]); count += e.a - pos
            let n = e.text.unicodeScalars.count
            rewrites.append(Rewrite(sourceStart: e.sa, sourceEnd: e.sb, spokenStart: count, spokenEnd: count + n,
                                    original: srcStr(e.sa, e.sb), replacement: e.text, kind: e.kind, rule: e.rule))
            out.append(contentsOf: e.text.unicodeScalars); count += n
            pos = e.b
        }
        out.append(contentsOf: spoken[pos...])
        return NormalizedText(source: text.source, spoken: String(out), rewrites: rewrites)
    }
}
