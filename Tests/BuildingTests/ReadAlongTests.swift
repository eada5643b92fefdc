import Building
import EditionCore
import EditionTestSupport
import Foundation
import Publishing
import XCTest

/// A real narration's text layout: the blocks the transcript's words fall into, as the site
/// needs them to show the text as it was read.
final class ReadAlongTests: XCTestCase {
    static let article = """
        # Flood defences to be rebuilt

        By Ann Writer

        The council approved the plan on Monday. Work starts in spring.

        ## What changes

        > The river will not beat us again, the mayor said.

        - New walls on the east bank
        - A pumping station by 2027

        Residents welcomed the news.
        """

    func testLayoutDividesTheTranscriptsWordsIntoTheArticlesBlocks() throws {
        let dir = try TestEnvironment.scratchDirectory("readalong")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try TestEnvironment.write(Data(Self.article.utf8), named: "flood.md", in: dir)
        let narration = try TestNarrator.narrate(source.path, into: dir)
        let slug = narration.episode.slug

        let episode = try EpisodeJSON.read(dir.appendingPathComponent("\(slug).json"))
        let layout = try XCTUnwrap(episode.layout)
        let transcript = try JSONDecoder().decode(Transcripts.Document.self,
                                                  from: Data(contentsOf: dir.appendingPathComponent("\(slug).transcript.json")))
        XCTAssertEqual(layout.reduce(0) { $0 + $1.words }, transcript.segments.count, "every transcript word sits in one block")
        XCTAssertEqual(layout.map(\.kind), [.intro, .paragraph, .heading, .quote, .listItem, .listItem, .paragraph])

        // Each block holds the words of its own text, in order.
        var start = 0
        var texts: [String] = []
        for block in layout {
            texts.append(transcript.segments[start..<start + block.words].map(\.body).joined(separator: " "))
            start += block.words
        }
        XCTAssertEqual(texts[1], "The council approved the plan on Monday. Work starts in spring.")
        XCTAssertEqual(texts[2], "What changes")
        XCTAssertEqual(texts[4], "New walls on the east bank")
        XCTAssertEqual(texts[5], "A pumping station by 2027")

        // The site shows those blocks with the same words and times.
        _ = try SiteGenerator(directory: dir, site: SiteInfo(title: "Test"), links: .staticSite(baseURL: nil, feed: false)).write()
        let page = try String(contentsOf: dir.appendingPathComponent("\(slug).html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<h2><span class=\"edition-word\""), "the section heading is a heading")
        XCTAssertTrue(page.contains("<blockquote><p><span class=\"edition-word\""))
        XCTAssertEqual(page.components(separatedBy: "class=\"edition-word\"").count - 1, transcript.segments.count)
        XCTAssertTrue(page.contains(">2027</span>"), "a word shows as written, not as spoken")
    }
}
