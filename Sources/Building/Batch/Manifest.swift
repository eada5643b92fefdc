import Foundation

public enum BuildError: LocalizedError, Equatable {
    case source(String, String)
    case nothingToBuild
    case shard(String)

    public var errorDescription: String? {
        switch self {
        case .source(let path, let why): return "\(path): \(why)"
        case .nothingToBuild: return "no articles found in the sources given"
        case .shard(let why): return why
        }
    }
}
