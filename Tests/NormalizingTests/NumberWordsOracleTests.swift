import XCTest
import Foundation
@testable import Normalizing

/// Ukrainian number words against yar-numerals (PyPI), which inflects numerals correctly once
/// told case and gender. The oracle runs here, in the test, never at run time; without it the
/// test fails (install it with `make deps`).
final class NumberWordsOracleTests: XCTestCase {
    /// Where a newsreader says it otherwise than the oracle, with why, for every form of "kind number".
    static let newsreaderExceptions: [String: String] = [
        "ordinal 100000": "\"стотисячний\" (the dictionary and the news), not the oracle's \"статисячний\"",
    ]

    func oracle() throws -> [(kind: String, n: Int, c: UkCase, g: UkGender, words: String)] {
        let script = try XCTUnwrap(Bundle.module.url(forResource: "yar-oracle", withExtension: "py", subdirectory: "Fixtures"))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            XCTFail("the yar-numerals oracle did not run (python3 -m pip install yar-numerals): \(errors)")
            return []
        }
        let cases: [String: UkCase] = ["nominative": .nom, "genitive": .gen, "dative": .dat, "accusative": .acc,
                                       "instrumental": .ins, "locative": .loc]
        let genders: [String: UkGender] = ["masculine": .masc, "feminine": .fem, "neuter": .neut, "plural": .plural]
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t").map(String.init)
            guard f.count == 5, let n = Int(f[1]), let c = cases[f[2]], let g = genders[f[3]] else { return nil }
            // yar writes the apostrophe as U+02BC; espeak-ng and our text use "'".
            return (f[0], n, c, g, f[4].replacingOccurrences(of: "\u{02BC}", with: "'"))
        }
    }

    func testCardinalsAndOrdinalsAgreeWithTheOracle() throws {
        let rows = try oracle()
        XCTAssertGreaterThan(rows.count, 3000, "the oracle printed too little")
        var mismatches: [String] = []
        for r in rows {
            let ours = r.kind == "cardinal" ? UkNumberWords.cardinal(r.n, r.c, r.g) : UkNumberWords.ordinal(r.n, r.c, r.g)
            let key = "\(r.kind) \(r.n) \(r.c) \(r.g)"
            if ours != r.words && Self.newsreaderExceptions["\(r.kind) \(r.n)"] == nil {
                mismatches.append("\(key): ours \"\(ours)\", oracle \"\(r.words)\"")
            }
        }
        for m in mismatches.prefix(60) { print("  DIFFERS " + m) }
        XCTAssertTrue(mismatches.isEmpty, "\(mismatches.count) of \(rows.count) forms differ from yar-numerals (listed above)")
    }
}
