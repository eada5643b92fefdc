import EditionCore
import Foundation
import Reading
import XCTest

/// Layouts other sites use around a scraped story: labels above the headline, a standfirst
/// above the byline, subheadings, "Related" lists and date lines. Ported from the `reading` branch.
final class ScrapedTextLayoutTests: XCTestCase {
    func testNoByline() throws {
        let article = try Fixture.read("no-byline.txt")
        XCTAssertEqual(article.headline, "EU agrees to extend gas storage targets for another two years")
        XCTAssertEqual(article.authors, [])
        XCTAssertNil(article.published)
        assertBody(article, [
            "European Union energy ministers agreed on Monday to keep binding targets for filling gas storage sites until the end of 2027, extending an emergency measure first adopted after Russia cut supplies.",
            "Under the rules, member states must fill their storage facilities to 90% of capacity by November each year, although the deadline can be met at any point between October and December.",
            "Officials said the targets had helped calm markets that were thrown into turmoil in 2022, when prices briefly rose above 300 euros per megawatt hour.",
            "Several countries, including Hungary and Slovakia, argued for more flexibility, saying the targets forced them to buy gas when prices were high.",
            "The European Commission will review the measure again in 2026.",
        ])
        assertRemoved(article, "Europe, Energy, Ukraine, Gas transit", reason: "category and tag line")
        assertRemoved(article, "Workers inspect pipes at an underground gas storage facility in western Ukraine on Oct. 3, 2023. (Photo: Yurii Dyachyshyn/AFP)", reason: "photo caption")
        assertRemoved(article, "Read also: Ukraine's gas storage sites survive another winter of Russian strikes", reason: "read-also link")
        assertRemoved(article, "Advertisement", reason: "site furniture")
        assertNothingDroppedSilently(article, source: try Fixture.text("no-byline.txt"))
    }

    /// A category label above the headline, a standfirst between headline and byline, a byline
    /// in "|"-separated parts with a day-first date, and subheadings straight above their text.
    func testSeveralAuthorsStandfirstAndSubheadings() throws {
        let article = try Fixture.read("several-authors.txt")
        XCTAssertEqual(article.headline, "Parliament passes long-delayed mobilization bill after months of debate")
        XCTAssertEqual(article.authors, ["Anna Kovalenko", "Martin Fornusek", "Olena Goncharova"])
        XCTAssertEqual(utcParts(article.published?.date), [2024, 4, 11, 14, 5])
        XCTAssertEqual(article.published?.hasTime, true)
        // Main's script reads only the sections, not `standfirst`: the standfirst stays the first
        // paragraph so it is still heard (the `reading` branch moved it into `standfirst`).
        assertBody(article, [
            "Lawmakers approved the final version with 283 votes, ending a fight that split the ruling party.",
            "Ukraine's parliament on April 11 passed a bill that overhauls the rules for mobilizing soldiers, after lawmakers filed more than 4,000 amendments to the original draft.",
            "The bill lowers the age at which men can be called up, requires them to update their records within 60 days, and introduces an electronic register of those liable for service.",
            "“This is not a perfect law, but it is a necessary one,” said one lawmaker from the ruling party, who asked not to be named.",
            "## What changes for soldiers",
            "The final version dropped a clause that would have allowed troops to be demobilized after 36 months of service, a decision that drew criticism from families of soldiers.",
            "Defense officials said a separate bill on demobilization would be submitted within eight months.",
            "## What comes next",
            "The bill now goes to the president, who is expected to sign it within days.",
        ])
        assertRemoved(article, "Politics", reason: "category label")
        assertRemoved(article, "By Anna Kovalenko, Martin Fornusek and Olena Goncharova | Published 11 April 2024, 14:05 | 4 min read", reason: "byline")
        assertRemoved(article, "This article was translated with the help of AI tools", reason: "AI disclosure")
        assertRemoved(article, "Share this article", reason: "site furniture")
        assertRemoved(article, "Tags: mobilization, parliament, Verkhovna Rada", reason: "tag line")
        assertNothingDroppedSilently(article, source: try Fixture.text("several-authors.txt"))
    }

    func testNoCaption() throws {
        let article = try Fixture.read("no-caption.txt")
        XCTAssertEqual(article.headline, "Central bank holds key rate at 14.5% as inflation slows")
        XCTAssertEqual(article.authors, ["Dmytro Basmat"])
        XCTAssertEqual(utcParts(article.published?.date), [2024, 4, 25, 13, 12])
        XCTAssertEqual(article.blocks.count, 4)
        XCTAssertEqual(article.blocks.last?.text, "The bank said it could cut the rate to 13.5% by the end of the year if risks ease.")
        assertRemoved(article, "Business", reason: "category label")
        assertRemoved(article, "Subscribe to our weekly business newsletter", reason: "newsletter or subscription plug")
        assertRemoved(article, "Comments", reason: "page furniture after the article")
        assertNothingDroppedSilently(article, source: try Fixture.text("no-caption.txt"))
    }

