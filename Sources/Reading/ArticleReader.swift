import EditionCore
import Foundation

/// Reads an input into an `Article`.
/// Plain and scraped text go through `ScrapedTextReader`, which drops site furniture and says why.
public struct ArticleReader: Sendable {
    public init() {}

    /// Reads a file, or standard input when `path` is "-".
    public func read(path: String) throws -> Article {
        try read(load(path: path), name: path == "-" ? "stdin" : path)
    }

    /// The raw bytes of a file, or of standard input when `path` is "-".
    public func load(path: String) throws -> Data {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReadingError.missing(path)
            }
            if isDirectory.boolValue { throw ReadingError.unreadable(path, "it is a folder") }
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw ReadingError.unreadable(path, error.localizedDescription)
            }
        }
        return data
    }

    public func read(_ data: Data, name: String) throws -> Article {
        let decoded = try SourceText.decode(data, name: name)
        var article = try ScrapedTextReader().read(decoded.text, name: name)
        article.warnings = decoded.warnings + article.warnings
        return article
    }
}
