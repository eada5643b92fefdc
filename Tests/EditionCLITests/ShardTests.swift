import EditionTestSupport
import Foundation
import XCTest

/// Sharded builds, run as a cluster runs them: several `edition build --shard I/N` processes at
/// once on one output folder and one chunk cache, then the finishing build; the result must be
/// the one-machine build's, byte for byte.
final class ShardTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = try TestEnvironment.scratchDirectory("shards")
        let stories = dir.appendingPathComponent("stories")
        try FileManager.default.createDirectory(at: stories, withIntermediateDirectories: true)
        let headlines = ["Budget approved", "Floods close the coast road", "Library opens late", "Budget approved",
                         "Tram line extended", "School meals to be free", "Bridge repairs finish early"]
        for (i, headline) in headlines.enumerated() {
            let paragraphs = (0...(i % 3)).map { "Paragraph \($0 + 1) of story \(i + 1) says the council met on Tuesday, and \($0 * 7 + i) people came." }
            try Data(([headline] + paragraphs).joined(separator: "\n\n").utf8).write(to: stories.appendingPathComponent("story \(i) 'q' $x.txt"))
        }
        let list = headlines.indices.map { "  - \"stories/story \($0) 'q' $x.txt\"" }.joined(separator: "\n")
        try Data("""
            voice: en-us-news
            articles:
            \(list)
            editions:
              - title: Evening Briefing
                intro: Good evening.
                articles: ["stories/story 0 'q' $x.txt", "stories/story 4 'q' $x.txt"]
            """.utf8).write(to: dir.appendingPathComponent("news.yaml"))
        try Data("""
            title: Test News
            description: Narrated test stories.
            author: Test
            image: https://example.org/cover.jpg
            language: en
            categories: [News]
            explicit: false
            baseURL: https://example.org/audio/
            feedURL: https://example.org/audio/feed.xml
            """.utf8).write(to: dir.appendingPathComponent("podcast.yaml"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func build(_ out: String, cache: String, _ extra: [String] = []) throws -> CommandResult {
        try CommandRunner.edition(["build", "news.yaml", "--output", out, "--cache", cache, "--format", "wav", "--format", "mp3",
                                   "--jobs", "1", "--quiet"] + extra, directory: dir)
    }

    func testConcurrentShardsThenTheFinishingBuildMatchAOneMachineBuild() throws {
        let single = try build("single", cache: "cache-single", ["--feed-config", "podcast.yaml"])
        XCTAssertEqual(single.status, 0, single.stderr)

        // Three shards at once, sharing one output folder and one cache.
        let count = 3
        let shards = try (0..<count).map { i -> (Process, URL) in
            let log = dir.appendingPathComponent("shard-\(i).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestEnvironment.editionBinary)
            process.arguments = ["build", "news.yaml", "--output", "sharded", "--cache", "cache-shared", "--format", "wav", "--format", "mp3",
                                 "--jobs", "1", "--quiet", "--shard", "\(i)/\(count)"]
            process.environment = ProcessInfo.processInfo.environment.merging(["EDITION_VOICES": TestEnvironment.voicesDirectory.path]) { $1 }
            process.currentDirectoryURL = dir
            process.standardError = try FileHandle(forWritingTo: log)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, log)
        }
        for (i, (process, log)) in shards.enumerated() {
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "shard \(i): \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        let sharded = dir.appendingPathComponent("sharded")
        let shardReports = try FileManager.default.contentsOfDirectory(atPath: sharded.path).filter { $0.hasPrefix("build-report.shard-") }.sorted()
        XCTAssertEqual(shardReports, (0..<count).map { "build-report.shard-\($0)-of-\(count).json" })
        XCTAssertFalse(FileManager.default.fileExists(atPath: sharded.appendingPathComponent("evening-briefing.wav").path),
                       "editions wait for the finishing build")
        var built: [String] = []
        for name in shardReports {
            let report = try JSONSerialization.jsonObject(with: Data(contentsOf: sharded.appendingPathComponent(name))) as? [String: Any]
            built += ((report?["items"] as? [[String: Any]]) ?? []).compactMap { $0["status"] as? String == "built" ? $0["name"] as? String : nil }
        }
        XCTAssertEqual(built.count, 7, "each article built by exactly one shard")
        XCTAssertEqual(Set(built).count, 7)

        let finish = try build("sharded", cache: "cache-shared", ["--feed-config", "podcast.yaml"])
        XCTAssertEqual(finish.status, 0, finish.stderr)
        let merged = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: sharded.appendingPathComponent("build-report.json"))) as? [String: Any])
        let items = try XCTUnwrap(merged["items"] as? [[String: Any]])
        XCTAssertEqual(items.count, 8)
        XCTAssertEqual(items.compactMap { $0["status"] as? String }, Array(repeating: "built", count: 8),
                       "the merged report says what the shards built, and the finishing build the edition")
        let editionItem = try XCTUnwrap(items.last)
        XCTAssertGreaterThan(editionItem["cacheHits"] as? Int ?? 0, 0, "the edition is joined from the stories' cached audio")

        XCTAssertEqual(try OutputFolders.differences(dir.appendingPathComponent("single"), sharded), [])
        for slug in ["budget-approved", "budget-approved-2", "evening-briefing"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: sharded.appendingPathComponent("\(slug).mp3").path), slug)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: sharded.path).filter { $0.contains(".partial-") || $0.hasPrefix(".edition-spool") }
        XCTAssertEqual(leftovers, [])

        // A rerun of a shard finds its articles done.
        let rerun = try build("sharded", cache: "cache-shared", ["--shard", "1/3"])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        let again = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: sharded.appendingPathComponent("build-report.shard-1-of-3.json"))) as? [String: Any])
        XCTAssertEqual(again["built"] as? Int, 0)
        XCTAssertGreaterThan(again["upToDate"] as? Int ?? 0, 0)
    }

    func testBadShardsAreRefusedBeforeAnythingIsWritten() throws {
        for bad in ["3/3", "0/0", "x", "-1/2"] {
            let result = try build("bad", cache: "cache-bad", ["--shard=\(bad)"])
            XCTAssertNotEqual(result.status, 0, bad)
            XCTAssertTrue(result.stderr.contains("shard"), result.stderr)
            XCTAssertEqual(result.stderr.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("Usage") && !$0.hasPrefix("  See") }.count, 1, result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad").path))
    }
}
