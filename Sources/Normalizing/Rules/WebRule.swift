/// Web text: URLs ("https://www.bbc.co.uk/news" "B B C dot co dot U K slash news"), bare domains
/// ("Amazon.com"), e-mail addresses, @handles and #hashtags, with camel case split ("#StandWithUkraine").
struct WebRule: Rule {
    var name: String { "web" }
    var kind: String { "web" }

    static let tlds: Set<String> = ["com", "org", "net", "gov", "edu", "io", "uk", "ua", "ru", "co", "info", "news",
                                    "eu", "de", "fr", "tv", "ai", "int", "mil", "app", "dev", "me", "us", "ca", "pl", "by",
                                    "ly", "gl", "gg", "au", "nz", "ie", "jp", "es", "nl", "ch", "se"]  // not "in", "it": words after a missed space

    static func isHostScalar(_ c: Unicode.Scalar) -> Bool {
        TextScanner.isDigit(c) || (c.value < 0x80 && TextScanner.isLetter(c)) || c == "-" || c == "."
    }
    static func isPathScalar(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 && c.value > 0x20 && !"\"'<>()[]{},;|\\^`".unicodeScalars.contains(c)
    }

    /// Splits "StandWithUkraine" into "Stand With Ukraine", "BBCNews" into "B B C News", "Ukraine2024" into "Ukraine 2024".
    static func splitCamel(_ s: String) -> String {
        let a = Array(s.unicodeScalars)
        var words: [String] = []
        var cur = String.UnicodeScalarView()
        func flush() { if !cur.isEmpty { words.append(String(cur)); cur = String.UnicodeScalarView() } }
        for (i, ch) in a.enumerated() {
            if ch == "_" || ch == "-" || ch == "." { flush(); continue }
            if let prev = cur.last {
                let up = ch.properties.isUppercase, prevUp = prev.properties.isUppercase
                let nextLower = i + 1 < a.count && a[i + 1].properties.isLowercase
                let digitEdge = TextScanner.isDigit(ch) != TextScanner.isDigit(prev)
                if digitEdge || (up && !prevUp && !TextScanner.isDigit(prev)) || (up && prevUp && nextLower) { flush() }
            }
            cur.append(ch)
        }
        flush()
        return words.map { w in
            if w.allSatisfy(\.isNumber) { return w.count == 4 ? NumberWords.year(Int(w)!) : NumberWords.cardinal(digits: Substring(w)) }
            if w.count <= 4, w.count >= 2, w.allSatisfy(\.isUppercase) {
                return Vocabulary.wordAcronyms[w] ?? spellLetters(w)
            }
            return w
        }.joined(separator: " ")
    }

    /// A host name: labels joined by " dot ", short labels and country codes spelled.
    static func speakHost(_ host: Substring) -> String {
        host.split(separator: ".").map { label -> String in
            let l = String(label)
            if l.lowercased() == "www" { return "W W W" }
            if l.lowercased() == "co" { return "co" }
            if let word = Vocabulary.wordAcronyms[l.uppercased()], word.lowercased() == l.lowercased() { return word }  // nasa.gov
            if l.count <= 2 || (l.count <= 4 && !l.lowercased().contains(where: { "aeiouy".contains($0) })) {
                return spellLetters(l)
            }
            return splitCamel(l)
        }.joined(separator: " dot ")
    }

    static func speakPath(_ path: Substring) -> String {
        var parts: [String] = []
        var cur = ""
        for ch in path {
            if ch == "/" || ch == "?" || ch == "=" || ch == "&" || ch == "." || ch == "-" || ch == "_" || ch == "#" {
                if !cur.isEmpty { parts.append(splitCamel(cur)); cur = "" }
                switch ch {
                case "/": parts.append("slash")
                case ".": parts.append("dot")
                case "-": parts.append("dash")
                case "_": parts.append("underscore")
                default: break
                }
            } else if ch.isLetter || ch.isNumber { cur.append(ch) }
        }
        if !cur.isEmpty { parts.append(splitCamel(cur)) }
        while parts.last == "slash" { parts.removeLast() }
        return parts.joined(separator: " ")
    }

