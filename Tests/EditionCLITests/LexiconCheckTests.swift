import EditionTestSupport
import Foundation
import XCTest

/// `edition lexicon check`: the words espeak-ng would guess, found through its own trace.
final class LexiconCheckTests: XCTestCase {
    func testListsTheWordsEspeakGuessesAndNotTheOnesItKnows() throws {
        let dir = try TestEnvironment.scratchDirectory("lexicon")
        defer { try? FileManager.default.removeItem(at: dir) }
        // "Zelenskyy" is in the voices' lexicon; "Kvitnevyi" and "Brovarskyi" are in no dictionary;
        // "government" is regular English, "Kyiv" is lexicon too.
        let article = try TestEnvironment.write(Data("""
            Kvitnevyi district votes again

            The government in Kyiv said Kvitnevyi and Brovarskyi residents met Zelenskyy. Kvitnevyi voted first.
            """.utf8), named: "article.txt", in: dir)
        let result = try CommandRunner.edition(["lexicon", "check", article.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        let listed = Dictionary(uniqueKeysWithValues: rows.filter { $0.count == 3 && Int($0[0]) != nil }.map { (String($0[1]), (Int($0[0])!, String($0[2]))) })
        XCTAssertEqual(listed["Kvitnevyi"]?.0, 3, result.stdout)  // the headline, the text twice
        XCTAssertEqual(listed["Brovarskyi"]?.0, 1, result.stdout)
        for known in ["Zelenskyy", "Kyiv", "government", "The", "residents", "district"] {
            XCTAssertNil(listed[known], "\(known) is known, yet listed:\n\(result.stdout)")
        }
        // The guess is espeak-ng's phonemes, as a lexicon entry writes them.
        let guess = try XCTUnwrap(listed["Kvitnevyi"]?.1)
        XCTAssertTrue(guess.hasPrefix("[[") && guess.hasSuffix("]]") && guess.count > 6, guess)
        XCTAssertEqual(rows.first?.first, "count")

        let yaml = try CommandRunner.edition(["lexicon", "check", article.path, "--yaml"])
        XCTAssertEqual(yaml.status, 0, yaml.stderr)
        XCTAssertTrue(yaml.stdout.contains("- word: Kvitnevyi\n  say: \"\(guess)\"  # 3 times\n"), yaml.stdout)
        XCTAssertFalse(yaml.stdout.contains("word: Zelenskyy"))
    }

    func testWorksOnTheSampleArticle() throws {
        let sample = TestEnvironment.examplesDirectory.appendingPathComponent("anti-kremlin-militia.txt")
        let result = try CommandRunner.edition(["lexicon", "check", sample.path, "--voice", "en-gb-news"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("guessed from spelling") || result.stdout.contains("knows every word"), result.stdout)
        XCTAssertFalse(result.stdout.contains(" Kharkiv "), "Kharkiv is in the lexicon:\n\(result.stdout)")
    }

    func testAMissingFileIsNamedAndFails() throws {
        let result = try CommandRunner.edition(["lexicon", "check", "/nonexistent/article.txt"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("/nonexistent/article.txt"), result.stderr)
    }
}
