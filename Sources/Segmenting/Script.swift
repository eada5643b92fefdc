import EditionCore

/// Exactly what will be spoken, in order: the Segmenting stage's product. It is made lazily
/// from a `ScriptOutline`: each sentence is normalized (by the function the composer passes in,
/// the voice's normalizer and lexicon) and cut into chunks only when it is reached, so a
/// book-length text is never held as chunks. `edition script` prints it; synthesis speaks it.
public struct Script: Sequence, Sendable {
    public let outline: ScriptOutline
    let normalize: @Sendable (String) -> SpokenText
    let chunker: ChunkSplitter

    public init(outline: ScriptOutline, clausePause: Int, normalize: @escaping @Sendable (String) -> SpokenText) {
        self.outline = outline
        self.normalize = normalize
        chunker = ChunkSplitter(clausePause: clausePause)
    }

    /// One spoken sentence and where it sits.
    public struct Line: Sendable {
        /// The chapter's title, on the first spoken sentence of each chapter.
        public var chapter: String?
        /// The outline line's index (lines with nothing to speak are skipped), for progress.
        public var index: Int
        public var sentence: Sentence
        /// The block the sentence belongs to, and whether it is that block's last.
        public var role: TextBlock.Kind
        public var endsBlock: Bool
    }

    public var lineCount: Int { outline.lineCount }

    /// One outline line normalized and cut into chunks the engine can speak; nil when nothing
    /// in it is spoken.
    public func sentence(_ line: ScriptOutline.Line) -> Sentence? {
        let spoken = normalize(line.text)
        let chunks = chunker.chunks(text: spoken.text, tokens: spoken.tokens, pauseAfter: line.pauseAfter)
        return chunks.isEmpty ? nil : Sentence(source: line.text, chunks: chunks)
    }

    public func makeIterator() -> Iterator { Iterator(script: self) }

    public struct Iterator: IteratorProtocol {
        let script: Script
        var chapter = 0, line = 0, index = 0
        var pendingTitle: String?

        init(script: Script) {
            self.script = script
            pendingTitle = script.outline.chapters.first?.title
        }

        public mutating func next() -> Line? {
            let chapters = script.outline.chapters
            while chapter < chapters.count {
                guard line < chapters[chapter].lines.count else {
                    chapter += 1
                    line = 0
                    if chapter < chapters.count { pendingTitle = chapters[chapter].title }
                    continue
                }
                let outlineLine = chapters[chapter].lines[line]
                defer { line += 1; index += 1 }
                guard let sentence = script.sentence(outlineLine) else { continue }
                // A chapter whose first lines say nothing starts at its first spoken one; a
                // chapter with nothing spoken at all is not marked.
                let title = pendingTitle
                pendingTitle = nil
                return Line(chapter: title, index: index, sentence: sentence, role: outlineLine.role, endsBlock: outlineLine.endsBlock)
            }
            return nil
        }
    }
}
