import EditionCore
import Foundation
import Reading

/// Where an article comes from: a file (or "-" for standard input), bytes already in hand (a
/// request body, a CMS export) with an optional format hint, or an article already read.
public enum ArticleSource: Sendable {
    case file(String)
    case bytes(Data, name: String, format: ArticleFormat? = nil)
    case article(Article, name: String)

    /// How messages and reports name it: the path, "stdin", or the name given.
    public var name: String {
        switch self {
        case .file(let path): return path == "-" ? "stdin" : path
        case .bytes(_, let name, _), .article(_, let name): return name
        }
    }

    /// The article and the bytes it was read from (nil for an article given as a value).
    func read() throws -> (Article, Data?) {
        let reader = ArticleReader()
        switch self {
        case .file(let path):
            let data = try reader.load(path: path)
            return (try reader.read(data, name: name), data)
        case .bytes(let data, let name, let format):
            return (try reader.read(data, name: name, format: format), data)
        case .article(var article, let name):
            // A caller's article (the speech route's text) may not say its language: its letters do.
            if article.language == nil { ArticleLanguage.settle(&article, name: name) }
            return (article, nil)
        }
    }
}
