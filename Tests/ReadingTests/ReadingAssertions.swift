import EditionCore
import Foundation
import Reading
import XCTest

/// Fixture loading and the assertions the ported reader tests make.
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func read(_ name: String) throws -> Article { try ArticleReader().read(path: url(name).path) }

    static func text(_ name: String) throws -> String { try String(contentsOf: url(name), encoding: .utf8) }
}

/// Asserts that `text` was removed, and for `reason`.
func assertRemoved(_ article: Article, _ text: String, reason: String, file: StaticString = #filePath, line: UInt = #line) {
    let matches = article.removed.filter { $0.text == text }
    XCTAssertFalse(matches.isEmpty, "not removed: \(text)\nremoved: \(article.removed.map { "\($0.reason): \($0.text)" })", file: file, line: line)
    if let first = matches.first {
        XCTAssertEqual(first.reason, reason, "reason for removing “\(text)”", file: file, line: line)
    }
}

/// Asserts the body, block by block, word for word: `## heading` lines open sections,
/// `> ` marks a quote and `- ` a list item.
func assertBody(_ article: Article, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
    var actual: [String] = []
    for section in article.sections {
        if let heading = section.heading { actual.append("## " + heading) }
        for block in section.blocks {
            switch block.kind {
            case .paragraph: actual.append(block.text)
            case .quote: actual.append("> " + block.text)
            case .listItem: actual.append("- " + block.text)
            }
        }
    }
    XCTAssertEqual(actual.count, expected.count, "block count; got:\n" + actual.joined(separator: "\n"), file: file, line: line)
    for (index, pair) in zip(actual, expected).enumerated() where pair.0 != pair.1 {
        XCTFail("block \(index + 1):\n got: \(pair.0)\nwant: \(pair.1)", file: file, line: line)
    }
}

/// Asserts that each non-blank line of a text source is accounted for: the headline, inside a
/// body block or heading, or recorded as removed (by line number or by its text).
func assertNothingDroppedSilently(_ article: Article, source: String, file: StaticString = #filePath, line: UInt = #line) {
    let body = article.sections.flatMap { ($0.heading.map { [$0] } ?? []) + $0.blocks.map(\.text) }
    let removedLines = Set(article.removed.compactMap(\.line))
    for (index, raw) in source.components(separatedBy: "\n").enumerated() {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { continue }
        let found = text == article.headline || removedLines.contains(index + 1)
            || article.removed.contains { $0.text == text } || body.contains { $0.contains(text) }
        XCTAssertTrue(found, "line \(index + 1) vanished: \(text)", file: file, line: line)
    }
}

/// UTC calendar date parts of a publication date, for readable assertions.
func utcParts(_ date: Date?) -> [Int]? {
    guard let date else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return [c.year!, c.month!, c.day!, c.hour!, c.minute!]
}
