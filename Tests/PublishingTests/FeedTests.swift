import EditionCore
import EditionTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Publishing
import XCTest

final class FeedTests: XCTestCase {
    var dir: URL!
    var config: URL { dir.appendingPathComponent("podcast.yaml") }
    var out: URL { dir.appendingPathComponent("out") }

    override func setUpWithError() throws {
        dir = try TestEnvironment.scratchDirectory("feed")
        try Data(PodcastConfig.example.utf8).write(to: config)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testPodcastGUIDIsTheSpecsUUIDv5() {
        XCTAssertEqual(PodcastGUID.of(feedURL: "https://example.org/feed.xml"), "bab2ba12-9757-5da6-a770-0e70e6bcf214")
        XCTAssertEqual(PodcastGUID.of(feedURL: "http://example.org/feed.xml/"), "bab2ba12-9757-5da6-a770-0e70e6bcf214")
    }

    func testRFC2822DatesInGMT() {
        XCTAssertEqual(FeedWriter.rfc2822(Date(timeIntervalSince1970: 1_710_869_460)), "Tue, 19 Mar 2024 17:31:00 GMT")
    }

    /// Builds real episodes with the CLI (WAV only, so the feed must make the MP3s), then the feed.
    func buildFeed(_ extra: [String] = []) throws -> (CommandResult, XMLDocument) {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("s"), withIntermediateDirectories: true)
        try Data("Budget approved\n\nThe council approved the budget.\n".utf8).write(to: dir.appendingPathComponent("s/a.txt"))
        try Data("Floods & storms: <the> \"worst\" week 🌧️\n\nRain closed the road.\n".utf8).write(to: dir.appendingPathComponent("s/b.txt"))
        try Data("""
            articles:
              - path: s/a.txt
                date: 2026-11-24
                url: https://example.org/news/budget
              - path: s/b.txt
                date: 2026-11-25
            """.utf8).write(to: dir.appendingPathComponent("m.yaml"))
        let build = try CommandRunner.edition(["build", dir.appendingPathComponent("m.yaml").path, "--output", out.path, "--format", "wav", "--quiet"])
        XCTAssertEqual(build.status, 0, build.stderr)
        let feed = try CommandRunner.edition(["feed", "--config", config.path, "--output", out.path] + extra)
        XCTAssertEqual(feed.status, 0, feed.stderr)
        let doc = try XMLDocument(contentsOf: out.appendingPathComponent("feed.xml"), options: [])
        return (feed, doc)
    }

