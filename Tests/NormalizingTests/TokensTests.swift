import XCTest
import EditionCore
@testable import Normalizing

final class TokensTests: XCTestCase {
    func spokenSlice(_ n: NormalizedText, _ t: Token) -> String {
        let s = Array(n.spoken.unicodeScalars)
        return String(String.UnicodeScalarView(s[t.spokenStart..<t.spokenEnd]))
    }

    func testRewrittenSpanIsOneToken() {
        let n = Normalizer().normalize("It cost $1.5 billion today.")
        let tokens = n.tokens
        XCTAssertEqual(tokens.map(\.source), ["It", "cost", "$1.5 billion", "today."])
        XCTAssertEqual(spokenSlice(n, tokens[2]), "one point five billion dollars")
        XCTAssertEqual(spokenSlice(n, tokens[3]), "today.")
    }

    func testRewrittenPunctuationStaysWithItsWord() {
        let n = Normalizer().normalize("Russia’s forces said: “We are using all reserves,” he said.")
        let tokens = n.tokens
        XCTAssertEqual(tokens.map(\.source), ["Russia’s", "forces", "said:", "“We", "are", "using", "all", "reserves,”", "he", "said."])
        XCTAssertTrue(spokenSlice(n, tokens[0]).hasPrefix("Russia"), spokenSlice(n, tokens[0]))
        for (a, b) in zip(tokens, tokens.dropFirst()) { XCTAssertLessThanOrEqual(a.spokenEnd, b.spokenStart) }
    }

    func testEveryWordPositionMapsToItsToken() {
        let n = Normalizer().normalize("Gen. Smith met 3 MPs on 9 May 2022 — at 7:45 PM.")
        let tokens = n.tokens
        XCTAssertEqual(tokens.map(\.source), ["Gen.", "Smith", "met", "3", "MPs", "on", "9 May 2022", "at", "7:45 PM"])
        // Tokens are in order and do not overlap.
        for (a, b) in zip(tokens, tokens.dropFirst()) { XCTAssertLessThanOrEqual(a.spokenEnd, b.spokenStart) }
        XCTAssertEqual(spokenSlice(n, tokens[6]), "the ninth of May, twenty twenty-two")
        XCTAssertEqual(spokenSlice(n, tokens[8]), "seven forty-five p m")
    }

    func testDroppedSymbolsMakeNoToken() {
        let n = Normalizer().normalize("Kyiv — the capital")
        XCTAssertEqual(n.tokens.map(\.source), ["Kyiv", "the", "capital"])
        XCTAssertEqual(n.spoken, "Kyiv, the capital")
        XCTAssertEqual(spokenSlice(n, n.tokens[1]), "the")
    }

    func testScalarOffsetsWithNonASCII() {
        let n = Normalizer().normalize("“Київ” got €5m")
        let last = n.tokens.last!
        XCTAssertEqual(last.source, "€5m")
        XCTAssertEqual(spokenSlice(n, last), "five million euros")
    }

    func testLexiconTokensMapToSource() {
        let lex = Lexicon([.init(word: "Kyiv", say: "[[k'i:v]]")])
        let n = Normalizer(lexicon: lex).normalize("Kyiv's mayor in Kyiv.")
        XCTAssertEqual(n.spoken, "[[k'i:vz]] mayor in [[k'i:v]].")
        XCTAssertEqual(n.tokens.map(\.source), ["Kyiv's", "mayor", "in", "Kyiv"])
        XCTAssertEqual(spokenSlice(n, n.tokens[3]), "[[k'i:v]]")
    }
}
