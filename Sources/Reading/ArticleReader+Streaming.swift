import EditionCore
import Foundation

extension ArticleReader {
    /// Above this size an HTML file is read a piece at a time: the page is never held whole,
    /// only what the reader keeps of it.
    static let streamingSize = 1 << 20
    static let pieceSize = 1 << 18

    /// An HTML file longer than `streamingSize`, read as it streams from the disk; nil for any
    /// other input, read whole as before.
    func readStreaming(path: String, name: String) throws -> Article? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = (attributes[.size] as? NSNumber)?.intValue, size > Self.streamingSize else { return nil }
        if ArticleFormat(name: name) == nil {
            // No extension to go by: the format is sniffed from the page's start, as `read` would.
            guard let handle = FileHandle(forReadingAtPath: path), let head = try handle.read(upToCount: Self.pieceSize) else { return nil }
            var decoder = SourceText.ChunkDecoder(name: name)
            guard ArticleFormat.sniff(String(decoding: try decoder.decode(Array(head), last: false), as: UTF8.self)) == .html else { return nil }
        } else if ArticleFormat(name: name) != .html {
            return nil
        }
        var warnings: [String] = []
        var article = try HTMLReader().read(name: name) {
            // Each parse (a second one when the pruned page is not enough) reads the file afresh.
            guard let handle = FileHandle(forReadingAtPath: path) else { throw ReadingError.unreadable(path, "it could not be opened") }
            var decoder = SourceText.ChunkDecoder(name: name)
            var done = false
            return {
                if done { return nil }
                guard let piece = try handle.read(upToCount: Self.pieceSize), !piece.isEmpty else {
                    done = true
                    let rest = try decoder.decode([], last: true)
                    warnings = try decoder.finish()
                    return rest
                }
                return try decoder.decode(Array(piece), last: false)
            }
        }
        article.warnings = warnings + article.warnings
        ArticleLanguage.settle(&article, name: name)
        return article
    }
}
