/// A block of the text as it was read (a paragraph, a heading…) and how many of the
/// transcript's words it holds. The episode keeps these few numbers instead of a second copy of
/// the text: the words and their times are in the transcript, in the same order.
public struct TextBlock: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// The spoken introduction (author, date), which is not in the article itself.
        case intro
        case heading, paragraph, quote, listItem
    }

    public var kind: Kind
    public var words: Int

    public init(kind: Kind, words: Int) {
        self.kind = kind
        self.words = words
    }
}
