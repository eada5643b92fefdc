/// A script before its words are normalized: chapters of source sentences, each with the pause
/// that follows it. It is as small as the text itself, so even a book-length programme keeps
/// its outline in memory; the chunks (tokens, offsets) are made from it one line at a time
/// while the programme is spoken, and never held all at once.
public struct ScriptOutline: Sendable, Equatable {
    public var title: String
    public var chapters: [Chapter]

    public struct Chapter: Sendable, Equatable {
        public var title: String
        public var lines: [Line]

        public init(title: String, lines: [Line]) {
            self.title = title
            self.lines = lines
        }
    }

    /// One sentence as written, the milliseconds of silence after it, and the block it belongs
    /// to (so a page can show the text as it was laid out).
    public struct Line: Sendable, Equatable {
        public var text: String
        public var pauseAfter: Int
        public var role: TextBlock.Kind
        /// The last sentence of its paragraph, heading or list item.
        public var endsBlock: Bool

        public init(text: String, pauseAfter: Int, role: TextBlock.Kind = .paragraph, endsBlock: Bool = true) {
            self.text = text
            self.pauseAfter = pauseAfter
            self.role = role
            self.endsBlock = endsBlock
        }
    }

    public init(title: String, chapters: [Chapter]) {
        self.title = title
        self.chapters = chapters
    }

    public var lineCount: Int { chapters.reduce(0) { $0 + $1.lines.count } }
    /// Whether anything in it can be spoken at all.
    public var hasSpeech: Bool {
        chapters.contains { $0.lines.contains { $0.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) } }
    }
}
