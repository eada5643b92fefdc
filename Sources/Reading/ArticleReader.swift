import EditionCore
import Foundation

/// Reads an input into an `Article`.
/// The format is chosen by extension, else by sniffing the content; every reader drops site
/// furniture and says why.
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

    public func read(_ data: Data, name: String, format: ArticleFormat? = nil) throws -> Article {
        let decoded = try SourceText.decode(data, name: name)
        let chosen = format ?? ArticleFormat(name: name) ?? ArticleFormat.sniff(decoded.text)
        var article: Article
        switch chosen {
        case .plainText: article = try ScrapedTextReader().read(decoded.text, name: name)
        case .markdown: article = try MarkdownReader().read(decoded.text, name: name)
        case .html: article = try HTMLReader().read(Data(decoded.text.utf8), name: name)
        }
        article.warnings = decoded.warnings + article.warnings
        return article
    }
}

/// The kinds of input the reader understands.
public enum ArticleFormat: String, Sendable, CaseIterable {
    case plainText = "text", markdown, html

    /// By file extension; nil when the extension says nothing (stdin, .txt is sniffed too).
    init?(name: String) {
        switch URL(fileURLWithPath: name).pathExtension.lowercased() {
        case "md", "markdown": self = .markdown
        case "html", "htm", "xhtml": self = .html
        default: return nil
        }
    }

    /// HTML if it opens like a page; Markdown if it has front matter or ATX headings; else text.
    static func sniff(_ text: String) -> ArticleFormat {
        let head = text.prefix(2048).lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.contains("<body") || head.hasPrefix("<article") {
            return .html
        }
        if head.hasPrefix("---\n") || head.hasPrefix("# ") || head.contains("\n## ") { return .markdown }
        return .plainText
    }
}
