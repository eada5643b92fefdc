import Audio
@testable import Building
import EditionTestSupport
import Foundation
import XCTest

/// The chunk cache keeps encoded MP3 parts beside its takes: what is kept comes back byte for
/// byte with its joining facts, and parts are weighed and evicted with the takes.
final class KeptPartsTests: XCTestCase {
    func testAPartComesBackWhole() throws {
        let dir = try TestEnvironment.scratchDirectory("kept-parts")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = try ChunkCache(directory: dir.appendingPathComponent("cache"))
        let bytes = Data((0..<5000).map { UInt8($0 % 251) })
        let encoded = dir.appendingPathComponent("part0").path
        XCTAssertTrue(FileManager.default.createFile(atPath: encoded, contents: bytes))
        let part = MP3Part(path: encoded, encodedFrames: 42, padding: 1000, tagFrame: [0xFF, 0xF3, 1, 2, 3])
        let key = String(repeating: "ab", count: 32)
        XCTAssertNil(cache.loadPart(key, to: dir.appendingPathComponent("missing").path))
        cache.storePart(part, key: key)

        let back = dir.appendingPathComponent("back").path
        let loaded = try XCTUnwrap(cache.loadPart(key, to: back))
        XCTAssertEqual(loaded, MP3Part(path: back, encodedFrames: 42, padding: 1000, tagFrame: [0xFF, 0xF3, 1, 2, 3]))
        XCTAssertEqual(FileManager.default.contents(atPath: back), bytes)

        // A torn or foreign entry is no entry.
        let entry = cache.partURL(key)
        try Data("EDMP3P1\n\u{7}".utf8).write(to: entry)
        XCTAssertNil(cache.loadPart(key, to: back))

        cache.storePart(part, key: key)
        XCTAssertEqual(cache.size().entries, 1, "parts count as entries")
        XCTAssertGreaterThan(cache.size().bytes, bytes.count)
        XCTAssertEqual(cache.prune(maxBytes: 0).removed, 1, "and are evicted with the takes")
        XCTAssertNil(cache.loadPart(key, to: back))
    }
}
