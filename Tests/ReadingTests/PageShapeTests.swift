import EditionCore
import Foundation
import XCTest
@testable import Reading

/// Whole pages in the shapes that defeat simple readers, written for these tests: a story only
/// in JSON-LD, a story split across containers, a block of other stories denser than a short
/// story, a caption before the headline, and pages with no story at all.
final class PageShapeTests: XCTestCase {
    func testStoryOnlyInJSONLD() throws {
        let article = try Fixture.read("page-jsonld-only.html")
        XCTAssertEqual(article.headline, "Ferry crews vote to strike over rotas")
        XCTAssertEqual(article.authors, ["Mira Patel"], "the publisher listed as an author is not a person")
        XCTAssertEqual(article.published?.timeZone, "+01:00")
        XCTAssertEqual(utcParts(article.published?.date), [2026, 3, 2, 7, 15])
        XCTAssertEqual(article.language, "en-GB")
        XCTAssertEqual(article.sourceURL, "https://harbour.example/news/ferry-crews-strike")
        XCTAssertEqual(article.standfirst, "Crews on the island routes say new rotas leave them too tired to work safely.")
        assertBody(article, [
            "Ferry crews on the three island routes voted on Sunday to strike for two days later this month, their union said.",
            "The crews say a new rota, brought in by the operator in January, leaves them with too little rest between long shifts.",
            "The operator said it would meet the union on Tuesday and that sailings would run as normal until then.",
        ])
        assertRemoved(article, "This site needs JavaScript to show its stories.", reason: "script")
    }

    func testStorySplitAcrossContainers() throws {
        let article = try Fixture.read("page-split-story.html")
        XCTAssertEqual(article.headline, "Council approves new tram line")
        XCTAssertEqual(article.authors, ["Tomas Berg"])
        XCTAssertEqual(article.language, "en")
        assertBody(article, [
            "The city council approved a new tram line on Wednesday, linking the railway station with the university and the new hospital, after a debate that lasted most of the day.",
            "The line, about seven kilometres long, will cost around 240 million euros, most of it paid by the national government, the council's transport committee said.",
            "Opponents argued that buses could serve the same route for a fraction of the price, and that the works would close the main shopping street for two years.",
            "## When work begins",
            "Construction is due to start next spring, and the first trams should run in 2030, if the tender for the vehicles is not delayed, officials said.",
            "- Length: about seven kilometres",
            "- Stops: fourteen",
            "The council will hold public meetings on the route in each district over the summer, and residents can send comments until the end of September.",
        ])
        assertRemoved(article, "Advertisement", reason: "ad-slot widget")
        assertRemoved(article, "By Tomas Berg", reason: "byline widget")
        XCTAssertTrue(article.removed.contains { $0.text.contains("Bus fares rise again") })
        XCTAssertTrue(article.warnings.isEmpty, "\(article.warnings)")
    }

    func testRelatedStoriesDenserThanAShortStory() throws {
        let article = try Fixture.read("page-dense-related.html")
        XCTAssertEqual(article.headline, "Library reopens after flood repairs", "not the site's name in the logo's <h1>")
        XCTAssertEqual(article.authors, ["June Okafor"], "meta author is the site's name, the rel=author link the person")
        XCTAssertEqual(article.published?.timeZone, "-05:00")
        XCTAssertEqual(utcParts(article.published?.date), [2026, 4, 11, 14, 30])
        assertBody(article, [
            "The central library reopened on Saturday, eight months after floodwater ruined its ground floor and most of its children's books.",
            "Staff said about 12,000 books had been replaced, many of them given by readers.",
        ])
        XCTAssertTrue(article.removed.contains { $0.text.contains("Farmers market moves to the square") })
    }

