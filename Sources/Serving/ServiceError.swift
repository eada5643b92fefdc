import Foundation

/// What the service's setup and its CLI commands report: a sentence a person can act on.
public enum ServiceError: LocalizedError, Equatable {
    case dataDirectory(String, String)
    case database(String, String)
    case inUse(String)
    case invalid(String)

    public var errorDescription: String? {
        switch self {
        case .dataDirectory(let path, let why): return "\(path): cannot use it as the data folder (\(why))"
        case .database(let path, let why): return "\(path)/edition.sqlite: \(why)"
        case .inUse(let path): return "\(path) is in use by another `edition serve`; stop it or give another --data folder"
        case .invalid(let why): return why
        }
    }
}
