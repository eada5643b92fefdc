import Foundation

/// Turns the raw bytes of an input into text the rest of the pipeline can trust:
/// binary data is refused, invalid UTF-8 is replaced (with a warning), and C0 control
/// characters are stripped because espeak-ng reads \x01 as an embedded command.
public enum SourceText {
    public struct Decoded: Sendable {
        public var text: String
        public var warnings: [String]
    }

    public static func decode(_ data: Data, name: String) throws -> Decoded {
        // A UTF-8 byte-order mark says nothing to a listener. (A slice: a 20 MB page is not copied.)
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        if looksBinary(bytes) { throw ReadingError.binary(name) }

        var warnings: [String] = []
        var text: String
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            let bad = text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
            warnings.append("\(name): invalid UTF-8 replaced (\(bad) sequence\(bad == 1 ? "" : "s"))")
            text = text.replacingOccurrences(of: "\u{FFFD}", with: "")
        }
        if hasControls(text) {
            text = stripControls(text)
            warnings.append("\(name): control characters removed")
        }
        if text.allSatisfy({ $0.isWhitespace }) { throw ReadingError.empty(name) }
        return Decoded(text: text, warnings: warnings)
    }

    /// NUL bytes, or a high share of non-text control bytes, mean this is not an article.
    static func looksBinary(_ bytes: some Collection<UInt8>) -> Bool {
        let sample = bytes.prefix(8192)
        if sample.contains(0) { return true }
        let controls = sample.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        return !sample.isEmpty && controls * 10 > sample.count
    }

    /// Keeps tab, newline and carriage return; drops the other C0 controls and DEL. Works on
    /// UTF-8 bytes, where these are single bytes that never occur inside another character:
    /// scalar by scalar, a 20 MB page took a fifth of its reading time here.
    public static func stripControls(_ text: String) -> String {
        guard hasControls(text) else { return text }
        var bytes = Array(text.utf8)
        bytes.removeAll(where: isStripped)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hasControls(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isStripped) } ?? text.utf8.contains(where: isStripped)
    }

    static func isStripped(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }
}
