/// A named point on the programme's timeline. `start` is in samples at the programme's rate,
/// so WAV cue points, chapters JSON and ID3 CHAP frames all derive from one number.
public struct Chapter: Codable, Sendable, Equatable {
    public var title: String
    public var start: Int

    public init(title: String, start: Int) {
        self.title = title
        self.start = start
    }

    public func startTime(sampleRate: Int) -> Double { Double(start) / Double(sampleRate) }
}
