/// Where everything landed in the finished programme, in samples at `sampleRate`.
/// The WAV's cue points, the chapters JSON and the transcripts are all written from this one record.
/// Chapters are few and kept here; words and sentences stay on disk in logs, in the recording's
/// positions, and `mapping` carries them onto this timeline (after an intro, at the output rate).
public struct Timeline: Sendable {
    public var sampleRate: Int
    public var totalSamples: Int
    public var chapters: [Chapter]
    /// One per spoken source token, in order.
    public var words: (any TimedTextSource)?
    /// One per sentence, in order.
    public var sentences: (any TimedTextSource)?
    public var mapping = SampleMapping.identity
    /// The blocks the words fall into, in order (their word counts add up to the words').
    public var layout: [TextBlock] = []

    public init(sampleRate: Int, totalSamples: Int = 0, chapters: [Chapter] = [],
                words: (any TimedTextSource)? = nil, sentences: (any TimedTextSource)? = nil) {
        self.sampleRate = sampleRate
        self.totalSamples = totalSamples
        self.chapters = chapters
        self.words = words
        self.sentences = sentences
    }

    public var duration: Double { Double(totalSamples) / Double(sampleRate) }

    public func seconds(_ sample: Int) -> Double { Double(sample) / Double(sampleRate) }

    /// Each timed word, in this timeline's samples, streamed from disk.
    public func forEachWord(_ body: (TimedText) throws -> Void) throws { try forEach(words, body) }

    /// Each timed sentence, in this timeline's samples, streamed from disk.
    public func forEachSentence(_ body: (TimedText) throws -> Void) throws { try forEach(sentences, body) }

    /// All words at once: for tests and short programmes only.
    public func allWords() throws -> [TimedText] { try all(words) }
    public func allSentences() throws -> [TimedText] { try all(sentences) }

    /// The same programme with `lead` samples (an intro) before it and `tail` after, at `rate`.
    public func shifted(lead: Int, tail: Int, rate: Int) -> Timeline {
        let step = SampleMapping(offset: lead, ratio: Double(rate) / Double(sampleRate))
        var result = self
        result.sampleRate = rate
        // Recording timelines are shifted once (exact); a second shift folds its lead back into
        // recording samples, exact to a sample.
        result.mapping = SampleMapping(offset: mapping.offset + Int((Double(lead) / mapping.ratio).rounded()),
                                       ratio: mapping.ratio * step.ratio)
        result.chapters = chapters.map { Chapter(title: $0.title, start: step.map($0.start)) }
        result.totalSamples = step.map(totalSamples + tail)
        return result
    }

    private func forEach(_ log: (any TimedTextSource)?, _ body: (TimedText) throws -> Void) throws {
        try log?.forEach { try body(TimedText(text: $0.text, start: mapping.map($0.start), end: mapping.map($0.end))) }
    }

    private func all(_ log: (any TimedTextSource)?) throws -> [TimedText] {
        var items: [TimedText] = []
        try forEach(log) { items.append($0) }
        return items
    }
}

/// A recording position → a programme position: shift by `offset` samples, then scale by `ratio`.
public struct SampleMapping: Sendable, Equatable {
    public var offset: Int
    public var ratio: Double
    public static let identity = SampleMapping(offset: 0, ratio: 1)

    public init(offset: Int, ratio: Double) {
        self.offset = offset
        self.ratio = ratio
    }

    public func map(_ position: Int) -> Int { Int((Double(position + offset) * ratio).rounded()) }
}

/// Timed words or sentences kept outside memory (Audio's `TimedTextLog`), read back in order.
public protocol TimedTextSource: Sendable {
    func forEach(_ body: (TimedText) throws -> Void) throws
}

/// A stretch of the programme and the text heard in it.
public struct TimedText: Codable, Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }

    /// Whether a listener hears anything: blank tokens get no transcript cue and no place in
    /// the layout.
    public var isSpoken: Bool { !text.allSatisfy(\.isWhitespace) }
}
