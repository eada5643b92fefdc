import EditionCore
import Foundation
import Reading
import XCTest

final class MarkupReaderTests: XCTestCase {
    func fixture(_ name: String) throws -> Article {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try ArticleReader().read(path: url.path)
    }

    func testMarkdownWithFrontMatter() throws {
        let a = try fixture("front-matter.md")
        XCTAssertEqual(a.headline, "Council backs new bridge")
        XCTAssertEqual(a.authors, ["Ann Lee", "Bo Park"])
        XCTAssertEqual(a.published?.text, "2026-11-20")
        XCTAssertNotNil(a.published?.date)
        XCTAssertEqual(a.sourceURL, "https://example.org/bridge")
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Cost"])
        XCTAssertEqual(a.blocks.map(\.kind), [.paragraph, .quote, .listItem, .listItem])
        XCTAssertEqual(a.blocks[0].text, "The council voted narrowly to build the bridge.", "emphasis dropped, link becomes its text")
        XCTAssertEqual(Set(a.removed.map(\.reason)), ["image", "code block"])
    }

    func testHTMLWithAnArticleElement() throws {
        let a = try fixture("article-page.html")
        XCTAssertEqual(a.headline, "Storm hits the coast")
        XCTAssertEqual(a.authors, ["Ann Lee", "Bo Park"])
        XCTAssertEqual(a.published?.date, ISO8601DateFormatter().date(from: "2026-11-21T07:30:00Z"))
        XCTAssertEqual(a.sourceURL, "https://example.org/storm")
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Damage"])
        XCTAssertEqual(a.blocks.map(\.text), ["A storm hit the coast on Friday & closed roads.", "Roofs were torn off in two towns."])
        // "<time>Nov 21</time>" on its own line is a date line (it used to vanish unrecorded).
        XCTAssertEqual(Set(a.removed.map(\.reason)), ["navigation", "page header", "page footer", "figure and caption", "share widget", "script", "aside", "date line"])
    }

    func testHTMLWithoutArticleOrMainFindsTheDensestBlock() throws {
        let a = try fixture("no-article-element.html")
        XCTAssertEqual(a.headline, "Rates rise again")
        XCTAssertEqual(a.blocks.count, 3)
        XCTAssertEqual(a.sections.last?.heading, "What comes next")
        XCTAssertTrue(a.removed.contains { $0.text.contains("Sign up for our newsletter") })
        XCTAssertTrue(a.removed.contains { $0.text == "Contact us" })
    }

    func testHostileHTML() throws {
        let reader = ArticleReader()
        XCTAssertThrowsError(try reader.read(Data("<html><body><script>x()</script></body></html>".utf8), name: "empty.html")) {
            XCTAssertTrue($0.localizedDescription.contains("empty.html"), $0.localizedDescription)
        }
        XCTAssertThrowsError(try reader.read(Data("<html><body><nav>Home</nav><footer>Contact</footer></body></html>".utf8), name: "furniture.html"))
        // Deeply nested and unclosed tags: recovered, never a crash.
        let deep = "<html><body><article><h1>Deep</h1>" + String(repeating: "<div>", count: 100_000) + "<p>Bottom text.</p>"
        // libxml2 stops descending at its depth limit: a clear error or a partial article, never a crash.
        do {
            let article = try reader.read(Data(deep.utf8), name: "deep.html")
            XCTAssertEqual(article.headline, "Deep")
        } catch let error as ReadingError {
            XCTAssertTrue(error.localizedDescription.hasPrefix("deep.html: "), error.localizedDescription)
        }
        let unclosed = "<html><body><article><h1>Open<p>First para<p>Second para<div><span>"
        XCTAssertNoThrow(try reader.read(Data(unclosed.utf8), name: "unclosed.html"))
        // A 20 MB page reads in one pass.
        let paragraph = "<p>" + String(repeating: "Word after word in a very long page. ", count: 50) + "</p>\n"
        let big = "<html><body><article><h1>Big page</h1>" + String(repeating: paragraph, count: 20_000_000 / paragraph.utf8.count) + "</article></body></html>"
        let bigArticle = try reader.read(Data(big.utf8), name: "big.html")
        XCTAssertGreaterThan(bigArticle.blocks.count, 10_000)
    }
}
