import EditionCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Publishing
import XCTest

/// Item rules folded in from the `feed` branch: descriptions within Apple's limit, guids that
/// stay put and never clash.
final class FeedItemRulesTests: XCTestCase {
    static func episode(_ slug: String, url: String? = nil, source: String = "articles/x.txt", standfirst: String? = nil) -> Episode {
        Episode(title: "Story \(slug)", slug: slug, authors: [], published: nil, url: url, standfirst: standfirst,
                source: .init(path: source, sha256: "00"), voice: "v", duration: 1, sampleRate: 44100, files: [],
                chapters: [], warnings: [], generator: "g")
    }

    static func item(_ episode: Episode) -> FeedItem {
        FeedItem(episode: episode, enclosure: ("\(episode.slug).mp3", 10, "audio/mpeg"), date: nil, sidecars: [])
    }

    func testLongDescriptionsAreCutAtAWordWithTheDisclosureKept() throws {
        let config = try PodcastConfig.parse(yaml: PodcastConfig.example)
        let words = Array(repeating: "wörd", count: 1000).joined(separator: " ")   // 5999 bytes
        let xml = FeedWriter.xml(config, items: [Self.item(Self.episode("long", standfirst: words))])
        let doc = try XMLDocument(xmlString: xml, options: [])
        let description = try XCTUnwrap(try doc.nodes(forXPath: "/rss/channel/item/description").first?.stringValue)
        XCTAssertLessThanOrEqual(description.utf8.count, 4000)
        XCTAssertGreaterThan(description.utf8.count, 3900)
        XCTAssertTrue(description.hasSuffix("wörd…\n\nThis audio was created with AI assistance."), String(description.suffix(80)))

        // Short ones are untouched; no standfirst gives the title, still with the disclosure.
        XCTAssertEqual(FeedWriter.description(of: Self.episode("s", standfirst: "Short."), config),
                       "Short.\n\nThis audio was created with AI assistance.")
        XCTAssertEqual(FeedWriter.description(of: Self.episode("t"), config), "Story t\n\nThis audio was created with AI assistance.")
        var bare = config
        bare.disclosure = nil
        // 666 whole words (3330 bytes of "wörd", 665 spaces) and "…" (3 bytes): 3998 bytes, not a word split.
        let clipped = FeedWriter.description(of: Self.episode("l", standfirst: words), bare)
        XCTAssertEqual(clipped.utf8.count, 3998)
        XCTAssertTrue(clipped.hasSuffix(" wörd…"))
    }

    func testGUIDsAreStableAndNeverAFileHash() throws {
        var a = Self.episode("budget-approved", source: "/srv/articles/budget-2024.txt")
        XCTAssertEqual(FeedItem.identity(of: a), "edition:budget-2024")
        // A correction: new title, slug, audio and hash, same source: same guid.
        a.title = "Budget approved (corrected)"
        a.slug = "budget-approved-corrected"
        a.source.sha256 = "ff"
        a.duration = 99
        XCTAssertEqual(FeedItem.identity(of: a), "edition:budget-2024")
        XCTAssertEqual(FeedItem.identity(of: Self.episode("c", url: "https://example.org/c", source: "c.txt")), "https://example.org/c")
        // Read from standard input: every such episode's source is "-", so the slug tells them apart.
        XCTAssertEqual(FeedItem.identity(of: Self.episode("piped-one", source: "-")), "edition:piped-one")
        XCTAssertEqual(FeedItem.identity(of: Self.episode("piped-two", source: "-")), "edition:piped-two")
    }

    func testEpisodesSharingAnIdentityFallBackToTheirSlugs() throws {
        var items = [Self.item(Self.episode("one", source: "a/index.html")), Self.item(Self.episode("two", source: "b/index.html")),
                     Self.item(Self.episode("three", url: "https://example.org/same")),
                     Self.item(Self.episode("four", url: "https://example.org/same")),
                     Self.item(Self.episode("five", source: "five.txt"))]
        XCTAssertEqual(items.map(\.guid), ["edition:index", "edition:index", "https://example.org/same", "https://example.org/same", "edition:five"])
        let changed = FeedItem.makeGUIDsUnique(&items)
        XCTAssertEqual(items.map(\.guid), ["edition:one", "edition:two", "edition:three", "edition:four", "edition:five"])
        XCTAssertEqual(changed.count, 4)
        XCTAssertEqual(changed.first, "one.json: shares its guid edition:index with another episode; using edition:one")
        let xml = FeedWriter.xml(try PodcastConfig.parse(yaml: PodcastConfig.example), items: items)
        let doc = try XMLDocument(xmlString: xml, options: [])
        XCTAssertEqual(Set(try doc.nodes(forXPath: "/rss/channel/item/guid").compactMap(\.stringValue)).count, 5)
    }
}
