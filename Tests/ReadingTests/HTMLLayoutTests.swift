import CLibXML2
import EditionCore
import Foundation
import XCTest
@testable import Reading

/// HTML pages with a story header, bylines in several shapes, text outside any <p>, and a
/// guard that no visible text vanishes. Ported from the `reading` branch's HTMLReaderTests.
final class HTMLLayoutTests: XCTestCase {
    func testArticleElementWithItsOwnHeader() throws {
        let article = try Fixture.read("article.html")
        XCTAssertEqual(article.headline, "Ukraine signs security deal with Denmark")
        XCTAssertEqual(article.authors, ["Olena Goncharova", "Chris York"])
        XCTAssertEqual(utcParts(article.published?.date), [2024, 2, 23, 10, 0])
        XCTAssertEqual(article.sourceURL, "https://example.com/news/ukraine-denmark-security-deal")
        // The standfirst in the story's own <header> is read as its first paragraph (main's
        // script does not read `standfirst`; the branch moved it there).
        assertBody(article, [
            "The 10-year agreement includes military aid worth $1.8 billion this year.",
            "Ukraine and Denmark signed a 10-year security agreement on Feb. 23, President Volodymyr Zelensky said, making Denmark the fourth country to conclude such a deal.",
            "The agreement covers military aid, reconstruction and cooperation in the defense industry, according to the text published by the president’s office & the Danish government.",
            "## Military aid",
            "Denmark will provide military aid worth around $1.8 billion in 2024, including artillery and air defense.",
            "> “This is a historic day for our two countries,” Zelensky said.",
            "## What the deal includes",
            "- Training for Ukrainian pilots on F-16 jets",
            "- Support for mine clearance",
            "Denmark has been one of Ukraine’s most consistent supporters since the start of the full-scale invasion.",
        ])
        assertRemoved(article, "Advertisement", reason: "outside the main content")
        assertRemoved(article, "Politics", reason: "kicker widget")
        assertRemoved(article, "By Olena Goncharova and Chris York February 23, 2024, 12:00", reason: "byline widget")
        assertRemoved(article, "Share Facebook Twitter", reason: "share widget")
        assertRemoved(article, "Zelensky and Danish Prime Minister Mette Frederiksen in Lviv. (Photo by Example/AFP)", reason: "figure and caption")
        assertRemoved(article, "Related Germany signs security deal", reason: "aside")
        assertRemoved(article, "Read also: France pledges further aid", reason: "read-also link")
        assertRemoved(article, "Get our daily briefing in your inbox. Sign up", reason: "newsletter widget")
        assertRemoved(article, "Tags: Denmark, security guarantees", reason: "page footer")
        assertRemoved(article, "Most read Another story", reason: "aside")
        assertRemoved(article, "© 2024 Example News. All rights reserved.", reason: "page footer")
        XCTAssertTrue(article.removed.contains { $0.text.hasPrefix("Example News") && $0.reason == "page header" })
        XCTAssertFalse(article.removed.contains { $0.text.contains("dataLayer") }, "scripts in <head> are code, not text")
    }

    func testMainElementAndOpenGraphHeadline() throws {
        let article = try Fixture.read("main.html")
        XCTAssertEqual(article.headline, "Flood warnings issued across the Danube delta")
        XCTAssertEqual(article.sourceURL, "https://example.com/floods-danube")
        XCTAssertEqual(article.published?.hasTime, false)
        XCTAssertEqual(utcParts(article.published?.date), [2024, 6, 4, 0, 0])
        assertBody(article, [
            "Authorities in Romania and Ukraine issued flood warnings on June 4 for towns along the Danube delta after days of heavy rain upstream.",
            "Water levels at Izmail rose by more than a meter in 24 hours, local officials said, and several roads were closed.",
            "## Evacuations",
            "About 300 people were moved to temporary shelters, according to the regional administration.",
        ])
        assertRemoved(article, "Home Weather", reason: "navigation")
        assertRemoved(article, "Contact us | Privacy policy", reason: "page footer")
    }

