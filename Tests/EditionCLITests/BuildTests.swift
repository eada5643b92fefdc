import EditionTestSupport
import Foundation
import XCTest

/// `edition build`, run as a user runs it: the real binary, real synthesis, its own cache.
final class BuildTests: XCTestCase {
    var dir: URL!
    var out: URL { dir.appendingPathComponent("out") }
    var cache: URL { dir.appendingPathComponent("cache") }

    override func setUpWithError() throws {
        dir = try TestEnvironment.scratchDirectory("build")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("stories"), withIntermediateDirectories: true)
        try story("a.txt", "Budget approved", ["The council approved the budget on Tuesday.", "Roads get more money next year."])
        try story("b.txt", "Floods close the coast road", ["Heavy rain closed the coast road on Monday.", "Crews expect to reopen it soon."])
        try story("c.md", "Library opens late", ["The new library opens a week late.", "Builders blamed the weather."])
        try Data("""
            voice: en-us-news
            articles:
              - stories/a.txt
              - path: stories/b.txt
                voice: en-gb-news
                date: 2026-11-25
                url: https://example.org/floods
            editions:
              - title: Morning Briefing, 25 November 2026
                date: 2026-11-25
                intro: Good morning. Here is the news.
                outro: That was the Morning Briefing.
                storyPause: 1500
                articles: [stories/a.txt, stories/b.txt]
            """.utf8).write(to: dir.appendingPathComponent("edition.yaml"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func story(_ name: String, _ headline: String, _ paragraphs: [String]) throws {
        let text = ([headline] + paragraphs).joined(separator: "\n\n") + "\n"
        try Data(text.utf8).write(to: dir.appendingPathComponent("stories/\(name)"))
    }

    func build(_ args: [String]) throws -> CommandResult {
        try CommandRunner.edition(["build"] + args + ["--output", out.path, "--cache", cache.path, "--format", "wav"], directory: dir)
    }

    func report() throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("build-report.json"))) as? [String: Any])
    }

    func items() throws -> [[String: Any]] { try XCTUnwrap(try report()["items"] as? [[String: Any]]) }

    func testManifestBuildsArticlesAndAnEditionAndABadArticleCostsNothingElse() throws {
        try Data([0, 1, 2, 3, 0xFF, 0]).write(to: dir.appendingPathComponent("stories/broken.txt"))
        let result = try build(["edition.yaml", "stories/broken.txt", "stories/c.md"])
        XCTAssertNotEqual(result.status, 0, "a failed item makes the exit status non-zero")
        XCTAssertTrue(result.stderr.contains("broken.txt"), result.stderr)
        let statuses = try items().map { $0["status"] as? String }
        XCTAssertEqual(statuses, ["built", "built", "built", "failed", "built"], "the item after the bad one was still built")
        for slug in ["budget-approved", "floods-close-the-coast-road", "morning-briefing-25-november-2026", "library-opens-late"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(slug).wav").path), slug)
        }
        // The edition: one chapter per story, titled with its headline, between the intro and outro.
        let chapters = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("morning-briefing-25-november-2026.chapters.json"))) as? [String: Any])?["chapters"] as? [[String: Any]])
        XCTAssertEqual(chapters.compactMap { $0["title"] as? String },
                       ["Morning Briefing, 25 November 2026", "Budget approved", "Floods close the coast road", "Closing"])
        let floods = try String(contentsOf: out.appendingPathComponent("floods-close-the-coast-road.json"), encoding: .utf8)
        XCTAssertTrue(floods.contains("\"voice\" : \"en-gb-news\""), "the manifest's per-article voice is used")
        XCTAssertTrue(floods.contains("https://example.org/floods"))
    }

    func testANoChangeRebuildSynthesizesNothingAndAnEditRespeaksOnlyItsChunks() throws {
        XCTAssertEqual(try build(["stories"]).status, 0)
        let second = try build(["stories"])
        XCTAssertEqual(second.status, 0)
        XCTAssertEqual(try items().map { $0["status"] as? String }, ["up-to-date", "up-to-date", "up-to-date"])

        try story("a.txt", "Budget approved", ["The council approved the budget on Tuesday.", "Roads get much more money next year."])
        XCTAssertEqual(try build(["stories"]).status, 0)
        let rebuilt = try items()
        XCTAssertEqual(rebuilt.map { $0["status"] as? String }, ["built", "up-to-date", "up-to-date"])
        let chunks = try XCTUnwrap(rebuilt[0]["chunks"] as? Int)
        XCTAssertEqual(rebuilt[0]["cacheHits"] as? Int, chunks - 1, "only the edited sentence is synthesized again")
    }

    func testJSONEventsAreOneObjectPerLine() throws {
        let result = try build(["stories/a.txt", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let events = try result.stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["event"] as? String
        }
        XCTAssertEqual(events.first, "started")
        XCTAssertEqual(events.last, "finished")
        XCTAssertTrue(events.contains("item-finished"))
    }

    func testAKilledRunResumesAndLeavesNoHalfWrittenFile() throws {
        for i in 0..<10 {
            try story("long\(i).txt", "Long story number \(i)", (0..<20).map { "Paragraph \($0) of story \(i) tells of the council, the budget and the roads in some detail." })
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestEnvironment.editionBinary)
        process.arguments = ["build", "stories", "--output", out.path, "--cache", cache.path, "--format", "wav", "--format", "mp3", "--jobs", "2", "--quiet"]
        process.environment = ProcessInfo.processInfo.environment.merging(["EDITION_VOICES": TestEnvironment.voicesDirectory.path]) { $1 }
        process.currentDirectoryURL = dir
        try process.run()
        // Kill it once the first episode is out and journaled, and others are still under way.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let records = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(".edition-journal").path)) ?? []
            if records.contains(where: { $0.hasSuffix(".json") && !$0.hasPrefix(".") }) { break }
            usleep(5_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let builtBefore = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".wav") && !$0.hasPrefix(".") }.count
        XCTAssertLessThan(builtBefore, 13, "the run was killed before it finished")

        let rerun = try build(["stories", "--format", "mp3"])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        XCTAssertEqual(names.filter { $0.contains(".partial-") || $0.hasPrefix(".edition-spool") }, [], "no temporary file is left")
        let episodes = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") && !$0.contains(".chapters") && !$0.contains(".transcript") && $0 != "build-report.json" }
        XCTAssertEqual(episodes.count, 13)
        for wav in names.filter({ $0.hasSuffix(".wav") }) {
            let riff = try RIFFReader(url: out.appendingPathComponent(wav))
            XCTAssertEqual(Int(riff.riffSize), riff.bytes.count - 8, "\(wav) is whole")
        }
        // Items finished before the kill were not built again.
        XCTAssertGreaterThan(try items().filter { $0["status"] as? String == "up-to-date" }.count, 0)
    }

    /// The cached chunks on disk: path → size in bytes.
    func chunks() throws -> [String: Int] {
        var found: [String: Int] = [:]
        let walker = try XCTUnwrap(FileManager.default.enumerator(at: cache, includingPropertiesForKeys: [.fileSizeKey]))
        for case let url as URL in walker where url.pathExtension == "take" {
            found[url.path] = try XCTUnwrap(url.resourceValues(forKeys: [.fileSizeKey]).fileSize)
        }
        return found
    }

    func testCachePruneTrimsToTheSizeAsked() throws {
        XCTAssertEqual(try build(["stories/a.txt"]).status, 0)
        let before = try chunks()
        XCTAssertGreaterThanOrEqual(before.count, 3, "headline and two sentences, at least")
        let info = try CommandRunner.edition(["cache", "info", "--cache", cache.path])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertTrue(info.stdout.hasPrefix("\(cache.path)  \(before.count) chunks  "), info.stdout)

        // Used one second apart, in path order; pruning drops the least recently used first.
        let order = before.keys.sorted()
        for (i, path) in order.enumerated() {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000 + Double(i))],
                                                  ofItemAtPath: path)
        }
        let total = before.values.reduce(0, +)
        let limit = total / 2
        var kept = order, keptBytes = total
        while keptBytes > limit { keptBytes -= before[kept.removeFirst()]! }
        let prune = try CommandRunner.edition(["cache", "prune", "--max-size", "\(limit)", "--cache", cache.path])
        XCTAssertEqual(prune.status, 0, prune.stderr)
        let after = try chunks()
        XCTAssertEqual(after.keys.sorted(), kept, "the most recently used chunks are kept")
        XCTAssertEqual(after.values.reduce(0, +), keptBytes)
        XCTAssertLessThanOrEqual(keptBytes, limit)
        XCTAssertTrue(prune.stdout.hasPrefix("removed \(before.count - kept.count) chunks ("), prune.stdout)

        let empty = try CommandRunner.edition(["cache", "prune", "--max-size", "0", "--cache", cache.path])
        XCTAssertEqual(empty.status, 0, empty.stderr)
        XCTAssertEqual(try chunks(), [:])
        XCTAssertTrue(empty.stdout.hasPrefix("removed \(kept.count) chunks ("), empty.stdout)
    }

    /// A rebuild picks each article's voice from the language its journal record says those very
    /// bytes were read as, without parsing the article again; an edited article is read afresh.
    func testTheJournalRemembersAnArticlesLanguageForItsBytesOnly() throws {
        try story("news.txt", "Budget approved", ["The council approved the budget on Tuesday."])
        XCTAssertEqual(try build(["stories/news.txt"]).status, 0)
        let journal = out.appendingPathComponent(".edition-journal")
        let records = try FileManager.default.contentsOfDirectory(atPath: journal.path).filter { $0.hasSuffix(".json") }
        XCTAssertEqual(records.count, 1)
        let record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: journal.appendingPathComponent(records[0]))) as? [String: Any])
        let memo = try XCTUnwrap((record["entry"] as? [String: Any])?["language"] as? [String: Any], "\(record)")
        XCTAssertTrue((memo["source"] as? String)?.contains(" ") == true, "the tool's version and the bytes' digest")
        XCTAssertEqual(try items().first?["status"] as? String, "built")
        XCTAssertEqual(try build(["stories/news.txt"]).status, 0)
        XCTAssertEqual(try items().first?["status"] as? String, "up-to-date")

        // The same file, now in Ukrainian: the remembered language is not these bytes', so the
        // article is read again and spoken by the Ukrainian voice.
        try Data("Новий міст у Києві\n\nМіська влада відкрила рух новим мостом, який з'єднав Поділ із лівим берегом.\n".utf8)
            .write(to: dir.appendingPathComponent("stories/news.txt"))
        XCTAssertEqual(try build(["stories/news.txt"]).status, 0)
        XCTAssertEqual(try items().first?["status"] as? String, "built")
        let slug = try XCTUnwrap(try items().first?["slug"] as? String)
        let episode = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("\(slug).json"))) as? [String: Any])
        XCTAssertEqual(episode["voice"] as? String, "uk-news")
    }
}
