import XCTest
@testable import Normalizing

/// How the Ukrainian rule set is chosen and reported; its readings are in Fixtures/uk-cases.tsv.
final class UkrainianNormalizerTests: XCTestCase {
    func testLanguageTagsPickTheRuleSet() {
        XCTAssertEqual(Dialect(language: "uk"), .ukrainian)
        XCTAssertEqual(Dialect(language: "uk-UA"), .ukrainian)
        XCTAssertEqual(Dialect(language: "uk_UA"), .ukrainian)
        XCTAssertEqual(Dialect(language: "en-UK"), .british, "en-UK is British English, not Ukrainian")
        XCTAssertEqual(Dialect(language: "ru"), .other)
        XCTAssertEqual(Dialect(language: "ru-UA"), .other)
    }

    func testRuleNamesFollowTheLanguage() {
        let uk = Normalizer.ruleNames(language: "uk-UA")
        XCTAssertTrue(uk.contains("uk.number") && uk.contains("uk.date") && uk.contains("typography"))
        XCTAssertFalse(uk.contains("money"), "English rules in the Ukrainian set")
        XCTAssertEqual(Normalizer.ruleNames(language: "en-US"), Normalizer.ruleNames)
        XCTAssertEqual(Normalizer.ruleNames(language: "ru"), ["typography"])
    }

    func testExplainNamesTheUkrainianRules() {
        let r = Normalizer(language: "uk").normalize("Опубліковано 17 травня 2019 року о 7:15, понад 40 %.")
        XCTAssertEqual(r.spoken, "Опубліковано сімнадцятого травня дві тисячі дев'ятнадцятого року о сьомій п'ятнадцять, понад сорок відсотків.")
        XCTAssertEqual(r.rewrites.map(\.rule), ["uk.date", "uk.time", "uk.percent"])
        XCTAssertTrue(r.explain()[0].contains("\"17 травня 2019 року\""))
    }

    func testRussianTextIsLeftToRussian() {
        let ru = Normalizer(language: "ru").normalize("У 5 человек 2 дома, СБУ")
        XCTAssertEqual(ru.spoken, "У 5 человек 2 дома, СБУ")
    }
}