    func testTextDensityWithoutArticleOrMain() throws {
        let article = try Fixture.read("density.html")
        XCTAssertEqual(article.headline, "Wheat exports recover despite port attacks")
        XCTAssertEqual(article.blocks.count, 3)
        XCTAssertTrue(article.blocks[0].text.hasPrefix("Ukraine exported 4.6 million tons of grain in May"))
        XCTAssertTrue(article.blocks[2].text.hasSuffix("insurance costs had fallen since the spring."))
        XCTAssertTrue(article.removed.contains { $0.text.contains("Markets close higher") })
        XCTAssertTrue(article.removed.contains { $0.text.contains("Home Economy Sport") })
        assertRemoved(article, "Share", reason: "share widget")
        XCTAssertTrue(article.removed.contains { $0.text == "Great news, finally some good news from the ports." })
    }

    func testTitleWithoutSiteName() throws {
        XCTAssertEqual(HTMLReader.withoutSiteName("Wheat exports recover – Example Daily"), "Wheat exports recover")
        XCTAssertEqual(HTMLReader.withoutSiteName("Kyiv - the city that never sleeps, and why it matters"),
                       "Kyiv - the city that never sleeps, and why it matters")
        let page = "<html><head><title>Grain corridor reopens | Example News</title></head><body><p>The grain corridor reopened on Monday.</p></body></html>"
        XCTAssertEqual(try ArticleReader().read(Data(page.utf8), name: "t.html").headline, "Grain corridor reopens")
    }

    /// The headline rules below each come from pages of the article-extraction benchmark
    /// (Benchmarks/reader-extraction.sh) where the reader had taken the wrong line.
    static let storyParagraphs = "<p>The grain corridor reopened on Monday after a two-day pause caused by storms in the Black Sea, officials said.</p>"
        + "<p>Ships waiting off Odesa began moving again in the afternoon, and port workers said loading would run through the night.</p>"

