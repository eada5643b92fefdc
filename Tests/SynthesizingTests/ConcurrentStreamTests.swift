import EditionCore
import EditionTestSupport
import Foundation
@testable import Synthesizing
import XCTest

/// Streams on one pool, used from several threads at once, each get their own outcomes in
/// order; no two streams can drive one worker, since only a slot's thread drives its worker.
final class ConcurrentStreamTests: XCTestCase {
    func testTwoStreamsFromTwoThreadsEachGetTheirOwnOutcomesInOrder() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 2)
        defer { pool.shutdown() }
        let a = (1...10).map { "Alpha line \($0) reads about the river." }
        let b = (1...10).map { "Bravo says \($0) times: the bridge is open." }
        // Speech is deterministic, so each text's take identifies it.
        let expectedA = try pool.speak(a).map(\.take)
        let expectedB = try pool.speak(b).map(\.take)

        let work: [@Sendable () throws -> [Take]] = [{ try Self.run(a, on: pool) }, { try Self.run(b, on: pool) }]
        let takes = try BlockingThread.all(work)
        XCTAssertEqual(takes[0], expectedA)
        XCTAssertEqual(takes[1], expectedB)
    }

    private static func run(_ texts: [String], on pool: WorkerPool) throws -> [Take] {
        let stream = pool.stream()
        defer { stream.close() }
        var takes: [Take] = []
        for text in texts {
            stream.submit(SynthesisJob(text: text, settings: EngineSettings(voice: "en-us")))
            if stream.pending >= stream.window { takes.append(try stream.next().take) }
        }
        while stream.pending > 0 { takes.append(try stream.next().take) }
        return takes
    }

    func testClosingAStreamDropsItsJobsAtOnceAndTheNextStreamIsServed() throws {
        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1,
                              environment: [Worker.hangTrigger: "#hang#"])
        defer { pool.shutdown() }
        let settings = EngineSettings(voice: "en-us")
        let first = pool.stream()
        for text in ["A #hang# sentence.", "Second.", "Third.", "Fourth."] { first.submit(SynthesisJob(text: text, settings: settings)) }
        XCTAssertTrue(ProcessTable.eventually(within: 20) { pool.workerPIDs.flatMap(ProcessTable.children(of:)).count == 1 },
                      "the hanging chunk is in flight")

        let closing = ContinuousClock.now
        first.close()
        XCTAssertLessThan(ContinuousClock.now - closing, .seconds(1), "close does not wait for the chunk in flight")
        XCTAssertTrue(pool.core.state.read { $0.queue.isEmpty }, "its queued jobs are gone")
        XCTAssertEqual(first.pending, 0)

        let second = pool.stream()
        defer { second.close() }
        second.submit(SynthesisJob(text: "After the close.", settings: settings))
        let outcome = try second.next()
        XCTAssertNil(outcome.failure)
        XCTAssertGreaterThan(outcome.take.samples.count, 0)
        XCTAssertTrue(pool.core.state.read { $0.streams.count == 1 }, "the closed stream's late outcome was discarded")
    }
}
