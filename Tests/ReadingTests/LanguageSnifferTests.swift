import EditionCore
import Foundation
import Reading
import XCTest

/// The language from the document: declared (HTML `lang`, front matter), else told by the
/// letters, and the letters win over a declaration they contradict.
final class LanguageSnifferTests: XCTestCase {
    func testLettersTellUkrainianFromRussian() {
        XCTAssertEqual(LanguageSniffer.language(of: "Київські енергетики завершили ремонт підстанцій у четвер."), "uk")
        XCTAssertEqual(LanguageSniffer.language(of: "Это решение связано с ремонтом дорог, который продлится ещё две недели."), "ru")
        // Cyrillic with neither language's letters: undecided, not guessed.
        XCTAssertNil(LanguageSniffer.language(of: "Вона пра вода бар вона пра вода бар"))
        XCTAssertEqual(LanguageSniffer.sniff("Вона пра вода бар вона пра вода бар")?.script, .cyrillic)
        // Latin letters do not tell English from French: undecided.
        XCTAssertNil(LanguageSniffer.language(of: "The committee met on Monday to discuss the budget."))
        XCTAssertEqual(LanguageSniffer.sniff("The committee met on Monday to discuss the budget.")?.script, .latin)
        // Too few letters say nothing.
        XCTAssertNil(LanguageSniffer.sniff("Київ 2024"))
    }

    func testOneRussianWordInUkrainianTextStaysUkrainian() {
        XCTAssertEqual(LanguageSniffer.language(of: "Він сказав «ещё» і пішов, а речниця компанії підтвердила його слова."), "uk")
    }

    func testScrapedTextGetsItsLanguageFromItsLetters() throws {
        XCTAssertEqual(try Fixture.read("uk-scraped.txt").language, "uk")
        XCTAssertEqual(try Fixture.read("ru-text.txt").language, "ru")
        XCTAssertNil(try Fixture.read("no-byline.txt").language)
    }

    func testDeclaredLanguageIsKeptWhenTheLettersAgree() throws {
        XCTAssertEqual(try Fixture.read("uk-front-matter.md").language, "uk")
        let markdown = "---\ntitle: Budget\nlanguage: en-GB\n---\n\nThe committee met on Monday to discuss the budget for next year.\n"
        XCTAssertEqual(try ArticleReader().read(Data(markdown.utf8), name: "a.md").language, "en-GB")
    }

    func testLettersOverruleAWrongDeclaration() throws {
        let article = try Fixture.read("uk-declared-en.html")
        XCTAssertEqual(article.language, "uk")
        XCTAssertTrue(article.warnings.contains { $0.contains("says its language is “en”") && $0.contains("Ukrainian") }, "\(article.warnings)")
    }

    func testMostlyEnglishWithAUkrainianQuoteIsEnglishWithoutAWarning() throws {
        let article = try Fixture.read("mixed-uk-quote.txt")
        XCTAssertNil(article.language)
        XCTAssertFalse(article.warnings.contains { $0.contains("mixes scripts") }, "\(article.warnings)")
    }

    func testALargeMinorityScriptIsWarnedAbout() throws {
        let text = """
            Звіт про енергетику
            Київські енергетики завершили ремонт двох підстанцій, тому графіки відключень не застосовуватимуть до кінця тижня.

            The operator said in English that repairs to damaged substations would continue through the autumn.
            """
        let article = try ArticleReader().read(Data(text.utf8), name: "mixed.txt")
        XCTAssertEqual(article.language, "uk")
        XCTAssertTrue(article.warnings.contains { $0.contains("mixes scripts") && $0.contains("Latin") && $0.contains("Ukrainian") }, "\(article.warnings)")
    }
}
