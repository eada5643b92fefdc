import Audio
import EditionCore
import Foundation


/// Lays takes and silences end to end, and notes where each chapter, sentence and word
/// lands. The result is a `Timeline` and a spool of PCM ready for the file writers; the audio
/// and the timed words go to scratch files as they come, so memory stays flat however long
/// the programme is.
public final class ProgrammeRecorder {
    public let sampleRate: Int
    public let spool: PCMSpool
    private var chapters: [Chapter] = []
    private let words: TimedTextLog
    private let sentences: TimedTextLog
    /// The sentence being spoken; written out when the next one begins.
    private var sentence: TimedText?
    /// The text's blocks so far; the last one takes the next sentence unless it ended.
    private var layout: [TextBlock] = []
    private var blockEnded = true

    public init(sampleRate: Int, scratchDirectory: URL) throws {
        self.sampleRate = sampleRate
        spool = try PCMSpool(directory: scratchDirectory)
        words = try TimedTextLog(directory: scratchDirectory)
        sentences = try TimedTextLog(directory: scratchDirectory)
    }

    public var position: Int { spool.count }

    /// The title is cleaned here, once, as every tag format would clean it, so the WAV labels,
    /// ID3 and Vorbis chapters, chapters JSON and episode metadata all carry the same text.
    public func beginChapter(_ title: String) {
        chapters.append(Chapter(title: TagText.chapterTitle(title, number: chapters.count + 1), start: position))
    }

    /// A sentence of a block of kind `role`; `endsBlock` when it is the block's last.
    public func beginSentence(_ text: String, role: TextBlock.Kind = .paragraph, endsBlock: Bool = true) throws {
        try closeSentence()
        sentence = TimedText(text: text, start: position, end: position)
        if blockEnded || layout.last?.kind != role { layout.append(TextBlock(kind: role, words: 0)) }
        blockEnded = endsBlock
    }

    /// Appends a chunk's audio and one timed word per source token, from the engine's WORD
    /// events. A token with several events (a number) starts at its first; a token the engine
    /// reported no event for shares the previous one's time.
    public func append(_ take: Take, for chunk: Chunk) throws {
        let base = position
        var starts = [Int?](repeating: nil, count: chunk.tokens.count)
        for event in take.words {
            if let t = chunk.tokens.firstIndex(where: { event.textPosition >= $0.spokenStart && event.textPosition < $0.spokenEnd }),
               starts[t] == nil {
                starts[t] = event.sample
            }
        }
        var last = 0
        var timed: [TimedText] = []
        timed.reserveCapacity(chunk.tokens.count)
        for (t, token) in chunk.tokens.enumerated() {
            let start = max(starts[t] ?? last, last)
            timed.append(TimedText(text: token.source, start: base + start, end: base + take.samples.count))
            last = start
        }
        for i in timed.indices.dropLast() { timed[i].end = max(timed[i].start, timed[i + 1].start) }
        for word in timed { try words.append(word) }
        let spoken = timed.count(where: \.isSpoken)
        if layout.isEmpty { layout.append(TextBlock(kind: .paragraph, words: 0)) }
        layout[layout.count - 1].words += spoken
        try spool.append(take.samples)
        sentence?.end = position
    }

    /// A block's closing pause ends on a multiple of this many samples: an MPEG-2 Layer III
    /// frame at the engine's 22.05 kHz (see Mastering's `MP3Segments`). A corrected sentence then
    /// moves what follows its paragraph by whole frames, and the MP3 parts from there on, which
    /// start on the same grid, are the same samples at the same offsets as before: kept parts
    /// serve them. Sentence pauses inside a paragraph keep their planned length exactly.
    public static let pauseGrid = 576

    /// Silence of `milliseconds`; `onGrid` stretches it by at most one grid step (26 ms at
    /// 22.05 kHz) to end on the grid.
    public func appendSilence(milliseconds: Int, onGrid: Bool = false) throws {
        let count = milliseconds * sampleRate / 1000
        guard count > 0 else { return }
        let grid = Self.pauseGrid
        try spool.appendSilence(onGrid ? (position + count + grid - 1) / grid * grid - position : count)
    }

    /// Seals the timeline: the programme ends where the recording does.
    public func finish() throws -> Timeline {
        try closeSentence()
        try words.flush()
        try sentences.flush()
        var timeline = Timeline(sampleRate: sampleRate, totalSamples: position, chapters: chapters, words: words, sentences: sentences)
        timeline.layout = layout.filter { $0.words > 0 }
        return timeline
    }

    /// Drops the audio; the timed words go when the last timeline holding them does.
    public func discard() { spool.discard() }

    private func closeSentence() throws {
        if let sentence { try sentences.append(sentence) }
        sentence = nil
    }
}
