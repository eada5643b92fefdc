import XCTest
import Foundation
@testable import Normalizing

/// Runs the table of news-desk cases (Fixtures/cases.tsv: class, written, expected spoken) and
/// prints accuracy per class. A written text may start with "GB:" (en-GB) or "UK:" (Ukrainian).
final class CaseTableTests: XCTestCase {
    struct Case { var kind: String; var written: String; var expected: String; var language: String }

    static func loadCases() throws -> [Case] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "cases", withExtension: "tsv", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var cases: [Case] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 3 else { continue }
            var written = cols[1], language = "en-US"
            if written.hasPrefix("GB:") { language = "en-GB"; written.removeFirst(3) }
            if written.hasPrefix("UK:") { language = "uk"; written.removeFirst(3) }
            cases.append(Case(kind: cols[0], written: written, expected: cols[2], language: language))
        }
        return cases
    }

    static func squeeze(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    func testCaseTableAccuracy() throws {
        let cases = try Self.loadCases()
        XCTAssertGreaterThanOrEqual(cases.count, 300)
        var normalizers: [String: Normalizer] = [:]
        var perClass: [String: (pass: Int, total: Int)] = [:]
        var failures: [String] = []
        for c in cases {
            let normalizer = normalizers[c.language] ?? Normalizer(language: c.language)
            normalizers[c.language] = normalizer
            let got = Self.squeeze(normalizer.normalize(c.written).spoken)
            let ok = got == Self.squeeze(c.expected)
            perClass[c.kind, default: (0, 0)].total += 1
            if ok { perClass[c.kind]!.pass += 1 } else {
                failures.append("[\(c.kind)] \(c.written)\n      want: \(c.expected)\n      got:  \(got)")
            }
        }
        let passed = perClass.values.reduce(0) { $0 + $1.pass }
        print("Normalization accuracy per class:")
        for (kind, r) in perClass.sorted(by: { $0.key < $1.key }) {
            print("  \(kind.padding(toLength: 14, withPad: " ", startingAt: 0)) \(r.pass)/\(r.total)  \(String(format: "%.1f%%", 100.0 * Double(r.pass) / Double(r.total)))")
        }
        let accuracy = Double(passed) / Double(cases.count)
        print("  overall        \(passed)/\(cases.count)  \(String(format: "%.1f%%", 100 * accuracy))")
        for f in failures { print("  FAIL " + f) }
        XCTAssertGreaterThanOrEqual(accuracy, 0.97, "normalization accuracy below 97%")
    }
}
