import EditionCore
import Foundation
import Reading
import XCTest

final class ScrapedTextReaderTests: XCTestCase {
    func fixture(_ name: String) throws -> Article {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures"))
        return try ArticleReader().read(path: url.path)
    }

    func testTheSeedArticle() throws {
        let article = try fixture("seed-kyiv-independent")
        XCTAssertEqual(article.headline, "Anti-Kremlin militia claims fighting ongoing in Belgorod Oblast")
        XCTAssertEqual(article.authors, ["Chris York", "The Kyiv Independent news desk"])
        XCTAssertEqual(article.published?.text, "March 19, 2024 5:31 PM")
        XCTAssertEqual(article.published?.date, ISO8601DateFormatter().date(from: "2024-03-19T17:31:00Z"))
        let reasons = Dictionary(grouping: article.removed, by: \.reason).mapValues { $0.map(\.text) }
        XCTAssertEqual(reasons["category and tag line"]?.first?.hasPrefix("News Feed, Russian Volunteer Corps"), true)
        XCTAssertEqual(reasons["editing link"], ["Edit post"])
        XCTAssertEqual(reasons["photo caption"]?.count, 1)
        XCTAssertEqual(reasons["AI disclosure"], ["This audio is created with AI assistance"])
        XCTAssertEqual(reasons["byline"]?.count, 1)
        XCTAssertEqual(reasons["page furniture after the article"], ["Authors: Chris York, The Kyiv Independent news desk", "Comments", "Editors' Picks"])
        // Every body paragraph survives word for word.
        let source = try String(contentsOf: try XCTUnwrap(Bundle.module.url(forResource: "seed-kyiv-independent", withExtension: "txt", subdirectory: "Fixtures")), encoding: .utf8)
        let bodies = source.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { $0.split(separator: " ").count > 12 && !$0.contains("\n") && !$0.hasPrefix("by ") }
        XCTAssertEqual(article.blocks.map(\.text), bodies)
        XCTAssertEqual(article.blocks.count, 11)
    }

    func testNoBylineAndFurnitureInTheMiddle() throws {
        let article = try fixture("no-byline-furniture-middle")
        XCTAssertEqual(article.headline, "Polls open across the region as turnout climbs")
        XCTAssertEqual(article.authors, [])
        XCTAssertNil(article.published)
        XCTAssertEqual(article.blocks.map(\.text), [
            "Voters queued before dawn in several cities on Sunday, officials said.",
            "Turnout reached 41 percent by noon, up from 35 percent four years ago.",
            "Results are expected after midnight.",
        ])
        XCTAssertEqual(Set(article.removed.map(\.reason)),
                       ["category and tag line", "site furniture", "read-also link", "newsletter or subscription plug"])
    }

    func testSeveralAuthorsAndNoCaption() throws {
        let article = try fixture("several-authors-no-caption")
        XCTAssertEqual(article.authors, ["Anna Kovalenko", "Mark Ellis", "Olena Shevchenko"])
        XCTAssertEqual(article.published?.text, "Feb. 3, 2025 8:15 AM")
        XCTAssertNotNil(article.published?.date)
        XCTAssertEqual(article.blocks.count, 2)
        XCTAssertFalse(article.removed.contains { $0.reason == "photo caption" })
        XCTAssertEqual(article.removed.filter { $0.reason == "site furniture" || $0.reason == "newsletter or subscription plug" }.count, 2)
    }

    func testAFileOfNothingButFurnitureIsAClearError() throws {
        XCTAssertThrowsError(try fixture("only-furniture")) { error in
            XCTAssertTrue(error.localizedDescription.contains("nothing but site furniture") || error.localizedDescription.contains("no article text"),
                          error.localizedDescription)
        }
    }

    func testNothingIsDroppedSilently() throws {
        for name in ["seed-kyiv-independent", "no-byline-furniture-middle", "several-authors-no-caption"] {
            let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures"))
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let article = try ArticleReader().read(path: url.path)
            let kept = [article.headline] + article.blocks.map(\.text)
            for line in lines {
                XCTAssertTrue(kept.contains { $0.contains(line) } || article.removed.contains { $0.text == line }, "\(name): '\(line)' vanished")
            }
        }
    }
}
