import Foundation

/// What stops a whole run. A chunk's own failures are `ChunkFailure`s, inside its outcome.
public enum SynthesisError: LocalizedError, Equatable {
    case engine(String)
    case unknownVoice(String)
    case workerStart(String)
    case shutDown
    case streamClosed

    public var errorDescription: String? {
        switch self {
        case .engine(let what): return "espeak-ng failed to \(what)"
        case .unknownVoice(let name): return "espeak-ng has no voice named '\(name)' (see `espeak-ng --voices`)"
        case .workerStart(let why): return "could not start a synthesis worker: \(why)"
        case .shutDown: return "the synthesis workers were shut down before the chunk was spoken"
        case .streamClosed: return "the synthesis stream was closed before the chunk was spoken"
        }
    }
}
