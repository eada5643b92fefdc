import EditionCore
import Foundation
import XCTest
@testable import Reading

/// Markdown with a headline repeated under front matter, quotes over several lines, setext
/// headings and a byline line. Ported from the `reading` branch's MarkdownReaderTests.
final class MarkdownLayoutTests: XCTestCase {
    func testFrontMatterAndBlocks() throws {
        let article = try Fixture.read("front-matter-full.md")
        XCTAssertEqual(article.headline, "Drone strike hits oil depot in Russia's Bryansk Oblast")
        XCTAssertEqual(article.authors, ["Kateryna Hodunova", "The Kyiv Independent news desk"])
        XCTAssertEqual(article.sourceURL, "https://example.com/news/drone-strike-bryansk")
        XCTAssertEqual(article.published?.hasTime, true)
        XCTAssertEqual(utcParts(article.published?.date), [2024, 3, 19, 6, 45])
        assertBody(article, [
            "A drone attack caused a fire at an oil depot in Russia's Bryansk Oblast early on March 19, the region's governor said on Telegram.",
            "No casualties were reported, according to the governor, Alexander Bogomaz.",
            "## Background",
            "Ukraine has stepped up attacks on Russian energy facilities since January. Officials in Kyiv have said the strikes are meant to cut the fuel supply of Russia's army.",
            "> The goal is to reduce the economic potential of the enemy, one Ukrainian intelligence source said.",
            "Recent targets include:",
            "- refineries in Krasnodar Krai,",
            "- oil terminals on the Baltic coast, and",
            "- fuel depots near the border.",
            "Russia's Defense Ministry said it had shot down 35 drones overnight.",
        ])
        assertRemoved(article, "# Drone strike hits oil depot in Russia's Bryansk Oblast", reason: "repeats the headline")
        assertRemoved(article, "![Smoke rises over the depot](https://example.com/depot.jpg)", reason: "image")
        assertRemoved(article, "<!-- editor: check the casualty figure before publishing -->", reason: "HTML comment")
        assertRemoved(article, "curl https://example.com/api/strikes", reason: "code block")
        assertRemoved(article, "Advertisement", reason: "site furniture")
    }

    func testSetextHeadingsAndBylineWithoutFrontMatter() throws {
        let article = try Fixture.read("plain.md")
        XCTAssertEqual(article.headline, "Court orders release of detained journalist")
        XCTAssertEqual(article.authors, ["Jane Doe"])
        XCTAssertEqual(utcParts(article.published?.date), [2024, 5, 3, 0, 0])
        XCTAssertEqual(article.published?.hasTime, false)
        assertBody(article, [
            "A court in Tbilisi on May 3 ordered the release of a journalist who was detained while covering protests, her lawyer said.",
            "The journalist, who works for an independent news site, had been held for two days on charges of disobeying police.",
            "## Next steps",
            "Prosecutors have 10 days to appeal the ruling.",
            "The lawyer said her client would return to work \"as soon as possible\".",
        ])
        assertRemoved(article, "By Jane Doe · 3 May 2024", reason: "byline")
        assertRemoved(article, "Read also: [Protests continue over foreign agents bill](https://example.com/protests)", reason: "read-also link")
    }

    func testInlineMarkup() {
        let text = MarkdownReader.inline(#"**Bold** and _em_ text, `code_span`, snake_case, \*literal\*, [link](http://x) &amp; <b>tag</b> ![pic](p.png)"#)
        XCTAssertEqual(text, "Bold and em text, code_span, snake_case, *literal*, link & tag")
    }
}
