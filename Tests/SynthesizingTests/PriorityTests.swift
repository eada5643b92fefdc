import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
import EditionCore
import EditionTestSupport
@testable import Synthesizing

/// `edition serve` runs narration below the server's priority so requests stay fast on a busy
/// machine: the threads and the worker processes they spawn must all be niced, once.
final class PriorityTests: XCTestCase {
    override func tearDown() { BlockingThread.niceness = 0 }

    func testNicedThreadsAndTheirWorkersRunLowerAndNestedThreadsDoNotCompound() throws {
        let base = try XCTUnwrap(ProcessTable.niceOfCallingThread())
        BlockingThread.niceness = 7
        let levels = try BlockingThread.run { () -> [Int?] in
            let outer = ProcessTable.niceOfCallingThread()
            let inner = BlockingThread.run { ProcessTable.niceOfCallingThread() }
            return [outer, try inner.wait().get()]
        }.wait().get()
        XCTAssertEqual(levels, [min(19, base + 7), min(19, base + 7)], "a thread started from a niced thread keeps the level")
        XCTAssertEqual(ProcessTable.niceOfCallingThread(), base, "the caller's own priority is untouched")

        let pool = WorkerPool(executable: TestEnvironment.editionBinary, jobs: 1)
        defer { pool.shutdown() }
        let stream = pool.stream()
        stream.submit(SynthesisJob(text: "A short sentence.", settings: EngineSettings(voice: "en-us")))
        _ = try stream.next()
        let workers = pool.workerPIDs
        XCTAssertEqual(workers.count, 1)
        XCTAssertEqual(workers.compactMap { ProcessTable.nice(of: $0) }, [min(19, base + 7)], "the worker inherits the slot thread's level")

        BlockingThread.niceness = 0
        let plain = try BlockingThread.run { ProcessTable.niceOfCallingThread() }.wait().get()
        XCTAssertEqual(plain, base, "with niceness 0, new threads run at the caller's level")
    }
}
