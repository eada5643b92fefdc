/// A sentence in the words a listener should hear: what the Normalizing stage makes of a written
/// sentence, and each source token's place in it (for word-timed transcripts).
public struct SpokenText: Sendable, Equatable {
    public var text: String
    public var tokens: [Token]

    public init(text: String, tokens: [Token]) {
        self.text = text
        self.tokens = tokens
    }
}

/// One sentence as written, and the chunks it is spoken in (one, unless it is long).
public struct Sentence: Codable, Sendable, Equatable {
    public var source: String
    public var chunks: [Chunk]

    public init(source: String, chunks: [Chunk]) {
        self.source = source
        self.chunks = chunks
    }

    /// The spoken form of the whole sentence.
    public var spoken: String { chunks.map(\.text).joined(separator: " ") }
}

/// One call to the engine: normalized text, the silence that follows it, and which source
/// token each stretch of the spoken text came from (for word-timed transcripts).
public struct Chunk: Codable, Sendable, Equatable, Hashable {
    public var text: String
    /// Milliseconds of silence inserted after this chunk.
    public var pauseAfter: Int
    public var tokens: [Token]

    public init(text: String, pauseAfter: Int, tokens: [Token] = []) {
        self.text = text
        self.pauseAfter = pauseAfter
        self.tokens = tokens
    }
}

/// A source token ("$1.5 billion", "Kyiv") and the range of Unicode scalars it became in the
/// chunk's spoken text. espeak-ng's WORD events carry scalar positions, so they map straight back.
public struct Token: Codable, Sendable, Equatable, Hashable {
    public var source: String
    public var spokenStart: Int
    public var spokenEnd: Int

    public init(source: String, spokenStart: Int, spokenEnd: Int) {
        self.source = source
        self.spokenStart = spokenStart
        self.spokenEnd = spokenEnd
    }
}