    /// A site that fills `application-name` with the page's title, with or without its name in
    /// og:site_name, still has a headline: the title is not the site's name.
    func testApplicationNameThatIsTheTitleIsNotTheSiteName() throws {
        let page = """
        <html><head><meta name="application-name" content="Grain corridor reopens after storms">
        <title>Grain corridor reopens after storms</title><meta property="og:site_name" content="Example News">
        <meta property="og:title" content="Grain corridor reopens after storms"></head>
        <body><article><h1>Grain corridor reopens after storms</h1>\(Self.storyParagraphs)</article></body></html>
        """
        XCTAssertEqual(try ArticleReader().read(Data(page.utf8), name: "page.html").headline, "Grain corridor reopens after storms")
        let unnamed = page.replacingOccurrences(of: #"<meta property="og:site_name" content="Example News">"#, with: "")
        XCTAssertEqual(try ArticleReader().read(Data(unnamed.utf8), name: "page.html").headline, "Grain corridor reopens after storms")
    }

    /// An <h1> that links to the site's home page is the logo: the headline is the title's.
    func testH1LinkingHomeIsTheLogo() throws {
        let page = """
        <html><head><title>Grain corridor reopens after storms - Entermedia</title></head><body>
        <div id="header"><a href="/"><h1>엔터 미디어</h1></a><ul><li><a href="/news">News</a></li></ul></div>
        <div class="newsContent"><dl class="newsTitle"><dt>Grain corridor reopens after storms</dt></dl>\(Self.storyParagraphs)</div>
        </body></html>
        """
        XCTAssertEqual(try ArticleReader().read(Data(page.utf8), name: "page.html").headline, "Grain corridor reopens after storms")
        let absolute = page.replacingOccurrences(of: #"<a href="/"><h1>엔터 미디어</h1></a>"#,
                                                 with: #"<h1><a href="https://entermedia.example/">엔터 미디어</a></h1>"#)
        XCTAssertEqual(try ArticleReader().read(Data(absolute.utf8), name: "page.html").headline, "Grain corridor reopens after storms")
    }

    /// An <h1> that links to a story on another site is a teaser (an aggregator's sidebar), even
    /// when marked `itemprop="headline"`.
    func testH1LinkingToAnotherSiteIsATeaser() throws {
        let page = """
        <html><head><title>Grain corridor reopens after storms - Digest</title>
        <link rel="canonical" href="https://digest.example/2019/grain-corridor"></head><body>
        <article>\(Self.storyParagraphs)</article>
        <aside><h1 itemprop="headline"><a href="https://other.example/2019/reindeer">Why don't you go fight for the reindeer?</a></h1></aside>
        </body></html>
        """
        XCTAssertEqual(try ArticleReader().read(Data(page.utf8), name: "page.html").headline, "Grain corridor reopens after storms")
    }

    /// The <h1> the publisher marks `itemprop="headline"` is the one the reader sees; JSON-LD
    /// and Open Graph may carry a title written for search or sharing.
    func testH1MarkedAsTheHeadlineOutranksLinkedData() throws {
        let page = """
        <html><head><title>Black Sea grain corridor: ships move again | Example News</title>
        <meta property="og:title" content="Ships move again on the Black Sea">
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Black Sea grain corridor: ships move again"}</script>
        </head><body><header class="article__header"><h1 itemprop="headline">The night the ships moved again</h1></header>
        <div class="article__body">\(Self.storyParagraphs)</div></body></html>
        """
        XCTAssertEqual(try ArticleReader().read(Data(page.utf8), name: "page.html").headline, "The night the ships moved again")
    }

    func testAuthorsFromBylineClassAndRelAuthor() throws {
        let page = """
        <html><body><article><h1>Grain corridor reopens</h1>
        <span class="author-name">Chris York</span>
        <p>The grain corridor reopened on Monday after a two-day pause caused by storms in the Black Sea.</p>
        </article></body></html>
        """
        let article = try ArticleReader().read(Data(page.utf8), name: "a.html")
        XCTAssertEqual(article.authors, ["Chris York"])
        assertRemoved(article, "Chris York", reason: "author widget")
        let linked = page.replacingOccurrences(of: #"<span class="author-name">Chris York</span>"#,
                                               with: #"<p>By <a rel="author" href="/a">Anna Kovalenko</a> and <a rel="author" href="/b">Chris York</a></p>"#)
        let both = try ArticleReader().read(Data(linked.utf8), name: "b.html")
        XCTAssertEqual(both.authors, ["Anna Kovalenko", "Chris York"])
        assertRemoved(both, "By Anna Kovalenko and Chris York", reason: "byline")
        XCTAssertEqual(both.blocks.count, 1)
    }

    func testDoubleLineBreaksSeparateParagraphs() throws {
        let page = "<html><body><h1>Old site</h1><div>First paragraph of the story, on an old site.<br><br>"
            + "Second paragraph, <b>after</b> two breaks.<br>Same paragraph after one break.</div></body></html>"
        let article = try ArticleReader().read(Data(page.utf8), name: "old.html")
        XCTAssertEqual(article.blocks.map(\.text), [
            "First paragraph of the story, on an old site.",
            "Second paragraph, after two breaks. Same paragraph after one break.",
        ])
    }

    /// Every piece of text on the page is read or recorded as removed; only code is skipped.
    func testNothingOnThePageIsDroppedSilently() throws {
        for name in ["article.html", "main.html", "density.html", "article-page.html", "no-article-element.html"] {
            let article = try Fixture.read(name)
            let kept = [article.headline] + article.blocks.map(\.text) + article.sections.compactMap(\.heading) + article.removed.map(\.text)
            let document = try HTMLDocument(Data(try Fixture.text(name).utf8), name: name)
            var stack = try XCTUnwrap(document.root).children
            while let node = stack.popLast() {
                if node.isText {
                    let text = node.text
                    XCTAssertTrue(text.isEmpty || kept.contains { $0.contains(text) }, "\(name): “\(text)” vanished")
                } else if node.isElement && !["head", "script", "style"].contains(node.tag) {
                    stack += node.children
                }
            }
        }
    }
}
