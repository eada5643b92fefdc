import Foundation

/// Why an input could not be read as an article. Each message names the input and the problem.
public enum ReadingError: LocalizedError, Equatable {
    case missing(String)
    case unreadable(String, String)
    case empty(String)
    case binary(String)
    case noText(String)
    case onlyFurniture(String, Int)
    /// HTML elements nested deeper than the limit: a broken or hostile page.
    case tooDeep(String, Int)

    public var errorDescription: String? {
        switch self {
        case .missing(let name): return "\(name): no such file"
        case .unreadable(let name, let why): return "\(name): cannot be read (\(why))"
        case .empty(let name): return "\(name): the file is empty or holds only whitespace"
        case .binary(let name): return "\(name): this looks like binary data, not an article"
        case .noText(let name): return "\(name): no article text found (only site furniture or markup)"
        case .tooDeep(let name, let limit):
            return "\(name): the HTML nests elements more than \(limit) levels deep; it is broken or not an article page"
        case .onlyFurniture(let name, let n): return "\(name): nothing but site furniture (\(n) line\(n == 1 ? "" : "s") removed; see `edition script --json`)"
        }
    }
}
