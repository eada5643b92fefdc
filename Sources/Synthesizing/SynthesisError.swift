import Foundation

public enum SynthesisError: LocalizedError, Equatable {
    case engine(String)
    case unknownVoice(String)
    case workerStart(String)
    case workerDied(String)
    case protocolViolation(String)

    public var errorDescription: String? {
        switch self {
        case .engine(let what): return "espeak-ng failed to \(what)"
        case .unknownVoice(let name): return "espeak-ng has no voice named '\(name)' (see `espeak-ng --voices`)"
        case .workerStart(let why): return "could not start a synthesis worker: \(why)"
        case .workerDied(let why): return "the synthesis worker died: \(why)"
        case .protocolViolation(let why): return "the synthesis worker sent something unexpected: \(why)"
        }
    }
}
