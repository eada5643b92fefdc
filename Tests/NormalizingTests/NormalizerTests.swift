import XCTest
import EditionCore
@testable import Normalizing

/// Edge cases, one group per class of text.
final class NormalizerTests: XCTestCase {
    let us = Normalizer()
    let gb = Normalizer(language: "en-GB")

    func say(_ text: String, _ n: Normalizer? = nil) -> String { (n ?? us).normalize(text).spoken }

    func testNegativeNumbers() {
        XCTAssertEqual(say("It fell to -7."), "It fell to minus seven.")
        XCTAssertEqual(say("Growth was −0.4% last year."), "Growth was minus zero point four percent last year.")
        XCTAssertEqual(say("Lows of -12°C"), "Lows of minus twelve degrees Celsius")
        // A hyphen between numbers is a range, not a sign.
        XCTAssertEqual(say("pages 5-7"), "pages five to seven")
    }

    func testNumberAtSentenceStart() {
        XCTAssertEqual(say("12 soldiers died."), "twelve soldiers died.")
        XCTAssertEqual(say("2022 was a hard year."), "twenty twenty-two was a hard year.")
        XCTAssertEqual(say("1,500 troops arrived."), "one thousand five hundred troops arrived.")
    }

    func testNumberAbbreviationVersusNo() {
        XCTAssertEqual(say("He is No. 2 in the party."), "He is number two in the party.")
        XCTAssertEqual(say("She said no. Then she left."), "She said no. Then she left.")
        XCTAssertEqual(say("No one came."), "No one came.")
        XCTAssertEqual(say("No. The vote failed."), "No. The vote failed.")
    }

    func testUSVersusUs() {
        XCTAssertEqual(say("The US and us"), "The U S and us")
        XCTAssertEqual(say("the U.S. Army"), "the U S Army")
        XCTAssertEqual(say("aid from the U.S."), "aid from the U S.")
        // A shouted headline is not spelled out.
        XCTAssertEqual(say("RUSSIA ATTACKS KYIV AGAIN TONIGHT"), "RUSSIA ATTACKS KYIV AGAIN TONIGHT")
    }

    func testNumberInsideWord() {
        XCTAssertEqual(say("the H5N1 strain"), "the H five N one strain")
        XCTAssertEqual(say("a B-52 flew"), "a B fifty-two flew")
        XCTAssertEqual(say("COVID-19 spread"), "Covid nineteen spread")
        XCTAssertEqual(say("5G masts"), "five G masts")
    }

    func testRomanNumeralsAndPronounI() {
        XCTAssertEqual(say("Charles III and I met."), "Charles the third and I met.")
        XCTAssertEqual(say("World War I"), "World War one")
        XCTAssertEqual(say("I said I would."), "I said I would.")
        XCTAssertEqual(say("Elizabeth I"), "Elizabeth the first")
        XCTAssertEqual(say("Washington DC is"), "Washington D C is")
    }

    func testMoneyEdges() {
        XCTAssertEqual(say("$2.4 billion"), "two point four billion dollars")
        XCTAssertEqual(say("$1"), "one dollar")
        XCTAssertEqual(say("$1.01"), "one dollar and one cent")
        XCTAssertEqual(say("€0.50"), "fifty cents")
        XCTAssertEqual(say("£5bn", gb), "five billion pounds")
    }

    func testDatesUSAndUK() {
        XCTAssertEqual(say("on 5 April"), "on the fifth of April")
        XCTAssertEqual(say("on April 5"), "on April fifth")
        XCTAssertEqual(say("on April 5", gb), "on April the fifth")
        XCTAssertEqual(say("May is warm."), "May is warm.")
        XCTAssertEqual(say("She may go."), "She may go.")
    }

    func testTitlesInContext() {
        XCTAssertEqual(say("Dr. Smith lives on Oak Dr. today."), "Doctor Smith lives on Oak Drive today.")
        XCTAssertEqual(say("St. John lives on Main St."), "Saint John lives on Main Street.")
    }

    func testBritishForms() {
        XCTAssertEqual(say("12 km at 5%", gb), "twelve kilometres at five per cent")
        XCTAssertEqual(say("on 5 April 2024", gb), "on the fifth of April, twenty twenty-four")
    }

    func testOtherLanguagesOnlyCleanTypography() {
        // Russian must never get the Ukrainian rules.
        let ru = Normalizer(language: "ru")
        XCTAssertEqual(ru.normalize("В 2023 году — 5%").spoken, "В 2023 году, 5%")
        XCTAssertEqual(ru.normalize("«Так»").spoken, "\"Так\"")
    }

    func testNothingEspeakWouldReadAloud() {
        let messy = "Breaking | “Hold on”… said *someone* [sic] ~ {x} _ ^ \\ @ # — and \u{1}control\u{7F} [[k'i:v]] text"
        let spoken = say(messy)
        for bad in ["|", "*", "[", "]", "{", "}", "_", "^", "\\", "@", "#", "~", "\u{1}", "\u{7F}", "—", "…", "“", "”"] {
            XCTAssertFalse(spoken.contains(bad), "\(bad) left in: \(spoken)")
        }
    }

    func testSentencePunctuationIsKept() {
        XCTAssertEqual(say("Is it 5? Yes, 6!"), "Is it five? Yes, six!")
    }

    func testWholeParagraph() {
        let text = "Russia launched 40 drones overnight, the Ukrainian Air Force said. Gen. Oleksandr Syrskyi said losses reached $1.2bn.\n\nOn Feb. 24, 2022, the invasion began."
        XCTAssertEqual(say(text), "Russia launched forty drones overnight, the Ukrainian Air Force said. General Oleksandr Syrskyi said losses reached one point two billion dollars.\n\nOn February twenty-fourth, twenty twenty-two, the invasion began.")
    }

    func testRewritesAreSortedAndMapBack() {
        let text = "On Jan. 5, NATO paid €3m to 12 people — 50% of them."
        let n = us.normalize(text)
        let src = Array(text.unicodeScalars), spoken = Array(n.spoken.unicodeScalars)
        var lastEnd = 0
        for r in n.rewrites {
            XCTAssertGreaterThanOrEqual(r.sourceStart, lastEnd)
            lastEnd = r.sourceEnd
            XCTAssertEqual(String(String.UnicodeScalarView(src[r.sourceStart..<r.sourceEnd])), r.original)
            XCTAssertEqual(String(String.UnicodeScalarView(spoken[r.spokenStart..<r.spokenEnd])), r.replacement)
        }
    }

    func testExplain() {
        let n = us.normalize("It cost $2.4 billion in 2023.")
        let lines = n.explain()
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("\"$2.4 billion\"  money  → \"two point four billion dollars\""), lines[0])
        XCTAssertTrue(lines[0].hasSuffix("money.scaled"))
        XCTAssertTrue(lines[1].contains("date.year"))
        // Columns line up.
        XCTAssertEqual(lines[0].firstRange(of: "→")?.lowerBound.utf16Offset(in: lines[0]),
                       lines[1].firstRange(of: "→")?.lowerBound.utf16Offset(in: lines[1]))
        XCTAssertEqual(us.normalize("plain words").explain(), [])
    }
}
