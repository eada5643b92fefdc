/// What the engine returned for one chunk: mono 16-bit PCM and the word events inside it.
public struct Take: Sendable, Equatable {
    public var sampleRate: Int
    public var samples: [Int16]
    /// Word events, positions relative to `samples`.
    public var words: [WordEvent]

    public init(sampleRate: Int, samples: [Int16], words: [WordEvent]) {
        self.sampleRate = sampleRate
        self.samples = samples
        self.words = words
    }

    /// A stand-in for a chunk the engine could not speak.
    public static func silence(milliseconds: Int, sampleRate: Int) -> Take {
        Take(sampleRate: sampleRate, samples: [Int16](repeating: 0, count: milliseconds * sampleRate / 1000), words: [])
    }

    /// Drops the engine's own leading and trailing silence, so the pauses between chunks are
    /// exactly what the pause plan says. Word events move with the audio.
    public func trimmed(threshold: Int16 = 200) -> Take {
        let kept = trimRange(threshold: threshold)
        return Take(sampleRate: sampleRate, samples: Array(samples[kept]), words: words(trimmedTo: kept))
    }

    /// The samples `trimmed` keeps: from 2 ms before the first sample above `threshold` (so the
    /// first consonant is not clipped) to 2 ms after the last; empty for silence.
    public func trimRange(threshold: Int16 = 200) -> Range<Int> {
        guard let first = samples.firstIndex(where: { abs(Int($0)) > Int(threshold) }),
              let last = samples.lastIndex(where: { abs(Int($0)) > Int(threshold) }) else { return 0..<0 }
        return max(0, first - sampleRate / 500)..<min(samples.count, last + 1 + sampleRate / 500)
    }

    /// Word events moved to a take cut to `kept`, each clamped into it.
    public func words(trimmedTo kept: Range<Int>) -> [WordEvent] {
        words.map { WordEvent($0, sample: min(max(0, $0.sample - kept.lowerBound), kept.count)) }
    }
}

/// espeak-ng's WORD event: where a word starts in the chunk's text (0-based Unicode scalar
/// offset) and at which sample it starts being spoken.
public struct WordEvent: Sendable, Equatable, Codable {
    public var textPosition: Int
    public var length: Int
    public var sample: Int

    public init(textPosition: Int, length: Int, sample: Int) {
        self.textPosition = textPosition
        self.length = length
        self.sample = sample
    }

    init(_ other: WordEvent, sample: Int) {
        self.init(textPosition: other.textPosition, length: other.length, sample: sample)
    }
}
