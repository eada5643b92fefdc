import XCTest
import EditionTestSupport
import Foundation
@testable import Normalizing

/// Hostile and degenerate input: the normalizer must finish in bounded time with a bounded,
/// well-formed result (every rewrite maps back), whatever it is given.
final class NormalizerHostileInputTests: XCTestCase {
    /// Normalizes `text` on another thread and fails (instead of hanging the suite) if it takes
    /// longer than `seconds`. Returns the result when it finished.
    func normalize(_ text: String, language: String = "en-US", within seconds: Double, _ label: String) -> NormalizedText? {
        final class Box: @unchecked Sendable { var result: NormalizedText? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Normalizer(language: language).normalize(text)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else {
            XCTFail("\(label): no result within \(seconds) s")
            return nil
        }
        return box.result
    }

    /// What must hold of any result: bounded growth, and rewrites that map back in order.
    func checkWellFormed(_ r: NormalizedText, _ label: String) {
        let src = r.source.unicodeScalars.count, spoken = r.spoken.unicodeScalars.count
        XCTAssertLessThanOrEqual(spoken, 16 * src + 64, "\(label): spoken text grew from \(src) to \(spoken) scalars")
        var last = 0
        for w in r.rewrites {
            XCTAssertTrue(w.sourceStart >= last && w.sourceEnd <= src && w.spokenEnd <= spoken, "\(label): rewrite \(w.rule) out of order or bounds")
            last = w.sourceEnd
        }
    }

    func testAMegabyteOfDigits() throws {
        let text = String(repeating: "1234567890", count: 100_000)
        let r = try XCTUnwrap(normalize(text, within: 30, "1 MB of digits"))
        checkWellFormed(r, "1 MB of digits")
        XCTAssertFalse(r.spoken.contains(where: \.isNumber), "digits left in a 1 MB number")
    }

    func testLongRunsOfSeparatorsAndNumbers() throws {
        for (label, text) in [
            ("dotted digits", String(repeating: "1.", count: 50_000)),
            ("grouped digits", "1" + String(repeating: ",000", count: 50_000)),
            ("hyphenated numbers", String(repeating: "12-", count: 50_000)),
            ("slashes", String(repeating: "3/", count: 50_000)),
            ("money signs", String(repeating: "$", count: 50_000) + "5"),
            ("colons", String(repeating: "12:", count: 40_000)),
        ] {
            let r = try XCTUnwrap(normalize(text, within: 30, label))
            checkWellFormed(r, label)
        }
    }

    func testTenThousandNestedBrackets() throws {
        let text = String(repeating: "([{", count: 10_000) + "5 km" + String(repeating: "}])", count: 10_000)
        let r = try XCTUnwrap(normalize(text, within: 30, "nested brackets"))
        checkWellFormed(r, "nested brackets")
        XCTAssertTrue(r.spoken.contains("five kilometers"), "the measure inside the brackets is still read")
    }

    func testEveryUnicodeDigitAndCurrencySign() throws {
        var digits = "", currencies = ""
        for v in 0...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            if s.properties.numericType != nil { digits.unicodeScalars.append(s); digits.unicodeScalars.append("5") }
            if s.properties.generalCategory == .currencySymbol { currencies += "\(s)12.50 \(s) 3 5\(s) " }
        }
        for language in ["en-US", "en-GB", "uk"] {
            for (label, text) in [("digits", digits), ("currency signs", currencies)] {
                let r = try XCTUnwrap(normalize(text, language: language, within: 30, "\(label) (\(language))"))
                checkWellFormed(r, "\(label) (\(language))")
            }
        }
    }

    /// Random mixes of the characters rules look at, from a fixed seed so a failure repeats.
    func testRandomMixesOfRuleCharacters() throws {
        var rng = SplitMix64(seed: 0x5EED_2026)
        let alphabet = Array("0123456789.,:;/-–—$€£¥%+=x()[]'’\"#@&°²³ kmKMgGbBsStThHaApP\n".unicodeScalars)
        let words = ["Feb.", "St", "Ave", "No.", "U.S.", "NATO", "p.m.", "bn", "m", "per", "the", "ending in", "ZIP", "TX", "IX", "1990s", "½"]
        for round in 0..<400 {
            var text = ""
            for _ in 0..<Int(rng.next() % 200) {
                if rng.next() % 5 == 0 { text += words[Int(rng.next() % UInt64(words.count))] }
                else { text.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            }
            let language = ["en-US", "en-GB"][round % 2]
            let r = try XCTUnwrap(normalize(text, language: language, within: 10, "random #\(round)"))
            checkWellFormed(r, "random #\(round): \(text.debugDescription)")
        }
    }

    /// The Ukrainian rules under the same loads: long numbers, long chains of what they look for.
    func testUkrainianHostileInput() throws {
        let digits = String(repeating: "1234567890", count: 100_000)
        let r = try XCTUnwrap(normalize(digits, language: "uk", within: 30, "1 MB of digits (uk)"))
        checkWellFormed(r, "1 MB of digits (uk)")
        XCTAssertFalse(r.spoken.contains(where: \.isNumber), "digits left in a 1 MB number (uk)")
        for (label, text) in [
            ("grouped digits", "1" + String(repeating: " 000", count: 50_000)),
            ("no-break grouped digits", "1" + String(repeating: "\u{00A0}000", count: 50_000) + " грн"),
            ("decimal commas", String(repeating: "1,", count: 50_000)),
            ("dotted dates", String(repeating: "12.05.", count: 40_000)),
            ("day ranges", String(repeating: "1–", count: 50_000) + "3 квітня"),
            ("Roman numerals", String(repeating: "XX ", count: 50_000) + "століття"),
            ("signs", String(repeating: "№+−±", count: 50_000) + "5 %"),
            ("counted ranges", String(repeating: "5–", count: 50_000) + "7 років"),
            ("acronyms", String(repeating: "ЗСУ ", count: 50_000)),
            ("apostrophes", String(repeating: "з'", count: 50_000)),
            ("phone-like zeros", String(repeating: "0 ", count: 50_000)),
            ("abbreviations", String(repeating: "м. т. зв. ст. ч. ", count: 20_000) + "5"),
        ] {
            let r = try XCTUnwrap(normalize(text, language: "uk", within: 30, "\(label) (uk)"))
            checkWellFormed(r, "\(label) (uk)")
        }
    }

    /// Random mixes of Cyrillic, digits and the symbols the Ukrainian rules look at.
    func testRandomUkrainianMixes() throws {
        var rng = SplitMix64(seed: 0x0A_2026)
        let alphabet = Array("0123456789.,:;/-–—$€₴%+−±№°²()'’«»\" абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВЄЗІКМНОПРСТУХXIV\n".unicodeScalars)
        let words = ["грн", "млн", "млрд", "тис.", "р.", "рр.", "ст.", "ч.", "м.", "вул.", "обл.", "т. зв.", "о", "до", "у", "з",
                     "понад", "близько", "року", "році", "серпня", "XX", "ЗСУ", "США", "°C", "км/год", "м²", "-го", "-х", "Петро"]
        for round in 0..<400 {
            var text = ""
            for _ in 0..<Int(rng.next() % 200) {
                if rng.next() % 4 == 0 { text += words[Int(rng.next() % UInt64(words.count))] }
                else { text.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            }
            let r = try XCTUnwrap(normalize(text, language: "uk", within: 10, "random uk #\(round)"))
            checkWellFormed(r, "random uk #\(round): \(text.debugDescription)")
        }
    }
}
