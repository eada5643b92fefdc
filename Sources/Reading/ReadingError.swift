import EditionCore
import Foundation

/// Why an input could not be read as an article. Each message names the input and the problem.
public enum ReadingError: LocalizedError, Equatable {
    case missing(String)
    case unreadable(String, String)
    case empty(String)
    case binary(String)
    case noText(String)
    /// Every line was furniture: how many, and why (each reason once, in order).
    case onlyFurniture(String, Int, reasons: [String])
    /// HTML elements nested deeper than the limit: a broken or hostile page.
    case tooDeep(String, Int)
    /// An HTML page that is not one story: a front page, search results, an error page (the
    /// second value says what it looks like and why).
    case noArticle(String, String)

    public var errorDescription: String? {
        switch self {
        case .missing(let name): return "\(name): no such file"
        case .unreadable(let name, let why): return "\(name): cannot be read (\(why))"
        case .empty(let name): return "\(name): the file is empty or holds only whitespace"
        case .binary(let name): return "\(name): this looks like binary data, not an article"
        case .noText(let name): return "\(name): no article text found (only site furniture or markup)"
        case .tooDeep(let name, let limit):
            return "\(name): the HTML nests elements more than \(limit) levels deep; it is broken or not an article page"
        case .noArticle(let name, let why):
            return "\(name): this page has no article to read; it looks like \(why). Save the story's own page instead"
        case .onlyFurniture(let name, let n, let reasons):
            // `edition script` fails on the same input, so the reasons are said here.
            let shown = reasons.prefix(4).joined(separator: ", ") + (reasons.count > 4 ? ", …" : "")
            return "\(name): nothing but site furniture (\(n) line\(n == 1 ? "" : "s") removed: \(shown))"
        }
    }

    /// The error for a text whose lines were all `removed` (or none, when there was nothing).
    static func nothingLeft(_ name: String, removed: [RemovedLine]) -> ReadingError {
        guard !removed.isEmpty else { return .noText(name) }
        var reasons: [String] = []
        for line in removed where !reasons.contains(line.reason) { reasons.append(line.reason) }
        return .onlyFurniture(name, removed.count, reasons: reasons)
    }
}
