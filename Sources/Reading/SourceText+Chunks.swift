import Foundation

extension SourceText {
    /// `decode` for a file read a piece at a time, so a 20 MB page is never held whole: the same
    /// checks (a byte-order mark dropped, binary refused, invalid UTF-8 and control characters
    /// removed with a warning, whitespace alone refused), each piece's bytes handed on as soon as
    /// they are clean. A character split between two pieces waits for the rest of its bytes.
    struct ChunkDecoder {
        let name: String
        private var carried: [UInt8] = []
        private var started = false
        private var invalidSequences = 0
        private var controlsRemoved = false
        private var sawText = false

        init(name: String) { self.name = name }

        /// The clean UTF-8 bytes of the next piece; `last` for the file's final piece.
        mutating func decode(_ piece: [UInt8], last: Bool) throws -> [UInt8] {
            var bytes = carried.isEmpty ? piece : carried + piece
            carried = []
            if !started {
                started = true
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                if SourceText.looksBinary(bytes) { throw ReadingError.binary(name) }
            }
            if !last, let split = Self.incompleteTail(bytes) {
                carried = Array(bytes[split...])
                bytes.removeSubrange(split...)
            }
            if String(validating: bytes, as: UTF8.self) == nil {
                let text = String(decoding: bytes, as: UTF8.self)
                invalidSequences += text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
                bytes = Array(text.replacingOccurrences(of: "\u{FFFD}", with: "").utf8)
            }
            if bytes.contains(where: SourceText.isStripped) {
                bytes.removeAll(where: SourceText.isStripped)
                controlsRemoved = true
            }
            if !sawText { sawText = String(decoding: bytes, as: UTF8.self).contains { !$0.isWhitespace } }
            return bytes
        }

        /// What `decode` warns of, once the last piece is read; whitespace alone is refused.
        func finish() throws -> [String] {
            if !sawText { throw ReadingError.empty(name) }
            var warnings: [String] = []
            if invalidSequences > 0 {
                warnings.append("\(name): invalid UTF-8 replaced (\(invalidSequences) sequence\(invalidSequences == 1 ? "" : "s"))")
            }
            if controlsRemoved { warnings.append("\(name): control characters removed") }
            return warnings
        }

        /// Where a character cut short by the piece's end begins, if one is.
        static func incompleteTail(_ bytes: [UInt8]) -> Int? {
            var index = bytes.count - 1
            while index >= 0, index >= bytes.count - 3, bytes[index] & 0xC0 == 0x80 { index -= 1 }
            guard index >= 0 else { return nil }
            let lead = bytes[index]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            return bytes.count - index < length ? index : nil
        }
    }
}
