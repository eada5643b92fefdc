import Foundation

public enum MasteringError: LocalizedError {
    case resampler(String)
    /// The programme (its title, and length in seconds) has nothing above the loudness gate.
    case silent(title: String, seconds: Double)
    case audioFile(String, String)
    /// libebur128 refused to start a meter or to take audio (the reason, with its code).
    case meter(String)

    public var errorDescription: String? {
        switch self {
        case .resampler(let why): return "resampling failed: \(why)"
        case .silent(let title, let seconds):
            return "'\(title)' is silent (\(String(format: "%.1f", seconds)) s of audio, nothing louder than −70 LUFS); there is nothing to master"
        case .audioFile(let path, let why): return "\(path): \(why)"
        case .meter(let why): return "loudness measurement failed: \(why)"
        }
    }
}
