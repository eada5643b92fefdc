import XCTest
import Foundation
@testable import Normalizing

/// Runs the tables of news-desk cases (Fixtures/cases.tsv and the Ukrainian Fixtures/uk-cases.tsv:
/// class, written, expected spoken) and prints accuracy per class. A written text may start with
/// "GB:" (en-GB) or "UK:" (Ukrainian); uk-cases.tsv is all Ukrainian. Every case must pass except
/// those listed in the table's known-failures file, and a listed case that passes must be taken off the list.
final class CaseTableTests: XCTestCase {
    /// `input` is the written column as in the file (prefix included), how known failures name it.
    struct Case { var kind: String; var input: String; var written: String; var expected: String; var language: String }

    static func loadCases(_ name: String = "cases", language defaultLanguage: String = "en-US") throws -> [Case] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var cases: [Case] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 3 else { continue }
            var written = cols[1], language = defaultLanguage
            if written.hasPrefix("GB:") { language = "en-GB"; written.removeFirst(3) }
            if written.hasPrefix("UK:") { language = "uk"; written.removeFirst(3) }
            cases.append(Case(kind: cols[0], input: cols[1], written: written, expected: cols[2], language: language))
        }
        return cases
    }

    /// The inputs of the cases known to fail today.
    static func loadKnownFailures(_ name: String = "known-failures") throws -> Set<String> {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        return Set(lines.filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init))
    }

    static func squeeze(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    func testEveryCasePassesButTheKnownFailures() throws {
        try check(table: "cases", knownFailures: "known-failures", language: "en-US", atLeast: 300)
    }

    func testEveryUkrainianCasePassesButTheKnownFailures() throws {
        try check(table: "uk-cases", knownFailures: "uk-known-failures", language: "uk", atLeast: 400)
    }

    func check(table: String, knownFailures: String, language: String, atLeast minimum: Int) throws {
        let cases = try Self.loadCases(table, language: language)
        let known = try Self.loadKnownFailures(knownFailures)
        XCTAssertGreaterThanOrEqual(cases.count, minimum)
        var normalizers: [String: Normalizer] = [:]
        var perClass: [String: (pass: Int, total: Int)] = [:]
        var failures: [String] = []
        for c in cases {
            let normalizer = normalizers[c.language] ?? Normalizer(language: c.language)
            normalizers[c.language] = normalizer
            let got = Self.squeeze(normalizer.normalize(c.written).spoken)
            let ok = got == Self.squeeze(c.expected)
            perClass[c.kind, default: (0, 0)].total += 1
            if ok { perClass[c.kind]!.pass += 1 }
            switch (ok, known.contains(c.input)) {
            case (false, false):
                XCTFail("[\(c.kind)] \(c.input)\n      want: \(c.expected)\n      got:  \(got)\n"
                        + "(a new failure; fix it, or list its input in Fixtures/\(knownFailures).txt)")
            case (false, true):
                failures.append("[\(c.kind)] \(c.written)\n      want: \(c.expected)\n      got:  \(got)")
            case (true, true):
                XCTFail("[\(c.kind)] \(c.input) now passes: remove it from Fixtures/\(knownFailures).txt")
            case (true, false):
                break
            }
        }
        for input in known.subtracting(cases.map(\.input)).sorted() {
            XCTFail("Fixtures/\(knownFailures).txt lists \"\(input)\", which is not a case in \(table).tsv")
        }
        let passed = perClass.values.reduce(0) { $0 + $1.pass }
        print("Normalization accuracy per class (\(table).tsv):")
        for (kind, r) in perClass.sorted(by: { $0.key < $1.key }) {
            print("  \(kind.padding(toLength: 14, withPad: " ", startingAt: 0)) \(r.pass)/\(r.total)  \(String(format: "%.1f%%", 100.0 * Double(r.pass) / Double(r.total)))")
        }
        print("  overall        \(passed)/\(cases.count)  \(String(format: "%.1f%%", 100 * Double(passed) / Double(cases.count)))")
        for f in failures { print("  KNOWN FAILURE " + f) }
    }
}
