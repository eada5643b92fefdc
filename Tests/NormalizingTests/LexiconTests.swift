import XCTest
import EditionCore
@testable import Normalizing

final class LexiconTests: XCTestCase {
    func testWholeWordsOnlyAndCase() {
        let lex = Lexicon([.init(word: "Kyiv", say: "[[k'i:v]]"),
                           .init(word: "US", say: "U S", caseSensitive: true),
                           .init(word: "Volodymyr Zelensky", say: "Voloh-DIH-mir Zeh-LEN-skee")])
        let n = Normalizer(language: "uk", lexicon: lex)
        XCTAssertEqual(n.normalize("KYIV, Kyivan, Kyiv-based").spoken, "[[k'i:v]], Kyivan, [[k'i:v]]-based")
        XCTAssertEqual(n.normalize("US and us").spoken, "U S and us")
        XCTAssertEqual(n.normalize("Volodymyr  Zelensky spoke").spoken, "Voloh-DIH-mir Zeh-LEN-skee spoke")
    }

    func testLexiconAfterNormalizationMergesWithRewrite() {
        // The lexicon sees the normalizer's output: "Dr." became "Doctor", then "Doctor Who" is an entry.
        let lex = Lexicon([.init(word: "Doctor Who", say: "[[d'0kt3 h'u:]]")])
        let n = Normalizer(lexicon: lex).normalize("Watch Dr. Who at 8pm.")
        XCTAssertEqual(n.spoken, "Watch [[d'0kt3 h'u:]] at eight p m.")
        let r = n.rewrites[0]
        XCTAssertEqual(r.original, "Dr. Who")
        XCTAssertEqual(r.rule, "abbreviation.doctor+lexicon")
        XCTAssertEqual(n.tokens.map(\.source), ["Watch", "Dr. Who", "at", "8pm"])
    }

    func testLexiconRewriteHasItsOwnKind() {
        let lex = Lexicon([.init(word: "Budanov", say: "[[bud'an@f]]")])
        let n = Normalizer(lexicon: lex).normalize("Maj. Gen. Kyrylo Budanov said")
        let r = n.rewrites.last!
        XCTAssertEqual(r.kind, "lexicon")
        XCTAssertEqual(r.original, "Budanov")
        XCTAssertEqual(n.spoken, "Major General Kyrylo [[bud'an@f]] said")
    }
}