    func testFurnitureInTheMiddle() throws {
        let article = try Fixture.read("furniture-middle.txt")
        XCTAssertEqual(article.headline, "Shipping firms reroute vessels as Red Sea attacks continue")
        XCTAssertEqual(article.authors, ["Maria Lopez"])
        XCTAssertEqual(article.published?.hasTime, true)
        assertBody(article, [
            "Some of the world's largest shipping companies said on March 2 that they would keep sending vessels around the southern tip of Africa, adding up to two weeks to journeys between Asia and Europe.",
            "The detour has pushed up freight rates and insurance costs, and analysts expect the disruption to last for months.",
            "“We are not going back until we are confident that crews are safe,” said the chief executive of one Danish carrier.",
            "Traffic through the Suez Canal has fallen by roughly 40% since December, according to the canal authority.",
            "Egypt's government said the loss of canal revenue was costing the country hundreds of millions of dollars a month.",
        ])
        assertRemoved(article, "Advertisement", reason: "site furniture")
        assertRemoved(article, "Related", reason: "site furniture")
        assertRemoved(article, "Insurers raise war-risk premiums for Red Sea voyages", reason: "listed under “Related”")
        assertRemoved(article, "Port of Haifa reports sharp drop in traffic", reason: "listed under “Related”")
        assertRemoved(article, "A container ship sails through the Suez Canal near Ismailia, Egypt, on Jan. 11, 2024. (Photo by Khaled Desouki/AFP via Getty Images)", reason: "photo caption")
        assertRemoved(article, "Sign up for our morning briefing and get the top stories in your inbox", reason: "newsletter or subscription plug")
        assertRemoved(article, "Share on Facebook Twitter Email", reason: "share buttons")
        assertRemoved(article, "Story continues below advertisement", reason: "site furniture")
        assertRemoved(article, "Editors' Picks", reason: "page furniture after the article")
        assertRemoved(article, "Oil prices climb as supply fears grow", reason: "page furniture after the article")
        assertNothingDroppedSilently(article, source: try Fixture.text("furniture-middle.txt"))
    }

    func testHardWrappedParagraphsAreJoined() throws {
        let text = """
        Storm closes schools across the region

        Schools across the region were closed on Tuesday as a storm brought
        winds of up to 120 kilometers per hour and heavy snow to the mountains.

        Forecasters said the storm would ease by Wednesday evening, but warned
        of flooding in low-lying areas as the snow begins to melt later this week.
        """
        let article = try ArticleReader().read(Data(text.utf8), name: "storm.txt")
        XCTAssertEqual(article.headline, "Storm closes schools across the region")
        XCTAssertEqual(article.blocks.count, 2)
        XCTAssertEqual(article.sections.compactMap(\.heading), [], "a wrapped line is not a subheading")
        XCTAssertTrue(article.blocks[0].text.hasSuffix("heavy snow to the mountains."))
    }

    func testStackedLabelsAndRelativeDate() throws {
        let text = """
        World
        Analysis
        Why the ceasefire talks stalled again
        By Sam Lee
        Updated 2 hours ago

        Talks between the two sides broke down on Friday after a dispute over prisoner exchanges.

        Mediators said they would try again next week.
        """
        let article = try ArticleReader().read(Data(text.utf8), name: "stdin")
        XCTAssertEqual(article.headline, "Why the ceasefire talks stalled again")
        XCTAssertEqual(article.authors, ["Sam Lee"])
        XCTAssertEqual(article.published, PublicationDate(text: "Updated 2 hours ago"))
        XCTAssertEqual(article.blocks.count, 2)
        assertRemoved(article, "World", reason: "category label")
        assertRemoved(article, "Analysis", reason: "category label")
        assertRemoved(article, "Updated 2 hours ago", reason: "date line")
        assertNothingDroppedSilently(article, source: text)
    }

    func testDateLineUnderTheHeadline() throws {
        let text = "Storm closes schools\nPublished 19 March 2024, 17:31\n\nSchools across the region were closed on Tuesday.\n"
        let article = try ArticleReader().read(Data(text.utf8), name: "date.txt")
        XCTAssertEqual(utcParts(article.published?.date), [2024, 3, 19, 17, 31])
        assertRemoved(article, "Published 19 March 2024, 17:31", reason: "date line")
        XCTAssertEqual(article.blocks.map(\.text), ["Schools across the region were closed on Tuesday."])
    }

    func testAFirstBodyLineStartingWithByIsNotAByline() throws {
        let text = "Shell shortage\n\nBy March, the army had run out of shells.\n\nOfficers said so.\n"
        let article = try ArticleReader().read(Data(text.utf8), name: "by.txt")
        XCTAssertEqual(article.authors, [])
        XCTAssertEqual(article.blocks.first?.text, "By March, the army had run out of shells.")
    }

    func testNoHeadlineFallsBackToTheFileName() throws {
        let text = "The first line is a long paragraph of prose that goes on, as bodies do, with no headline above it.\n"
        let article = try ArticleReader().read(Data(text.utf8), name: "notes/kyiv-power-cuts.txt")
        XCTAssertEqual(article.headline, "kyiv power cuts")
        XCTAssertEqual(article.blocks.count, 1)
        XCTAssertEqual(article.warnings, ["notes/kyiv-power-cuts.txt: no headline found; using “kyiv power cuts”"])
    }
}