    func testCaptionBeforeTheHeadline() throws {
        let article = try Fixture.read("page-caption-first.html")
        XCTAssertEqual(article.headline, "Warehouse fire closes motorway for hours")
        assertBody(article, [
            "A fire at a furniture warehouse beside the motorway closed both carriageways for six hours on Tuesday night, as smoke drifted across the road.",
            "No one was hurt, the fire service said, and the cause of the fire is not yet known.",
        ])
        assertRemoved(article, "Firefighters at the warehouse on Tuesday night", reason: "caption widget")
        assertRemoved(article, "Photo: Ana Lindqvist", reason: "credit widget")
        assertRemoved(article, "Smoke over the motorway", reason: "figure and caption")
    }

    func testFrontPageIsRefused() {
        XCTAssertThrowsError(try ArticleReader().read(Data(try Fixture.text("page-front.html").utf8), name: "front.html")) { error in
            guard case .noArticle(let name, let why) = error as? ReadingError else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "front.html")
            XCTAssertTrue(why.hasPrefix("a list of stories"), why)
            XCTAssertTrue(error.localizedDescription.hasPrefix("front.html: this page has no article to read; it looks like a list of stories"),
                          error.localizedDescription)
        }
    }

    func testErrorAndSearchPagesAreRefused() {
        let notFound = "<html><head><title>Page not found | Valley Post</title></head><body><h1>Page not found</h1>"
            + "<p>Sorry, the page you were looking for has moved or no longer exists.</p><a href='/'>Home</a></body></html>"
        XCTAssertThrowsError(try ArticleReader().read(Data(notFound.utf8), name: "404.html")) {
            XCTAssertEqual($0 as? ReadingError, .noArticle("404.html", "an error page (“Page not found | Valley Post”)"))
        }
        let links = (1...20).map { "<li><a href='/\($0)'>Result number \($0) about trams</a></li>" }.joined()
        let search = "<html><head><title>Search results for trams</title></head><body><ul>\(links)</ul></body></html>"
        XCTAssertThrowsError(try ArticleReader().read(Data(search.utf8), name: "search.html")) {
            guard case .noArticle(_, let why) = $0 as? ReadingError else { return XCTFail("\($0)") }
            XCTAssertTrue(why.hasPrefix("search results"), why)
        }
    }

    /// Two blocks of prose that score alike: the story is read, with a warning naming the block chosen.
    func testUnsureChoiceIsReadWithAWarning() throws {
        let prose = "The committee met on Monday, and, after a long discussion, agreed to publish its report in June, its chair said."
        let short = "The report will be published in June, the chair said."
        let page = "<html><body><div id='first'><div><p>\(prose)</p><p>\(prose)</p></div></div>"
            + "<div id='second'><div><p>\(prose)</p><p>\(short)</p></div></div></body></html>"
        let article = try ArticleReader().read(Data(page.utf8), name: "two.html")
        XCTAssertEqual(article.blocks.count, 2)
        XCTAssertTrue(article.warnings.contains { $0.hasPrefix("two.html: unsure where the story is; read <div id=\"first\">") }, "\(article.warnings)")
    }

    func testLinkedDataIsReadWherePublishersPutIt() {
        let graph = #"{"@graph": [{"@type": "WebPage"}, {"@type": "http://schema.org/BlogPosting", "headline": " A post ", "author": "Jo Ray"}]}"#
        XCTAssertEqual(LinkedDataArticle.find(inScripts: ["not json", graph])?.headline, "A post")
        XCTAssertEqual(LinkedDataArticle.find(inScripts: [graph])?.authors, ["Jo Ray"])
        let list = #"[{"@type": "Organization", "name": "X"}, {"@type": "NewsArticle", "headline": "B", "author": [{"name": "C"}, "D"]}];"#
        XCTAssertEqual(LinkedDataArticle.find(inScripts: [list])?.authors, ["C", "D"])
        XCTAssertNil(LinkedDataArticle.find(inScripts: [String(repeating: "[", count: 100_000)]), "deep nesting is refused, not a crash")
    }
}
