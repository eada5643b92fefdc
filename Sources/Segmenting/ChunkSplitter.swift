import EditionCore

/// Cuts a long spoken sentence into clauses the engine handles well. espeak-ng's clause
/// buffer is 800 bytes and 300 words (ENGINE-FACTS); long clauses also lose their prosody.
/// The cut goes at the last clause punctuation (; : ,) before `limit` scalars, else at a space.
public struct ChunkSplitter: Sendable {
    public var limit: Int
    public var clausePause: Int

    public init(limit: Int = 300, clausePause: Int) {
        self.limit = limit
        self.clausePause = clausePause
    }

    public func chunks(text: String, tokens: [Token], pauseAfter: Int) -> [Chunk] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > limit else {
            let only = chunk(scalars, 0..<scalars.count, tokens[...], pause: pauseAfter)
            return only.text.isEmpty ? [] : [only]
        }
        // Positions inside a token, where a cut would split it: marked once, looked up in O(1).
        var interior = [Bool](repeating: false, count: scalars.count + 1)
        for token in tokens where token.spokenEnd - 1 > token.spokenStart + 1 {
            for i in (token.spokenStart + 1)..<min(token.spokenEnd - 1, scalars.count) { interior[i] = true }
        }
        func inside(_ i: Int) -> Bool { interior[i] }
        var chunks: [Chunk] = []
        var tokenIndex = 0
        var start = 0
        while scalars.count - start > limit {
            let window = start..<(start + limit)
            let cut = window.last { i in
                (scalars[i] == ";" || scalars[i] == ":" || scalars[i] == ",") && i + 1 < scalars.count && scalars[i + 1] == " "
                    && !inside(i)
            }.map { $0 + 1 } ?? window.last { scalars[$0] == " " && !inside($0) } ?? window.upperBound
            guard cut > start else { break }
            // Tokens are in order: hand each chunk only the ones that start inside it.
            let first = tokenIndex
            while tokenIndex < tokens.count, tokens[tokenIndex].spokenStart < cut { tokenIndex += 1 }
            chunks.append(chunk(scalars, start..<cut, tokens[first..<tokenIndex], pause: clausePause))
            start = cut
        }
        let last = chunk(scalars, start..<scalars.count, tokens[tokenIndex...], pause: pauseAfter)
        if !last.text.isEmpty { chunks.append(last) }
        return chunks.filter { !$0.text.isEmpty }
    }

    /// The chunk for `range`, its tokens rebased to the trimmed chunk text.
    private func chunk(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ tokens: ArraySlice<Token>, pause: Int) -> Chunk {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
        while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        let inside = tokens.filter { $0.spokenStart >= lower && $0.spokenStart < upper }.map {
            Token(source: $0.source, spokenStart: $0.spokenStart - lower, spokenEnd: min($0.spokenEnd, upper) - lower)
        }
        return Chunk(text: String(view), pauseAfter: pause, tokens: inside)
    }
}
