/// The retry form of a chunk that crashed the engine. espeak-ng 1.51's crashes come from runs
/// of dotted single letters and of apostrophe-s in its text parser, so the retry keeps only
/// letters, digits, spaces and plain sentence punctuation, and breaks "U.S.A." into "U S A".
enum ChunkSanitizer {
    static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            if s.properties.isAlphabetic || s.properties.numericType != nil {
                out.append(s)
            } else if s == "," || s == "?" || s == "!" {
                out.append(s)
            } else if s == "." {
                // A dot after a single letter is an abbreviation dot: make it a space.
                let single = i > 0 && scalars[i - 1].properties.isAlphabetic
                    && (i < 2 || !scalars[i - 2].properties.isAlphabetic)
                out.append(single ? " " : ".")
            } else {
                out.append(" ")
            }
        }
        return String(out).split(separator: " ").joined(separator: " ")
    }
}
