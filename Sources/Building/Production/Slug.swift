import Foundation

/// A safe ASCII file name from a headline: lowercase letters, digits and single hyphens,
/// at most 80 characters. It has no dots or slashes, so it can never leave its folder.
public enum Slug {
    public static func make(_ headline: String, fallback: String = "article") -> String {
        let latin = headline.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? headline
        var slug = ""
        var pendingHyphen = false
        for scalar in latin.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.lowercaseLetters.contains(scalar) || CharacterSet.decimalDigits.contains(scalar)) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
            if slug.count >= 80 { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? fallback : slug
    }

    /// `slug`, or `slug-2`, `slug-3`… when it is already taken in this run.
    public static func unique(_ slug: String, taken: inout Set<String>) -> String {
        var candidate = slug
        var n = 2
        while taken.contains(candidate) { candidate = "\(slug)-\(n)"; n += 1 }
        taken.insert(candidate)
        return candidate
    }
}
