/// The nearest name to a misspelt one, for "did you mean …?" hints.
public enum Spelling {
    /// The one name in `names` close to `name`: the same but for case, spacing, punctuation or
    /// "and" for "&" ("tv and film" → "TV & Film", "feedurl" → "feedURL"), else within two typing
    /// slips ("Technolgy", "sentance"). Nil when none is close or two are equally close.
    public static func nearest(to name: String, among names: [String]) -> String? {
        func key(_ s: String) -> [Character] {
            Array(s.lowercased().replacingOccurrences(of: " and ", with: "&").filter { $0.isLetter || $0.isNumber })
        }
        let target = key(name)
        if let same = names.first(where: { key($0) == target }) { return same }
        guard target.count >= 4 else { return nil }
        let close = names.map { ($0, distance(key($0), target)) }.filter { $0.1 <= 2 }
        guard let best = close.map(\.1).min() else { return nil }
        let winners = close.filter { $0.1 == best }
        return winners.count == 1 ? winners[0].0 : nil
    }

    /// Levenshtein distance.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
