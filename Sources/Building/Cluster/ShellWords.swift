/// Words written into a shell script exactly as they are: a file name with spaces, quotes or
/// `$` in it reaches `edition build` unchanged, and no article text or path is ever run as code.
public enum ShellWords {
    /// One word, single-quoted ('it'\''s'): inside single quotes the shell expands nothing.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.unicodeScalars.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    public static func join(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }

    private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@%+,".unicodeScalars)
}
