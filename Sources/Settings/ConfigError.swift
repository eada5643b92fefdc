import Foundation

/// What is wrong with a config file (a voice profile, a build manifest, a podcast config):
/// the file as messages call it, the line when known, and the problem, which names the key:
///
///     Voices/en-us-news.yaml:14: unknown key `pauses.sentance`; did you mean `pauses.sentence`?
///     builds/morning.yaml:7: `editions.storyPause` must be a whole number (got "long")
public struct ConfigError: LocalizedError, Equatable, Sendable {
    public var file: String
    public var line: Int?
    public var problem: String

    public init(file: String, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var errorDescription: String? {
        if let line { return "\(file):\(line): \(problem)" }
        return "\(file): \(problem)"
    }
}
