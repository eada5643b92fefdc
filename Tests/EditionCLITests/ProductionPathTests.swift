import EditionTestSupport
import Foundation
import XCTest

/// The production path as a user meets it: the same article always gives the same audio,
/// a frozen or hung worker costs one chunk, and errors name the article.
final class ProductionPathTests: XCTestCase {
    var dir: URL!
    var cache: URL { dir.appendingPathComponent("cache") }

    static let article = """
        Harbour authority approves the new ferry terminal

        By Ann Lee | March 3, 2025

        The harbour authority approved the new ferry terminal on Tuesday, after a debate that lasted most of the day. Work starts in the spring.

        “We have waited for this since 2019,” said the mayor, who has campaigned for the terminal. The budget is $48.5 million.

        Ferries will run every twenty minutes at peak times. Residents asked about noise, and the authority promised a survey.

        Critics said the cost was too high. The vote was nine to four.
        """

    override func setUpWithError() throws {
        dir = try TestEnvironment.scratchDirectory("production")
        try Data(Self.article.utf8).write(to: dir.appendingPathComponent("ferry.txt"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// The PCM of the WAV written into `folder` (the `data` chunk, read by our own RIFF parser).
    func pcm(_ folder: String) throws -> Data {
        let wav = dir.appendingPathComponent(folder).appendingPathComponent("harbour-authority-approves-the-new-ferry-terminal.wav")
        return try XCTUnwrap(try RIFFReader(url: wav).chunk("data")).data
    }

    func narrate(_ arguments: [String], into folder: String) throws -> CommandResult {
        let result = try CommandRunner.edition(["narrate", "ferry.txt", "--output", folder, "--format", "wav", "--quiet"] + arguments,
                                               directory: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    func testTheSameArticleGivesIdenticalPCMWhateverTheWorkersCacheOrBatch() throws {
        _ = try narrate(["--jobs", "2", "--no-cache"], into: "a")
        let reference = try pcm("a")
        XCTAssertGreaterThan(reference.count, 44100 * 2 * 10, "the article lasts more than ten seconds")
        _ = try narrate(["--jobs", "2", "--no-cache"], into: "b")
        _ = try narrate(["--jobs", "2", "--no-cache"], into: "c")
        _ = try narrate(["--jobs", "1", "--no-cache"], into: "d")
        for folder in ["b", "c", "d"] { XCTAssertTrue(try pcm(folder) == reference, "narration into \(folder) differs") }

        // Narrate through a cache (stores every chunk), then build the article inside a batch after
        // another one (built and mastered first), where every chunk comes from the cache.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("batch"), withIntermediateDirectories: true)
        try Data("Council news\n\nThe council met. It rained all day.\n".utf8).write(to: dir.appendingPathComponent("batch/a-council.txt"))
        try FileManager.default.copyItem(at: dir.appendingPathComponent("ferry.txt"), to: dir.appendingPathComponent("batch/ferry.txt"))
        _ = try narrate(["--jobs", "2", "--cache", cache.path], into: "e")
        XCTAssertTrue(try pcm("e") == reference, "narration through a cold cache differs")
        let build = try CommandRunner.edition(["build", "batch", "--output", "f", "--format", "wav", "--cache", cache.path, "--json"],
                                              directory: dir)
        XCTAssertEqual(build.status, 0, build.stderr)
        let finished = build.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["event"] as? String == "item-finished" && ($0["name"] as? String)?.hasSuffix("ferry.txt") == true }
        XCTAssertEqual(finished.first?["cacheHits"] as? Int, finished.first?["chunks"] as? Int, "every chunk came from the cache")
        XCTAssertTrue(try pcm("f") == reference, "the batch build from a warm cache differs")
        // With no cache, the ferry's chunks are queued while the council's last takes are delivered.
        let cold = try CommandRunner.edition(["build", "batch", "--output", "g", "--format", "wav", "--no-cache", "--jobs", "2", "--quiet"],
                                             directory: dir)
        XCTAssertEqual(cold.status, 0, cold.stderr)
        XCTAssertTrue(try pcm("g") == reference, "the batch build that overlaps two recordings differs")
    }

    /// A worker that hangs on a chunk is killed at the chunk's deadline; the chunk is retried,
    /// hangs again (the trigger survives sanitizing) and becomes silence; the run still ends well.
    func testAHungWorkerCostsOneChunkAndTheRunEndsWithAWarning() throws {
        let started = Date()
        let result = try narrate(["--jobs", "2", "--no-cache", "--inject-worker-hang", "twenty minutes"], into: "hang")
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThan(elapsed, 60, "a hung worker must not hold the run: two deadlines of a few seconds each")
        let episode = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(
            "hang/harbour-authority-approves-the-new-ferry-terminal.json"))) as? [String: Any])
        let warnings = try XCTUnwrap(episode["warnings"] as? [String])
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings[0].contains("twenty minutes") && warnings[0].contains("silence"), warnings[0])
        XCTAssertTrue(result.stderr.contains("warning:"), result.stderr)
        XCTAssertGreaterThan(try pcm("hang").count, 44100 * 2 * 10, "the rest of the article was spoken")
    }

