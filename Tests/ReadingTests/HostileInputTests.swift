import EditionCore
import Foundation
import XCTest
@testable import Reading

/// Bad input gets a clear message (a typed `ReadingError`) or a valid article, never a crash.
/// How fast the big inputs are read is measured by Benchmarks/hostile-input.sh, not here.
/// Ported from the `reading` branch's BadInputTests.
final class HostileInputTests: XCTestCase {
    private func read(_ text: String, name: String) throws -> Article {
        try ArticleReader().read(Data(text.utf8), name: name)
    }

    private func assertError(_ expected: ReadingError, _ body: () throws -> Article,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? ReadingError, expected, file: file, line: line)
        }
    }

    /// Main records a page's scripts as removed lines, so a page of nothing but a script is
    /// "only furniture" (the branch said "no text"); either way a clear error naming the file.
    func testHTMLWithNoText() throws {
        assertError(.onlyFurniture(Fixture.url("empty.html").path, 1, reasons: ["script"])) { try Fixture.read("empty.html") }
        assertError(.noText("blank.html")) { try read("<html><body><div><span> </span></div></body></html>", name: "blank.html") }
    }

    func testHTMLWithOnlyChrome() {
        let page = "<html><body><nav>Home</nav><footer>Contact us</footer></body></html>"
        assertError(.onlyFurniture("chrome.html", 2, reasons: ["navigation", "page footer"])) { try read(page, name: "chrome.html") }
    }

    func testHeadlineWithoutBody() {
        XCTAssertThrowsError(try read("Only a headline here\n", name: "h.txt")) {
            XCTAssertTrue($0.localizedDescription.hasPrefix("h.txt: "), $0.localizedDescription)
        }
    }

    func testDeeplyNestedHTMLIsRefused() throws {
        let depth = 100_000
        let closed = "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>The story sits at the bottom of a very deep page.</p>" + String(repeating: "</div>", count: depth)
        // Stray end tags make libxml2 search every open element: quadratic without the limit.
        let stray = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Text.</p>"
            + String(repeating: "</span>", count: depth)
        for (name, page) in [("deep.html", closed), ("stray.html", stray)] {
            assertError(.tooDeep(name, HTMLDocument.maximumDepth)) { try read(page, name: name) }
        }
        XCTAssertEqual(ReadingError.tooDeep("deep.html", 2000).errorDescription,
                       "deep.html: the HTML nests elements more than 2000 levels deep; it is broken or not an article page")
    }

    /// libxml2's own limit (256 levels) would silently drop this text; ours lets it through.
    func testNestingBelowTheLimitIsRead() throws {
        let page = "<html><body><h1>Deep page</h1>" + String(repeating: "<div>", count: 1_500)
            + "<p>The story sits at the bottom of a deep page, but it is still read.</p>"
        let article = try read(page, name: "deep.html")
        XCTAssertEqual(article.blocks.map(\.text), ["The story sits at the bottom of a deep page, but it is still read."])
    }

    /// Thousands of sibling story blocks deep in a page: the content finder's merging and
    /// ancestry checks stay linear (they once compared every block with every other).
    func testManyDeepSiblingBlocks() throws {
        let block = "<div class='part'><p>Officials said on Tuesday that the repairs would take several more weeks, and that traffic would be diverted.</p></div>"
        let page = "<html><body><h1>Many parts</h1>" + String(repeating: "<div>", count: 1_500) + String(repeating: block, count: 20_000)
        let article = try read(page, name: "parts.html")
        XCTAssertEqual(article.blocks.count, 20_000)
    }

    func testUnclosedAndTruncatedTags() throws {
        let page = "<html><body><article><h1>Unclosed tags everywhere</h1>"
            + String(repeating: "<p>A paragraph that is never closed, and another one. <ul><li>An item <li>Another item</ul>", count: 5_000)
            + "<p>The page is cut off in the middle of a <a href=\"/x"
        let article = try read(page, name: "unclosed.html")
        XCTAssertEqual(article.headline, "Unclosed tags everywhere")
        XCTAssertEqual(article.blocks.count, 15_001)
        XCTAssertEqual(article.blocks[1], Block(.listItem, "An item"))
    }

    func testTwentyMegabytePageWithWidgets() throws {
        var page = "<html><head><title>A very long page</title></head><body><nav><a href='/'>Home</a></nav><article><h1>A very long page</h1>"
        let paragraph = "<p>Officials said on Tuesday that the repairs to the bridge would take several more weeks, and that traffic would be diverted through the city centre until then.</p>\n"
        let widget = "<div class='share'><a href='#'>Share</a></div><aside><a href='/x'>Another story</a></aside>\n"
        page.reserveCapacity(21_000_000)
        var count = 0
        while page.utf8.count < 20_000_000 {
            page += paragraph
            count += 1
            if count % 10 == 0 { page += widget }
        }
        page += "</article></body></html>"
        let article = try read(page, name: "huge.html")
        XCTAssertEqual(article.headline, "A very long page")
        XCTAssertEqual(article.blocks.count, count)
        XCTAssertTrue(article.blocks.allSatisfy { $0.kind == .paragraph && $0.text.hasPrefix("Officials said on Tuesday") })
    }

    func testBinaryAndEmpty() {
        assertError(.binary("x.bin")) { try ArticleReader().read(Data([0x00, 0x01, 0x02, 0xFF]), name: "x.bin") }
        assertError(.empty("e.txt")) { try read("  \n\n ", name: "e.txt") }
        // Binary without a NUL byte in the first 8 KB: mostly control bytes.
        let noise = Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 7 % 32) })
        assertError(.binary("noise.bin")) { try ArticleReader().read(noise, name: "noise.bin") }
    }

    /// A text file of one huge line and a Markdown file of 100,000 quote markers are read whole.
    func testHugeTextInputs() throws {
        let line = String(repeating: "word ", count: 2_000_000)
        let long = try read("Headline\n\n" + line + ".\n", name: "long.txt")
        XCTAssertEqual(long.headline, "Headline")
        XCTAssertEqual(long.blocks.count, 1)
        XCTAssertEqual(long.blocks.first?.kind, .paragraph)
        XCTAssertTrue(long.blocks.first?.text == line + ".", "the line is read whole, as written")

        let quotes = try read("# Headline\n\n" + String(repeating: ">", count: 100_000) + " quoted\n", name: "quotes.md")
        XCTAssertEqual(quotes.headline, "Headline")
        XCTAssertEqual(quotes.blocks, [Block(.quote, "quoted")])
    }

    /// Text pasted as one line with no punctuation is story, not a headline of a million words.
    func testOneUnpunctuatedLineIsTheStory() throws {
        let article = try read(String(repeating: "word ", count: 100_000) + "\n", name: "pasted-text.txt")
        XCTAssertEqual(article.headline, "pasted text")
        XCTAssertEqual(article.blocks.count, 1)
        XCTAssertEqual(article.blocks.first?.text.split(separator: " ").count, 100_000)
    }

    /// A whole article pasted as one line, its photo credit and tag list inside, is the story:
    /// the furniture rules are for short lines (the line was once dropped whole as a caption).
    func testAnArticleOnOneLineIsNotACaption() throws {
        let story = "News Feed, Russia, Fighting in Russia Edit post Fighters attend a presentation on May 24, 2023. "
            + "(Photo by Sergey Bobok/AFP via Getty Images) "
            + String(repeating: "The militia said fighting went on in the region for a third day. ", count: 40)
        let article = try read(story + "\n", name: "one-line.txt")
        XCTAssertEqual(article.blocks.count, 1)
        XCTAssertTrue(article.blocks.first?.text.hasPrefix("News Feed, Russia") == true)
        XCTAssertTrue(article.removed.isEmpty, "\(article.removed)")
        // The same credit on a line of its own is still a caption.
        let captioned = try read("Headline\n\n(Photo by Sergey Bobok/AFP via Getty Images)\n\n" + story + "\n", name: "captioned.txt")
        XCTAssertEqual(captioned.removed.map(\.reason), ["photo caption"])
    }
}
