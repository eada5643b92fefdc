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
}