    /// As a user would: freeze one `edition worker` with SIGSTOP while `edition narrate` runs.
    func testAWorkerFrozenFromOutsideCostsAtMostOneChunk() throws {
        let long = (1...60).map { "Paragraph \($0) tells how the ferry terminal will change the harbour front for everyone." }
        try Data((["Long ferry story"] + long).joined(separator: "\n\n").utf8).write(to: dir.appendingPathComponent("long.txt"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestEnvironment.editionBinary)
        process.arguments = ["narrate", "long.txt", "--output", "frozen", "--format", "wav", "--no-cache", "--jobs", "2", "--quiet"]
        process.environment = ProcessInfo.processInfo.environment.merging(["EDITION_VOICES": TestEnvironment.voicesDirectory.path]) { $1 }
        process.currentDirectoryURL = dir
        process.standardError = FileHandle.nullDevice
        try process.run()
        let started = Date()
        var frozen: pid_t?
        while frozen == nil, process.isRunning, Date().timeIntervalSince(started) < 30 {
            frozen = Self.children(of: process.processIdentifier).first
            usleep(20_000)
        }
        let worker = try XCTUnwrap(frozen, "narrate started a worker")
        kill(worker, SIGSTOP)
        while process.isRunning, Date().timeIntervalSince(started) < 90 { usleep(50_000) }
        if process.isRunning { process.terminate() }
        XCTAssertFalse(process.isRunning)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "a frozen worker must not hold the run")
        let episode = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(
            "frozen/long-ferry-story.json"))) as? [String: Any])
        XCTAssertLessThanOrEqual((episode["warnings"] as? [String] ?? []).count, 1)
        XCTAssertEqual(kill(worker, 0), -1, "the frozen worker was killed")
    }

    /// Processes whose parent is `pid`, from /proc.
    static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { child in
            guard let stat = try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && pid_t(fields[1]) == pid
        }
    }

    /// A failure while the article is mastered (an intro clip that is not audio) names the
    /// article, never a hidden temporary file, in narrate and build alike.
    func testProductionErrorsNameTheArticle() throws {
        try Data("not audio".utf8).write(to: dir.appendingPathComponent("jingle.wav"))
        let narrate = try CommandRunner.edition(["narrate", "ferry.txt", "--output", "out", "--format", "wav", "--no-cache",
                                                 "--intro-audio", "jingle.wav"], directory: dir)
        XCTAssertNotEqual(narrate.status, 0)
        let build = try CommandRunner.edition(["build", "ferry.txt", "--output", "out", "--format", "wav", "--no-cache",
                                               "--intro-audio", "jingle.wav", "--quiet"], directory: dir)
        XCTAssertNotEqual(build.status, 0)
        for result in [narrate, build] {
            let line = try XCTUnwrap(result.stderr.split(separator: "\n").first { $0.hasPrefix("error:") }, result.stderr)
            XCTAssertTrue(line.hasPrefix("error: ferry.txt: "), String(line))
            XCTAssertFalse(line.contains(".partial-") || line.contains(".edition-spool"), String(line))
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        XCTAssertEqual(left.filter { !$0.hasPrefix(".edition-journal") && $0 != "build-report.json" }, [], "nothing half-written is left")
    }
}

/// A voice profile naming a voice espeak-ng does not have fails the article with a clear line,
/// not an episode of silence.
final class UnknownEngineVoiceTests: XCTestCase {
    func testAnUnknownEngineVoiceFailsTheArticleByName() throws {
        let dir = try TestEnvironment.scratchDirectory("voice")
        defer { try? FileManager.default.removeItem(at: dir) }
        let voices = dir.appendingPathComponent("Voices")
        try FileManager.default.createDirectory(at: voices, withIntermediateDirectories: true)
        try Data("engine:\n  voice: xx-nowhere\n".utf8).write(to: voices.appendingPathComponent("ghost.yaml"))
        try Data("Ghost story\n\nNobody can read this aloud.\n".utf8).write(to: dir.appendingPathComponent("ghost.txt"))
        let result = try CommandRunner.edition(["narrate", "ghost.txt", "--voice", "ghost", "--output", "out", "--format", "wav", "--no-cache"],
                                               environment: ["EDITION_VOICES": voices.path], directory: dir)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("error: ghost.txt: espeak-ng has no voice named 'xx-nowhere'"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/ghost-story.wav").path))
    }
}
