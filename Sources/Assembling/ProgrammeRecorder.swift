import Audio
import EditionCore
import Foundation

/// Lays takes and silences end to end, and notes where each chapter, sentence and word
/// lands. The result is a `Timeline` and a spool of PCM ready for the file writers.
public final class ProgrammeRecorder {
    public let sampleRate: Int
    public private(set) var timeline: Timeline
    public let spool: PCMSpool
    /// Sees every sample as it is recorded (e.g. a loudness meter), so measuring the programme
    /// costs no second pass and overlaps synthesis.
    public var observer: ((UnsafeBufferPointer<Int16>) -> Void)?

    public init(sampleRate: Int, scratchDirectory: URL) throws {
        self.sampleRate = sampleRate
        timeline = Timeline(sampleRate: sampleRate)
        spool = try PCMSpool(directory: scratchDirectory)
    }

    public var position: Int { spool.count }

    public func beginChapter(_ title: String) {
        timeline.chapters.append(Chapter(title: title, start: position))
    }

    public func beginSentence(_ text: String) {
        timeline.sentences.append(TimedText(text: text, start: position, end: position))
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
        var words: [TimedText] = []
        for (t, token) in chunk.tokens.enumerated() {
            let start = max(starts[t] ?? last, last)
            words.append(TimedText(text: token.source, start: base + start, end: base + take.samples.count))
            last = start
        }
        for i in words.indices.dropLast() { words[i].end = max(words[i].start, words[i + 1].start) }
        timeline.words += words
        try spool.append(take.samples)
        if let observer { take.samples.withUnsafeBufferPointer(observer) }
        if !timeline.sentences.isEmpty { timeline.sentences[timeline.sentences.count - 1].end = position }
    }

    public func appendSilence(milliseconds: Int) throws {
        let count = milliseconds * sampleRate / 1000
        try spool.appendSilence(count)
        if let observer, count > 0 { [Int16](repeating: 0, count: count).withUnsafeBufferPointer(observer) }
    }

    /// Drops a trailing pause so the programme ends with the last word, then seals the timeline.
    public func finish() -> Timeline {
        timeline.totalSamples = position
        return timeline
    }

    public func discard() { spool.discard() }
}
