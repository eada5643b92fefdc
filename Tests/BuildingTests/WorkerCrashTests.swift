import Building
import Settings
import EditionCore
import EditionTestSupport
import Foundation
import Synthesizing
import XCTest

/// The engine may abort on odd input; the narration reports the chunk and completes.
/// (The pool's own crash, hang and shutdown tests are in SynthesizingTests.)
final class WorkerCrashTests: XCTestCase {
    func testCrashIsReportedInTheEpisodeAndTheNarrationCompletes() throws {
        let dir = try TestEnvironment.scratchDirectory("crash")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try TestEnvironment.write(Data("Crash test\n\nOne fine sentence. A kaboom sentence. Last one.\n".utf8),
                                               named: "a.txt", in: dir)
        let narration = try TestNarrator.narrate(source.path, into: dir, environment: [Worker.crashTrigger: "kaboom"])
        XCTAssertEqual(narration.episode.warnings.count, 1)
        let warning = try XCTUnwrap(narration.episode.warnings.first)
        XCTAssertTrue(warning.contains("A kaboom sentence"), warning)
        XCTAssertTrue(warning.contains("at 00:00:"), "the warning gives the chunk's position: \(warning)")
        let meta = try String(contentsOf: dir.appendingPathComponent("crash-test.json"), encoding: .utf8)
        XCTAssertTrue(meta.contains("kaboom"), "the episode metadata carries the warning")
    }

    /// The chunks of a paragraph are spoken as one run; when one of them crashes it, the others
    /// are spoken on their own. Through a cold or a warm cache the narration is the one made
    /// without a cache: the crashed paragraph is spoken again, the others come from the cache.
    func testAChunkThatCrashesItsParagraphLeavesTheCacheTrue() throws {
        let dir = try TestEnvironment.scratchDirectory("crash-cache")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try TestEnvironment.write(Data("Crash cache\n\nOne fine sentence. A kaboom sentence. The last sentence.\n\nA second paragraph that is fine.\n".utf8),
                                               named: "a.txt", in: dir)
        let cache = dir.appendingPathComponent("cache")
        let environment = [Worker.crashTrigger: "kaboom"]
        func narrate(_ folder: String, cache: URL?) throws -> (Narration, Data) {
            let narration = try TestNarrator.make(environment: environment, cache: cache)
                .narrateBlocking(.file(source.path), voice: "en-us-news", options: .init(outputDirectory: dir.appendingPathComponent(folder), formats: [.wav]))
            return (narration, try Data(contentsOf: try XCTUnwrap(narration.files.first { $0.pathExtension == "wav" })))
        }
        let (plain, reference) = try narrate("plain", cache: nil)
        XCTAssertEqual(plain.episode.warnings.count, 1, "\(plain.episode.warnings)")
        let (cold, coldAudio) = try narrate("cold", cache: cache)
        let (warm, warmAudio) = try narrate("warm", cache: cache)
        XCTAssertEqual(cold.cacheHits, 0)
        XCTAssertLessThan(warm.cacheHits, warm.chunks, "the crashed paragraph is spoken again")
        XCTAssertGreaterThan(warm.cacheHits, 0, "the paragraphs that went well come from the cache")
        XCTAssertEqual(coldAudio, reference)
        XCTAssertEqual(warmAudio, reference)
    }
}
