/// The coarse pieces a text is cut into before rules run: runs of letters, runs of ASCII digits,
/// runs of white space, and every other scalar on its own. Offsets are Unicode scalar indices.
struct Piece {
    enum Kind: UInt8 { case word, number, space, other }
    var kind: Kind
    var start: Int
    var end: Int
}

enum TextScanner {
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v == 0xAA || v == 0xB5 || v == 0xBA { return true }
        if v < 0xC0 || v == 0xD7 || v == 0xF7 { return false }
        let p = c.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value &- 0x30 < 10 }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D || v == 0x0B || v == 0x0C }
        return c.properties.isWhitespace
    }

    static func pieces(_ s: [Unicode.Scalar]) -> [Piece] {
        var out: [Piece] = []
        out.reserveCapacity(s.count / 3)
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            let start = i
            let kind: Piece.Kind
            if isLetter(c) {
                kind = .word
                i += 1
                while i < n, isLetter(s[i]) { i += 1 }
            } else if isDigit(c) {
                kind = .number
                i += 1
                while i < n, isDigit(s[i]) { i += 1 }
            } else if isSpace(c) {
                kind = .space
                i += 1
                while i < n, isSpace(s[i]) { i += 1 }
            } else {
                kind = .other
                i += 1
            }
            out.append(Piece(kind: kind, start: start, end: i))
        }
        return out
    }
}
