import Foundation

/// A `Range` request header resolved against a file of `size` bytes (RFC 9110 §14). One range
/// is served as 206; several, another unit or a malformed spec (`bytes=500-100` included) are
/// ignored and the whole file is served, as the RFC allows; a first byte at or past the end,
/// or a zero-length suffix, is unsatisfiable (416). `bytes=-N` is the LAST N bytes.
enum ByteRange: Equatable {
    case whole
    case partial(ClosedRange<Int>)
    case unsatisfiable

    static func resolve(_ header: String?, size: Int) -> ByteRange {
        guard let header else { return .whole }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = trimmed.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        if first.isEmpty {
            guard let suffix = number(last) else { return .whole }
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .partial(max(0, size - suffix)...(size - 1))
        }
        guard let start = number(first) else { return .whole }
        let end: Int
        if last.isEmpty {
            end = Int.max
        } else {
            guard let e = number(last) else { return .whole }
            guard e >= start else { return .whole }  // invalid spec: ignore the header
            end = e
        }
        guard start < size else { return .unsatisfiable }
        return .partial(start...min(end, size - 1))
    }

    /// Digits only; a number too large for Int saturates (it is past any file's end).
    private static func number(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text) ?? Int.max
    }
}
