import EditionCore
import Foundation

/// What to speak, and how: one chunk, or a run of chunks (a paragraph's) spoken one after
/// another by one speaker forked from the pristine engine. espeak-ng carries state from one
/// utterance to the next, so a chunk in a run sounds as it does after the chunks before it in
/// that run (the run is its context, and the cache key says so); a run costs one fork, where a
/// chunk each cost one (the fork, its page faults and exit were a tenth of espeak-ng's time).
public struct SynthesisJob: Sendable {
    public var texts: [String]
    public var settings: EngineSettings

    public init(text: String, settings: EngineSettings) {
        self.init(texts: [text], settings: settings)
    }

    /// `texts` must not be empty.
    public init(texts: [String], settings: EngineSettings) {
        precondition(!texts.isEmpty, "a job speaks at least one chunk")
        self.texts = texts
        self.settings = settings
    }
}

/// Why one attempt at a chunk gave no audio. Each costs that chunk, never the article, except
/// a voice espeak-ng does not have: no chunk in those settings could ever be spoken.
public enum ChunkFailure: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The process speaking it died: "killed by signal 6", "exited with status 1".
    case crashed(String)
    /// No answer within the chunk's deadline (`WorkerPool.deadline(for:)`); the speaker was killed.
    case timedOut(seconds: Double)
    /// espeak-ng reported an error, or the reply could not be read.
    case engine(String)
    /// espeak-ng has no voice of this name; `WorkerPool` turns it into `SynthesisError.unknownVoice`.
    case unknownVoice(String)

    public var description: String {
        switch self {
        case .crashed(let how): return "the engine crashed (\(how))"
        case .timedOut: return "the engine gave \(summary)"
        case .engine(let what): return "the engine failed (\(what))"
        case .unknownVoice: return summary
        }
    }

    /// The failure without "the engine …": "killed by signal 6", "no answer within 4.4 s".
    public var summary: String {
        switch self {
        case .crashed(let how): return how
        case .timedOut(let seconds): return "no answer within \(Self.seconds(seconds)) s"
        case .engine(let what): return what
        case .unknownVoice(let name): return SynthesisError.unknownVoice(name).errorDescription ?? name
        }
    }

    private static func seconds(_ value: Double) -> String {
        String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), value)
    }
}

/// A chunk's audio, and what stands in for it when the engine could not speak it as written.
public struct SynthesisOutcome: Sendable {
    /// Where the take comes from.
    public enum Source: Sendable, Equatable {
        /// The chunk as written.
        case spoken
        /// The first attempt failed; this is the chunk in its sanitized form (`ChunkSanitizer`).
        case sanitizedRetry
        /// Both attempts failed; `WorkerPool.standInMilliseconds` of silence.
        case silence
    }

    public var take: Take
    /// What happened to the first attempt; nil when the chunk was spoken as written.
    public var failure: ChunkFailure?
    /// What happened to the sanitized retry, when silence stands in.
    public var retryFailure: ChunkFailure?
    public var source: Source
    /// Its job was a run that failed, and this chunk was spoken on its own: its take is not the
    /// one the run gives (after the chunks before it), so it must not be kept under the run's key.
    public var outOfRun = false
    /// The worker process that spoke the take (for tests: which slot spoke what).
    var speaker: Int32?

    init(take: Take, failure: ChunkFailure? = nil, retryFailure: ChunkFailure? = nil, source: Source = .spoken,
         speaker: Int32? = nil) {
        self.take = take
        self.failure = failure
        self.retryFailure = retryFailure
        self.source = source
        self.speaker = speaker
    }

    /// A line for the episode's warnings; nil when the chunk was spoken as written.
    public var warning: String? {
        guard let failure else { return nil }
        switch source {
        case .spoken: return "\(failure)"
        case .sanitizedRetry: return "\(failure); retried in a sanitized form"
        case .silence:
            let retry = retryFailure.map { " (\($0.summary))" } ?? ""
            return "\(failure); the sanitized retry failed too\(retry); "
                + "\(WorkerPool.standInMilliseconds) ms of silence stands in"
        }
    }
}
