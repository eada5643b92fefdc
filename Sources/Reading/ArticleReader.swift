import EditionCore
import Foundation

/// Reads an input into an `Article`.
/// The format is chosen by extension, else by sniffing the content; every reader drops site
/// furniture and says why.
public struct ArticleReader: Sendable {
    public init() {}

    /// Reads a file, or standard input when `path` is "-".
    public func read(path: String) throws -> Article {
        let name = path == "-" ? "stdin" : path
        if path != "-", let article = try readStreaming(path: path, name: name) { return article }
        // The file's bytes go once decoded: a 20 MB page is not held twice while it is parsed.
        return try read(decoded: SourceText.decode(load(path: path), name: name), name: name, format: nil)
    }

    /// The raw bytes of a file, or of standard input when `path` is "-".
    public func load(path: String) throws -> Data {
        let data: Data
        if path == "-" {
            data = Self.standardInput
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
        try read(decoded: SourceText.decode(data, name: name), name: name, format: format)
    }

    private func read(decoded: SourceText.Decoded, name: String, format: ArticleFormat?) throws -> Article {
        let chosen = format ?? ArticleFormat(name: name) ?? ArticleFormat.sniff(decoded.text)
        var article: Article
        switch chosen {
        case .plainText: article = try ScrapedTextReader().read(decoded.text, name: name)
        case .markdown: article = try MarkdownReader().read(decoded.text, name: name)
        case .html: article = try HTMLReader().read(decoded.text, name: name)
        }
        article.warnings = decoded.warnings + article.warnings
        ArticleLanguage.settle(&article, name: name)
        return article
    }

    /// Standard input, read once: choosing the voice by the article's language reads an
    /// article before it is narrated.
    static let standardInput: Data = FileHandle.standardInput.readDataToEndOfFile()

    /// "notes/kyiv-power-cuts.txt" → "kyiv power cuts": the title of last resort.
    static func title(fromName name: String) -> String {
        let stem = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        let words = stem.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            .split(separator: " ").joined(separator: " ")
        return name == "stdin" || words.isEmpty ? "Untitled article" : words
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

    /// HTML if it opens with a tag and has page or block tags near the start (a bare
    /// "<div class=story>" fragment too); Markdown if it has front matter, ATX headings, code
    /// fences or [links](…); else text.
    static func sniff(_ text: String) -> ArticleFormat {
        let head = String(text.prefix(4096))
        if head.drop(while: \.isWhitespace).first == "<",
           head.range(of: #"<(?:!doctype\s+html|html|head|body|article|main|div|p|h1|meta)\b"#, options: [.regularExpression, .caseInsensitive]) != nil {
            return .html
        }
        let markdown = #"(?m)^(?:---\s*\n[A-Za-z_]+\s*:|#{1,6}\s+\S|```|~~~)|\[[^\]\n]+\]\([^)\s]+\)"#
        return head.range(of: markdown, options: .regularExpression) != nil ? .markdown : .plainText
    }
}
