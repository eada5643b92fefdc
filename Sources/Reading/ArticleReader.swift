import EditionCore
import Foundation

/// Reads an input into an `Article`.
/// For now: the first non-empty line is the headline, blank-line-separated blocks are paragraphs.
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
        var article = try readPlainText(decoded.text, name: name)
        article.warnings = decoded.warnings + article.warnings
        return article
    }

    func readPlainText(_ text: String, name: String) throws -> Article {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var blocks: [String] = []
        var current: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { blocks.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
        guard let first = blocks.first else { throw ReadingError.noText(name) }
        // The headline is the first line of the first block; the rest of that block is body.
        let firstLines = normalized.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let headline = firstLines.first { !$0.isEmpty } ?? first
        var body = blocks
        if first == headline { body.removeFirst() } else {
            body[0] = String(first.dropFirst(headline.count)).trimmingCharacters(in: .whitespaces)
        }
        return Article(headline: headline, sections: [Section(blocks: body.map { Block(.paragraph, $0) })])
    }
}
