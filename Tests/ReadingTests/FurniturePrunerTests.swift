import EditionCore
import Foundation
import XCTest
@testable import Reading

/// The parser frees furniture as it closes (`FurniturePruner`), and long pages are read from
/// their file a piece at a time: neither may change what is read.
final class FurniturePrunerTests: XCTestCase {
    private static let story = (1...6).map {
        "<p>Paragraph \($0) of the story, long enough to be read as prose, with a comma, and another clause here.</p>"
    }.joined()

    private static func comments(_ count: Int) -> String {
        (1...count).map { n in
            "<div class=\"comment\" id=\"c\(n)\"><a class=\"comment__author\" href=\"/u/\(n)\">reader\(n)</a> "
                + "<time datetime=\"2019-11-18T10:\(n % 60):00Z\">18 Nov</time><p>Comment \(n), which says rather a lot, "
                + "at length, about the story above.</p><button>Reply</button></div>"
        }.joined()
    }

    private static func page(comments count: Int) -> String {
        """
        <html><head><title>Site name</title>
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": "The real headline",
         "author": {"name": "Jane Reporter"}, "datePublished": "2019-11-18T09:00:00Z"}</script>
        <script>var tracking = "<p>not a paragraph</p>";</script><style>p { color: red }</style></head>
        <body><nav><a href="/">Home</a><a href="/world">World</a></nav>
        <div class="main"><h1>The real headline</h1>\(story)</div>
        <aside class="related"><h2><a href="/a">Another story</a></h2><h2><a href="/b">A third</a></h2></aside>
        <section id="comments" class="discussion"><h2>Comments</h2>\(comments(count))</section>
        <footer>Contact us</footer></body></html>
        """
    }

    private func assertSame(_ a: Article, _ b: Article, file: StaticString = #filePath, line: UInt = #line) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        XCTAssertEqual(String(decoding: try encoder.encode(a), as: UTF8.self), String(decoding: try encoder.encode(b), as: UTF8.self),
                       file: file, line: line)
    }

    func testPruningReadsTheSameArticle() throws {
        let page = Self.page(comments: 300)
        let document = try HTMLDocument(page, name: "page.html")
        XCTAssertEqual(document.pruner?.hasPruned, true)
        let pruned = try HTMLReader().read(page, name: "page.html")
        try assertSame(pruned, try HTMLReader().read(page, name: "page.html", pruning: false))
        // The JSON-LD script is kept while the other script is freed.
        XCTAssertEqual(pruned.headline, "The real headline")
        XCTAssertEqual(pruned.authors, ["Jane Reporter"])
        XCTAssertEqual(pruned.blocks.count, 6)
        XCTAssertTrue(pruned.removed.contains { $0.text.hasPrefix("Comments Comment 1") || $0.text.hasPrefix("Comments reader1") },
                      "\(pruned.removed.map(\.text))")
    }

    /// A widget's class on the block holding the story does not drop it: the reader needs what
    /// the parser pruned, and reads the page again whole.
    func testStoryInsideAWidgetIsReadWhole() throws {
        let page = "<html><body><article><h1>Headline</h1><div class=\"share-tools\">\(Self.story)</div></article></body></html>"
        let article = try HTMLReader().read(page, name: "widget.html")
        try assertSame(article, try HTMLReader().read(page, name: "widget.html", pruning: false))
        XCTAssertEqual(article.blocks.count, 6)
    }

    func testLongPageIsStreamedFromItsFile() throws {
        var bytes = Array(Self.page(comments: 6_000).utf8)
        XCTAssertGreaterThan(bytes.count, ArticleReader.streamingSize)
        // A character across a piece boundary, bytes that are not UTF-8, and a control character.
        let cut = ArticleReader.pieceSize - 1
        bytes.insert(contentsOf: Array("<p>Caf\u{E9} \u{1}".utf8) + [0xFF], at: bytes.firstIndex(of: UInt8(ascii: "<"))!)
        bytes.replaceSubrange(cut..<cut + 1, with: Array("\u{20AC}".utf8))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString).html")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let streamed = try ArticleReader().read(path: url.path)
        try assertSame(streamed, try ArticleReader().read(try Data(contentsOf: url), name: url.path))
        XCTAssertEqual(streamed.headline, "The real headline")
        XCTAssertTrue(streamed.warnings.contains { $0.contains("invalid UTF-8 replaced (1 sequence)") }, "\(streamed.warnings)")
        XCTAssertTrue(streamed.warnings.contains { $0.contains("control characters removed") }, "\(streamed.warnings)")
    }

    func testPiecesKeepCharactersWhole() throws {
        var decoder = SourceText.ChunkDecoder(name: "x.html")
        let euro = Array("\u{20AC}".utf8)
        let first = try decoder.decode(Array("<p>".utf8) + euro.prefix(2), last: false)
        let second = try decoder.decode(Array(euro.suffix(1)) + Array("</p>".utf8), last: true)
        XCTAssertEqual(String(decoding: first + second, as: UTF8.self), "<p>\u{20AC}</p>")
        XCTAssertEqual(try decoder.finish(), [])
    }
}
