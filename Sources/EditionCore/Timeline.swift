/// Where everything landed in the finished programme, in samples at `sampleRate`.
/// The WAV's cue points, the chapters JSON and the transcripts are all written from this one record.
public struct Timeline: Codable, Sendable, Equatable {
    public var sampleRate: Int
    public var totalSamples: Int
    public var chapters: [Chapter]
    /// One per spoken source token, in order.
    public var words: [TimedText]
    /// One per sentence, in order.
    public var sentences: [TimedText]

    public init(sampleRate: Int, totalSamples: Int = 0, chapters: [Chapter] = [],
                words: [TimedText] = [], sentences: [TimedText] = []) {
        self.sampleRate = sampleRate
        self.totalSamples = totalSamples
        self.chapters = chapters
        self.words = words
        self.sentences = sentences
    }

    public var duration: Double { Double(totalSamples) / Double(sampleRate) }

    public func seconds(_ sample: Int) -> Double { Double(sample) / Double(sampleRate) }
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
}
