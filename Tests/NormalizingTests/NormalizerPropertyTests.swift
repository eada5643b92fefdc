import XCTest
import Foundation
@testable import Normalizing

/// Properties that must hold for every case of the corpora (Fixtures/cases.tsv and the Ukrainian
/// Fixtures/uk-cases.tsv), whatever the expected reading: they catch a rule that is wrong in a way
/// no single expectation names.
final class NormalizerPropertyTests: XCTestCase {
    /// Each case's written text, its normalizer and its result (computed once for all tests).
    static let results: [(case: CaseTableTests.Case, result: NormalizedText, normalizer: Normalizer)] = {
        var normalizers: [String: Normalizer] = [:]
        let english = ((try? CaseTableTests.loadCases()) ?? []).filter { $0.language != "uk" }
        let ukrainian = (try? CaseTableTests.loadCases("uk-cases", language: "uk")) ?? []
        return (english + ukrainian).map { c in
            let n = normalizers[c.language] ?? Normalizer(language: c.language)
            normalizers[c.language] = n
            return (c, n.normalize(c.written), n)
        }
    }()
    static let known: Set<String> = ((try? CaseTableTests.loadKnownFailures()) ?? [])
        .union((try? CaseTableTests.loadKnownFailures("uk-known-failures")) ?? [])

    func testTheCorpusIsLoaded() {
        XCTAssertGreaterThan(Self.results.filter { $0.case.language != "uk" }.count, 300)
        XCTAssertGreaterThan(Self.results.filter { $0.case.language == "uk" }.count, 400)
    }

    /// Spoken text is a fixed point: normalizing it again changes nothing.
    func testNormalizingSpokenTextChangesNothing() {
        for (c, r, n) in Self.results where !Self.known.contains(c.input) {
            let again = n.normalize(r.spoken)
            XCTAssertEqual(again.spoken, r.spoken, "[\(c.kind)] \(c.written)\n  rewrote: \(again.explain().joined(separator: "; "))")
        }
    }

    /// No digit survives, and no symbol espeak-ng would read aloud or drop ("$", "%", "/"…).
    func testNoDigitOrSymbolSurvives() {
        let symbols = Set("$€£¥₴₹%‰/\\=+<>^~|*_#@&°§©®™·×÷±¢".unicodeScalars)
        for (c, r, _) in Self.results where !Self.known.contains(c.input) {
            let left = r.spoken.unicodeScalars.filter { $0.properties.numericType != nil || symbols.contains($0) }
            XCTAssertTrue(left.isEmpty, "[\(c.kind)] \(c.written) → \(r.spoken): \(String(String.UnicodeScalarView(left))) left")
        }
    }

    /// A word said twice in a row ("the the", "dollars dollars") only where the writer wrote it
    /// twice. Number words and spelled letters repeat by nature ("nine one one", "twenty twenty").
    func testNoWordIsDuplicated() {
        let english: Set<Substring> = ["zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                          "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty",
                                          "seventy", "eighty", "ninety", "hundred", "thirteen", "fourteen", "fifteen",
                                          "sixteen", "seventeen", "eighteen", "nineteen", "thousand", "nil", "eh", "all", "plus"]
        // Ukrainian number words repeat as well ("сорок сорок"): every form of the units and tens.
        let repeatable = english.union((UkNumberWords.units + UkNumberWords.tens).joined().map { Substring($0) })
        func doubles(_ s: String) -> Int {
            let words = s.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "-" })
            return zip(words, words.dropFirst()).filter { $0 == $1 && $0.count > 1 && !repeatable.contains($0) }.count
        }
        for (c, r, _) in Self.results where !Self.known.contains(c.input) {
            XCTAssertLessThanOrEqual(doubles(r.spoken), doubles(c.written), "[\(c.kind)] \(c.written) → \(r.spoken)")
        }
    }

    /// Every rewrite maps back: in order, inside the text, its original and replacement are the
    /// source and spoken spans it names, and the text between rewrites is spoken as written.
    func testOffsetsMapEverySpokenWordBack() {
        for (c, r, _) in Self.results {
            let src = Array(r.source.unicodeScalars), spoken = Array(r.spoken.unicodeScalars)
            var s = 0, t = 0
            for w in r.rewrites {
                guard w.sourceStart >= s, w.sourceEnd <= src.count, w.spokenEnd <= spoken.count,
                      w.sourceStart - s == w.spokenStart - t else {
                    XCTFail("[\(c.kind)] \(c.written): rewrite \(w) out of order or out of bounds"); break
                }
                XCTAssertEqual(Array(src[s..<w.sourceStart]), Array(spoken[t..<w.spokenStart]), "[\(c.kind)] \(c.written)")
                XCTAssertEqual(String(String.UnicodeScalarView(src[w.sourceStart..<w.sourceEnd])), w.original)
                XCTAssertEqual(String(String.UnicodeScalarView(spoken[w.spokenStart..<w.spokenEnd])), w.replacement)
                s = w.sourceEnd; t = w.spokenEnd
            }
            XCTAssertEqual(Array(src[min(s, src.count)...]), Array(spoken[min(t, spoken.count)...]), "[\(c.kind)] \(c.written): tail")
            // Every spoken word belongs to one token whose source is in the written text.
            for token in r.tokens {
                XCTAssertTrue(c.written.contains(token.source), "[\(c.kind)] \(c.written): token \(token.source)")
                XCTAssertLessThanOrEqual(token.spokenEnd, spoken.count)
            }
        }
    }
}
