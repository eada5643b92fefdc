import Building
import EditionCore
import EditionTestSupport
import Foundation
import Settings
import Synthesizing
import XCTest

/// A build starts queuing the next item's chunks as soon as every chunk of this one is queued
/// (`Producer.record`'s `queued`), while this one's last takes are still being delivered.
final class RecordingOverlapTests: XCTestCase {
    func testQueuedIsCalledOnceWithTakesStillToDeliver() throws {
        let dir = try TestEnvironment.scratchDirectory("overlap")
        defer { try? FileManager.default.removeItem(at: dir) }
        let paragraphs = (1...12).map { "Paragraph \($0) of the story says what the council decided, and why it matters to the town." }
        let text = (["Council decides"] + paragraphs).joined(separator: "\n\n") + "\n"
        let profile = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news")
        let plan = try EpisodePlan.article(.bytes(Data(text.utf8), name: "council.txt"), profile: profile, intro: .none)
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1)
        defer { pool.shutdown() }

        var log: [String] = []
        var total = 0
        let recording = try Producer(pool: pool).record(plan, outputDirectory: dir, queued: { log.append("queued") }) { progress in
            log.append("delivered \(progress.sentencesDone)")
            total = progress.sentencesTotal
        }
        XCTAssertEqual(recording.chunks, plan.script.reduce(0) { $0 + $1.sentence.chunks.count })
        XCTAssertEqual(log.filter { $0 == "queued" }.count, 1, "\(log)")
        let at = try XCTUnwrap(log.firstIndex(of: "queued"))
        XCTAssertGreaterThan(at, 0, "the first paragraphs are delivered while later ones are still being queued")
        XCTAssertGreaterThanOrEqual(log.count - at - 1, 2, "several takes are left to deliver once all is queued: \(log)")
        XCTAssertEqual(log.last, "delivered \(total)", "every sentence is delivered, the last after `queued`")
    }
}
