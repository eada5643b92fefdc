/// The tool's version: in `--version`, every file's "software" tag and every build key.
public enum EditionVersion {
    public static let current = "0.1.0"
    /// What the files say made them.
    public static let generator = "edition \(current)"
}