    func testAFeedOfRealEpisodesParsesWithEveryRequiredElement() throws {
        let (_, doc) = try buildFeed()
        let channel = try XCTUnwrap(try doc.nodes(forXPath: "/rss/channel").first as? XMLElement)
        for name in ["title", "link", "description", "language", "itunes:author", "itunes:explicit", "podcast:guid",
                     "podcast:locked", "podcast:medium", "itunes:type"] {
            XCTAssertNotNil(channel.elements(forName: name).first, name)
        }
        XCTAssertEqual(channel.elements(forName: "itunes:image").first?.attribute(forName: "href")?.stringValue, "https://example.org/podcast/cover.jpg")
        XCTAssertEqual(channel.elements(forName: "itunes:explicit").first?.stringValue, "false")
        XCTAssertEqual(channel.elements(forName: "itunes:category").first?.attribute(forName: "text")?.stringValue, "News")
        let items = channel.elements(forName: "item")
        XCTAssertEqual(items.count, 2)
        // Newest first, the hostile title intact.
        XCTAssertEqual(items.map { $0.elements(forName: "title").first?.stringValue }, ["Floods & storms: <the> \"worst\" week 🌧️", "Budget approved"])
        for item in items {
            let enclosure = try XCTUnwrap(item.elements(forName: "enclosure").first)
            XCTAssertEqual(enclosure.attribute(forName: "type")?.stringValue, "audio/mpeg")
            let url = try XCTUnwrap(enclosure.attribute(forName: "url")?.stringValue)
            XCTAssertTrue(url.hasPrefix("https://example.org/podcast/") && url.hasSuffix(".mp3"), url)
            let file = out.appendingPathComponent(URL(string: url)!.lastPathComponent)
            let size = try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: file.path))[.size] as? NSNumber)
            XCTAssertEqual(enclosure.attribute(forName: "length")?.stringValue, "\(size.intValue)", "exact byte length")
            XCTAssertNotNil(item.elements(forName: "guid").first)
            XCTAssertTrue(item.elements(forName: "pubDate").first?.stringValue?.hasSuffix("GMT") ?? false)
            XCTAssertNotNil(Int(item.elements(forName: "itunes:duration").first?.stringValue ?? ""))
            XCTAssertEqual(item.elements(forName: "podcast:chapters").first?.attribute(forName: "type")?.stringValue, "application/json+chapters")
            XCTAssertEqual(Set(item.elements(forName: "podcast:transcript").compactMap { $0.attribute(forName: "type")?.stringValue }),
                           ["text/vtt", "application/json", "application/x-subrip"])
            XCTAssertTrue(item.elements(forName: "description").first?.stringValue?.contains("AI assistance") ?? false)
        }
        XCTAssertEqual(items[1].elements(forName: "guid").first?.stringValue, "https://example.org/news/budget")
        XCTAssertEqual(items[0].elements(forName: "guid").first?.stringValue, "edition:b")
    }

    func testTheFeedIsDeterministicAndLimitCaps() throws {
        _ = try buildFeed()
        let first = try Data(contentsOf: out.appendingPathComponent("feed.xml"))
        XCTAssertEqual(try CommandRunner.edition(["feed", "--config", config.path, "--output", out.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("feed.xml")), first, "byte-identical")
        XCTAssertEqual(try CommandRunner.edition(["feed", "--config", config.path, "--output", out.path, "--limit", "1"]).status, 0)
        let doc = try XMLDocument(contentsOf: out.appendingPathComponent("feed.xml"), options: [])
        XCTAssertEqual(try doc.nodes(forXPath: "/rss/channel/item").count, 1)
    }

    func testNonMP3EnclosuresAreWrittenWithAWarning() throws {
        let (result, doc) = try buildFeed(["--enclosure-format", "wav"])
        XCTAssertTrue(result.stderr.contains("warning: wav enclosures: Apple Podcasts accepts only MP3"), result.stderr)
        let types = try doc.nodes(forXPath: "/rss/channel/item/enclosure").compactMap { ($0 as? XMLElement)?.attribute(forName: "type")?.stringValue }
        XCTAssertEqual(types, ["audio/wav", "audio/wav"])
        let (mp3, _) = try buildFeed()
        XCTAssertFalse(mp3.stderr.contains("warning"), mp3.stderr)
    }

    func testHostileTextIsEscapedAndCleaned() throws {
        let config = try PodcastConfig.load(self.config)
        var episode = Episode(title: "A & B <c> \"d\" 'e' \u{1}\u{FFFF} שלום 🎙️", slug: "x", authors: ["Ö & Ü"], published: nil,
                              url: "https://example.org/a?b=1&c=2", standfirst: "]]> <![CDATA[ x", source: .init(path: "x.txt", sha256: ""),
                              voice: "v", duration: 1, sampleRate: 44100, files: [], chapters: [], warnings: [], generator: "g")
        episode.publishedISO = nil
        let xml = FeedWriter.xml(config, items: [FeedItem(episode: episode, enclosure: ("x.mp3", 10, "audio/mpeg"), date: nil, sidecars: [])])
        let doc = try XMLDocument(xmlString: xml, options: [])
        let item = try XCTUnwrap(try doc.nodes(forXPath: "/rss/channel/item").first as? XMLElement)
        XCTAssertEqual(item.elements(forName: "title").first?.stringValue, "A & B <c> \"d\" 'e'  שלום 🎙️")
        XCTAssertEqual(item.elements(forName: "link").first?.stringValue, "https://example.org/a?b=1&c=2")
        XCTAssertNotNil(String(data: Data(xml.utf8), encoding: .utf8))
    }

    func testAConfigMissingAFieldNamesIt() throws {
        let text = PodcastConfig.example.replacingOccurrences(of: "feedURL:", with: "# feedURL:")
        try Data(text.utf8).write(to: config)
        XCTAssertThrowsError(try PodcastConfig.load(config)) {
            XCTAssertEqual($0.localizedDescription, "podcast.yaml: `feedURL` is missing")
        }
        let result = try CommandRunner.edition(["feed", "--config", config.path, "--output", dir.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("`feedURL` is missing"), result.stderr)
    }

    func testTheCLIRefusesACategoryNotOnApplesListAndNamesTheLine() throws {
        let text = PodcastConfig.example.replacingOccurrences(of: "  - News > Daily News", with: "  - News > Daily Newz")
        try Data(text.utf8).write(to: config)
        let result = try CommandRunner.edition(["feed", "--config", config.path, "--output", dir.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("podcast.yaml:16: `categories`: \"Daily Newz\" is not a subcategory of \"News\"; did you mean \"Daily News\"?"),
                      result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("feed.xml").path))
    }

    func testInitWritesAConfigThatPassesValidation() throws {
        let written = dir.appendingPathComponent("fresh.yaml")
        XCTAssertEqual(try CommandRunner.edition(["feed", "init", "--config", written.path]).status, 0)
        var warnings: [String] = []
        let loaded = try PodcastConfig.load(written, warn: { warnings.append($0) })
        XCTAssertEqual(loaded.categories, ["News > Daily News"])
        XCTAssertEqual(warnings, [])
    }
}
