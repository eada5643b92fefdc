import EditionCore
import Segmenting
import XCTest

final class SentenceSplitterTests: XCTestCase {
    let splitter = SentenceSplitter()

    func testAbbreviationsInitialsAndDecimalsDoNotEndSentences() {
        XCTAssertEqual(splitter.split("Gen. Kyrylo Budanov spoke. He said 3.5 percent."),
                       ["Gen. Kyrylo Budanov spoke.", "He said 3.5 percent."])
        XCTAssertEqual(splitter.split("J. R. R. Tolkien wrote it. Then he left."),
                       ["J. R. R. Tolkien wrote it.", "Then he left."])
        XCTAssertEqual(splitter.split("Aid from the U.S. arrived on Monday. The U.S. Army helped."),
                       ["Aid from the U.S. arrived on Monday.", "The U.S. Army helped."])
        XCTAssertEqual(splitter.split("Weapons came from the U.S. The shipment was large."),
                       ["Weapons came from the U.S.", "The shipment was large."])
        // A month's abbreviation holds its day ("Nov. 5") but may end a sentence after one.
        XCTAssertEqual(splitter.split("It was on Sun 5th Nov. The new note came out. Vote on Nov. 5 or FEB. 2."),
                       ["It was on Sun 5th Nov.", "The new note came out.", "Vote on Nov. 5 or FEB. 2."])
        XCTAssertEqual(splitter.split("It was on 12 Oct. It rained."), ["It was on 12 Oct.", "It rained."])
        XCTAssertEqual(splitter.split("The fish weighed 12 lb. 4 oz. on the scale."), ["The fish weighed 12 lb. 4 oz. on the scale."])
        XCTAssertEqual(splitter.split("Enrollment runs Nov. 1-Jan. 15 this year."), ["Enrollment runs Nov. 1-Jan. 15 this year."])
        XCTAssertEqual(splitter.split("It is in vol. 3, no. 2, pp. 12–15. He said no. Then he left."),
                       ["It is in vol. 3, no. 2, pp. 12–15.", "He said no.", "Then he left."])
        XCTAssertEqual(splitter.split("The agency (est. 1970) grew. Est. 1890, it sells tea."),
                       ["The agency (est. 1970) grew.", "Est. 1890, it sells tea."])
        XCTAssertEqual(splitter.split("He lives at 221 Baker St. It is near St. Louis Park. He went to St. Mary's."),
                       ["He lives at 221 Baker St.", "It is near St. Louis Park.", "He went to St. Mary's."])
        XCTAssertEqual(splitter.split("Approvals fell in Aug. Sainsbury's rose. It pays £30,000 p.a. Met Police said so."),
                       ["Approvals fell in Aug.", "Sainsbury's rose.", "It pays £30,000 p.a.", "Met Police said so."])
        // A unit's full stop before a capital ends a sentence; a time's only where no day or zone follows.
        XCTAssertEqual(splitter.split("It reached 60,000 ft. Wind chills fell. Meet at 10 a.m. Monday. It ends at 9:30 a.m. Over 100 came."),
                       ["It reached 60,000 ft.", "Wind chills fell.", "Meet at 10 a.m. Monday.", "It ends at 9:30 a.m.", "Over 100 came."])
        XCTAssertEqual(splitter.split("The court ruled in Dobbs v. Jackson. It landed as a Cat. 4 storm. Call ext. 12 now."),
                       ["The court ruled in Dobbs v. Jackson.", "It landed as a Cat. 4 storm.", "Call ext. 12 now."])
        XCTAssertEqual(splitter.split("Tanks, drones, etc. were listed, e.g. the Leopard."),
                       ["Tanks, drones, etc. were listed, e.g. the Leopard."])
    }

    func testQuotesBracketsAndEllipses() {
        XCTAssertEqual(splitter.split("“There are losses.” Fortune said so."),
                       ["“There are losses.”", "Fortune said so."])
        XCTAssertEqual(splitter.split("He paused (briefly.) Then spoke… And left!"),
                       ["He paused (briefly.)", "Then spoke…", "And left!"])
        XCTAssertEqual(splitter.split("Really?! Yes."), ["Really?!", "Yes."])
        XCTAssertEqual(splitter.split("no terminator at all"), ["no terminator at all"])
        XCTAssertEqual(splitter.split("   "), [])
    }
}

final class ChunkSplitterTests: XCTestCase {
    func testRunOnTextIsCutAtSpacesIntoBoundedPieces() {
        let words = (0..<3_000).map { "word\($0)" }
        let pieces = SentenceSplitter().split(words.joined(separator: " "))
        XCTAssertGreaterThan(pieces.count, 1)
        XCTAssertTrue(pieces.allSatisfy { $0.count <= SentenceSplitter.maxCharacters })
        XCTAssertEqual(pieces.flatMap { $0.split(separator: " ").map(String.init) }, words, "every word kept, none cut")
        // No space at all: cut through the word rather than loop.
        let solid = String(repeating: "x", count: 12_000)
        XCTAssertEqual(SentenceSplitter().split(" " + solid).joined(), solid)
    }

    func testShortSentencesAreOneChunk() {
        let chunks = ChunkSplitter(clausePause: 150).chunks(text: "A short one.", tokens: [], pauseAfter: 400)
        XCTAssertEqual(chunks, [Chunk(text: "A short one.", pauseAfter: 400)])
    }

    func testLongSentencesSplitAtClausePunctuationAndKeepTokens() {
        let clause = Array(repeating: "word", count: 30).joined(separator: " ")
        let text = "\(clause), \(clause); \(clause)."
        var tokens: [Token] = []
        var offset = 0
        for word in text.split(separator: " ") {
            tokens.append(Token(source: String(word), spokenStart: offset, spokenEnd: offset + word.unicodeScalars.count))
            offset += word.unicodeScalars.count + 1
        }
        let chunks = ChunkSplitter(limit: 200, clausePause: 150).chunks(text: text, tokens: tokens, pauseAfter: 400)
        XCTAssertGreaterThan(chunks.count, 1)
        XCTAssertTrue(chunks.allSatisfy { $0.text.unicodeScalars.count <= 200 })
        XCTAssertEqual(chunks.last?.pauseAfter, 400)
        XCTAssertTrue(chunks.dropLast().allSatisfy { $0.pauseAfter == 150 })
        XCTAssertTrue(chunks.dropLast().allSatisfy { $0.text.hasSuffix(",") || $0.text.hasSuffix(";") })
        XCTAssertEqual(chunks.map(\.tokens.count).reduce(0, +), tokens.count, "every token lands in exactly one chunk")
        for chunk in chunks {
            let scalars = Array(chunk.text.unicodeScalars)
            for token in chunk.tokens {
                var s = String.UnicodeScalarView(); s.append(contentsOf: scalars[token.spokenStart..<token.spokenEnd])
                XCTAssertEqual(String(s), token.source)
            }
        }
    }
}
