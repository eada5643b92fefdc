import EditionCore
import EditionTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import Synthesizing
import XCTest

/// A slot posts the next job to its worker while the worker still speaks the one before, so the
/// worker goes on without waiting for the parent. The request waiting on the pipe must be taken
/// for the next request, not for "stop"; and what goes wrong with the first job must not cost the
/// one behind it.
final class PostedAheadTests: XCTestCase {
    let settings = EngineSettings(voice: "en-us")
    let texts = ["The first request is a sentence of some length, spoken while the second waits.",
                 "The second request was sent before the first was answered."]

    func supervised(_ environment: [String: String] = [:], onProcess: @escaping (pid_t?) -> Void = { _ in }) -> SupervisedWorker {
        SupervisedWorker(executable: WorkerPool.speaker(beside: TestEnvironment.editionBinary),
                         environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, interrupt: nil,
                         onProcess: onProcess)
    }

    /// Each text spoken on a fresh worker with nothing posted ahead of or behind it.
    func alone(_ text: String) throws -> [Int16] {
        let worker = supervised()
        defer { worker.stop() }
        worker.post(SynthesisJob(text: text, settings: settings))
        return try XCTUnwrap(worker.collect(sampleRate: WorkerPool.engineSampleRate).first).take.samples
    }

    func testAWorkerAnswersTwoRequestsSentBeforeEitherReply() throws {
        let process = try WorkerProcess(executable: WorkerPool.speaker(beside: TestEnvironment.editionBinary),
                                        environment: ProcessInfo.processInfo.environment)
        defer { process.stop() }
        for text in texts { XCTAssertNil(process.send([text], settings: settings, deadline: 10, interrupt: nil), "sent") }
        var takes: [Take] = []
        for _ in texts {
            guard case .spoken(let spoken) = process.receive(1, deadline: 10, interrupt: nil) else {
                return XCTFail("the worker took the waiting request for a stop")
            }
            takes += spoken
        }
        XCTAssertEqual(takes.map(\.samples), try texts.map(alone), "each reply is its own request's, in the order sent")
    }

    func testACrashAheadOfAPostedJobIsRetriedAndTheJobBehindItIsUntouched() throws {
        let worker = supervised([Worker.crashTrigger: "#boom#"])
        defer { worker.stop() }
        worker.post(SynthesisJob(text: "A #boom# in the first request.", settings: settings))
        worker.post(SynthesisJob(text: texts[1], settings: settings))
        let first = try worker.collect(sampleRate: WorkerPool.engineSampleRate)
        XCTAssertEqual(first.map(\.source), [.sanitizedRetry])
        XCTAssertEqual(first[0].failure, .crashed("killed by signal 6"))
        XCTAssertGreaterThan(first[0].take.samples.count, 22050 / 2, "the retry was spoken")
        let second = try worker.collect(sampleRate: WorkerPool.engineSampleRate)
        XCTAssertEqual(second.map(\.source), [.spoken])
        XCTAssertNil(second[0].failure)
        XCTAssertEqual(second[0].take.samples, try alone(texts[1]), "the job behind is spoken as it is alone")
        XCTAssertEqual(second[0].speaker, first[0].speaker, "only the forked child died")
    }

    func testAJobPostedToAWorkerThatDiesIsSentAgainAndIsNotAFailure() throws {
        // The first request hangs its speaker, so the worker is certainly still busy with it
        // when it is killed, and the second is still waiting on the pipe.
        var pids: [pid_t?] = []
        let watched = supervised([Worker.hangTrigger: "#hang#"]) { pids.append($0) }
        defer { watched.stop() }
        watched.post(SynthesisJob(text: "A #hang# in the first request.", settings: settings))
        watched.post(SynthesisJob(text: texts[1], settings: settings))
        let dead = try XCTUnwrap(pids.first ?? nil)
        kill(dead, SIGKILL)
        let first = try watched.collect(sampleRate: WorkerPool.engineSampleRate)
        XCTAssertEqual(first.map(\.source), [.sanitizedRetry], "the first job's worker died under it: its failure, retried")
        guard case .crashed = first[0].failure else { return XCTFail("\(String(describing: first[0].failure))") }
        let second = try watched.collect(sampleRate: WorkerPool.engineSampleRate)
        XCTAssertEqual(second.map(\.source), [.spoken])
        XCTAssertNil(second[0].failure, "the second job never reached a speaker: it is sent again, not failed")
        XCTAssertNotEqual(second[0].speaker, dead)
        XCTAssertEqual(second[0].take.samples, try alone(texts[1]))
    }
}
