/// The player's own files, kept in the binary (as `PlayerScript.swift` and `PlayerStyle.swift`)
/// so a site can be made wherever `edition` runs, with nothing fetched from anywhere.
public enum PlayerAssets {
    public static let scriptName = "edition-player.js"
    public static let styleName = "edition-player.css"

    /// Name, MIME type and contents of each file.
    public static var files: [(name: String, type: String, body: String)] {
        [(scriptName, "text/javascript; charset=utf-8", script), (styleName, "text/css; charset=utf-8", style)]
    }
}