    func match(_ c: RuleContext, at index: Int) -> RuleMatch? {
        let p = c.pieces[index]
        let o = p.start
        if p.kind == .other {
            let ch = c.s[o]
            guard (ch == "@" || ch == "#"), !c.isAlnum(o - 1), c.isLetter(o + 1) || (ch == "@" && c.isChar(o + 1, "_")) else { return nil }
            var e = o + 1
            while let x = c.at(e), x.value < 0x80, TextScanner.isLetter(x) || TextScanner.isDigit(x) || x == "_" { e += 1 }
            let body = c.text(o + 1, e)
            let words = body.split(separator: "_", omittingEmptySubsequences: true).map { Self.splitCamel(String($0)) }
            if ch == "@" { return found(o, e, "at " + words.joined(separator: " underscore "), rule: "web.handle") }
            // "the hashtag #MeToo" says "hashtag" once.
            let said = c.wordBefore(o)?.text.lowercased() == "hashtag" || body.lowercased().hasPrefix("hashtag") ? "" : "hashtag "
            return found(o, e, said + Self.splitCamel(body), rule: "web.hashtag")
        }
        guard p.kind == .word, !c.isChar(o - 1, "@"), !c.isChar(o - 1, ".") else { return nil }
        // URLs with a scheme or www.
        var start = o
        var q = o
        if c.matches("https://", at: o, ignoringCase: true) { q = o + 8 }
        else if c.matches("http://", at: o, ignoringCase: true) { q = o + 7 }
        else if !c.matches("www.", at: o, ignoringCase: true) {
            // Not a URL start: maybe an e-mail or a bare domain. Only look if "@" or "." follows soon.
            guard let next = c.at(p.end), next == "@" || next == "." || next == "_" || next == "-" else { return nil }
        }
        let hostStart = q
        var e = q
        while let x = c.at(e), Self.isHostScalar(x) || x == "_" || x == "+" { e += 1 }
        // e-mail
        if c.isChar(e, "@"), q == o {
            let local = c.text(o, e)
            var d = e + 1
            while let x = c.at(d), Self.isHostScalar(x) { d += 1 }
            while c.isChar(d - 1, ".") || c.isChar(d - 1, "-") { d -= 1 }
            let domain = c.text(e + 1, d)
            guard domain.contains("."), let tld = domain.split(separator: ".").last, tld.count >= 2, tld.allSatisfy(\.isLetter) else { return nil }
            let localWords = local.split(separator: ".", omittingEmptySubsequences: false)
                .map { Self.splitCamel(String($0)) }.joined(separator: " dot ")
            return found(o, d, localWords + " at " + Self.speakHost(Substring(domain)), rule: "web.email")
        }
        while c.isChar(e - 1, ".") || c.isChar(e - 1, "-") { e -= 1 }
        let host = c.text(hostStart, e)
        let labels = host.split(separator: ".")
        guard labels.count >= 2, let tld = labels.last, Self.tlds.contains(tld.lowercased()) || q != o,
              !labels.contains(where: { $0.isEmpty }) else { return nil }
        if q == o {
            // A bare domain must not be two sentences run together: "in Kyiv.The" has no known TLD.
            if host.contains("_") { return nil }
        }
        var end = e
        if c.isChar(end, "/") || c.isChar(end, "?") {
            while let x = c.at(end), Self.isPathScalar(x) { end += 1 }
            while let x = c.at(end - 1), ".,:;!?".unicodeScalars.contains(x) { end -= 1 }
        }
        start = o
        let spoken = Self.speakHost(Substring(host)) + (end > e ? " " + Self.speakPath(Substring(c.text(e, end))) : "")
        return found(start, end, spoken.trimmingSpaces, rule: q != o ? "web.url" : "web.domain")
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
