import XCTest
@testable import Normalizing

final class NumberWordsTests: XCTestCase {
    func testCardinals() {
        XCTAssertEqual(NumberWords.cardinal(0), "zero")
        XCTAssertEqual(NumberWords.cardinal(21), "twenty-one")
        XCTAssertEqual(NumberWords.cardinal(1_234_567), "one million two hundred thirty-four thousand five hundred sixty-seven")
        XCTAssertEqual(NumberWords.cardinal(105, british: true), "one hundred and five")
        XCTAssertEqual(NumberWords.cardinal(2_005, british: true), "two thousand and five")
        XCTAssertEqual(NumberWords.cardinal(-4), "minus four")
        XCTAssertEqual(NumberWords.cardinal(digits: "12345678901234567890"), "one two three four five six seven eight nine zero one two three four five six seven eight nine zero")
    }

    func testOrdinals() {
        XCTAssertEqual(NumberWords.ordinal(1), "first")
        XCTAssertEqual(NumberWords.ordinal(12), "twelfth")
        XCTAssertEqual(NumberWords.ordinal(20), "twentieth")
        XCTAssertEqual(NumberWords.ordinal(33), "thirty-third")
        XCTAssertEqual(NumberWords.ordinal(101), "one hundred first")
    }

    func testYears() {
        XCTAssertEqual(NumberWords.year(1989), "nineteen eighty-nine")
        XCTAssertEqual(NumberWords.year(1908), "nineteen oh eight")
        XCTAssertEqual(NumberWords.year(1900), "nineteen hundred")
        XCTAssertEqual(NumberWords.year(2003), "two thousand three")
        XCTAssertEqual(NumberWords.year(2003, british: true), "two thousand and three")
        XCTAssertEqual(NumberWords.year(2023), "twenty twenty-three")
        XCTAssertEqual(NumberWords.decade(1970), "nineteen seventies")
        XCTAssertEqual(NumberWords.decade(60), "sixties")
    }

    func testDecimalsAndDesignations() {
        XCTAssertEqual(NumberWords.decimal(whole: "3", fraction: "14"), "three point one four")
        XCTAssertEqual(NumberWords.designation("320"), "three twenty")
        XCTAssertEqual(NumberWords.designation("400"), "four hundred")
        XCTAssertEqual(NumberWords.designation("101"), "one oh one")
    }
}
