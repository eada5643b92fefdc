import EditionCore
import EditionTestSupport
import Foundation
import Publishing
import XCTest

/// The static site from hand-made episode files: what the pages say, what they escape, how a
/// damaged episode is shown, and what a re-run touches.
final class SiteGeneratorTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try TestEnvironment.scratchDirectory("site") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// An episode's metadata, transcript (one segment per word, a second apart) and a stand-in
    /// audio file; returns the words.
    @discardableResult
    func addEpisode(_ slug: String, title: String, published: String?, words: [String], layout: [TextBlock]?,
                    chapters: [Episode.ChapterEntry] = [.init(title: "Story", startTime: 0)]) throws -> [String] {
        var episode = Episode(title: title, slug: slug, authors: ["Ann <Writer>"], published: published, url: nil, standfirst: nil,
                              source: .init(path: "a.txt", sha256: "0"), voice: "en-us-news", duration: Double(words.count),
                              sampleRate: 44100, files: ["\(slug).mp3", "\(slug).vtt", "\(slug).transcript.json", "\(slug).json"],
                              chapters: chapters, warnings: [], generator: "test")
        episode.publishedISO = published
        episode.layout = layout
        try JSONEncoder().encode(episode).write(to: folder.appendingPathComponent("\(slug).json"))
        let segments = words.enumerated().map { Transcripts.Segment(startTime: Double($0), endTime: Double($0) + 0.9, body: $1) }
        try JSONEncoder().encode(Transcripts.Document(version: "1.0.0", segments: segments))
            .write(to: folder.appendingPathComponent("\(slug).transcript.json"))
        try Data("ID3".utf8).write(to: folder.appendingPathComponent("\(slug).mp3"))
        return words
    }

    func generator(feed: Bool = true) -> SiteGenerator {
        SiteGenerator(directory: folder, site: SiteInfo(title: "Daily <Edition>", language: "en-gb"), links: .staticSite(baseURL: nil, feed: feed))
    }

    func page(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }

    /// `data-start` values and texts of the word elements, in document order.
    func words(in html: String) -> [(start: Double, text: String)] {
        let pattern = try! NSRegularExpression(pattern: #"<span class="edition-word" data-start="([0-9.]+)">([^<]*)</span>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { m in
            (Double(html[Range(m.range(at: 1), in: html)!])!, String(html[Range(m.range(at: 2), in: html)!]))
        }
    }

    func testEpisodePageLaysOutEveryTranscriptWordInItsBlock() throws {
        let spoken = ["Narrated", "by", "Ann.", "Section", "one", "First", "paragraph.", "“A", "quote.”", "Item", "one", "Item", "two"]
        try addEpisode("story", title: "Story", published: "2024-03-04T10:00:00Z", words: spoken, layout: [
            TextBlock(kind: .intro, words: 3), TextBlock(kind: .heading, words: 2), TextBlock(kind: .paragraph, words: 2),
            TextBlock(kind: .quote, words: 2), TextBlock(kind: .listItem, words: 2), TextBlock(kind: .listItem, words: 2),
        ])
        _ = try generator().write()
        let html = try page("story.html")
        let found = words(in: html)
        XCTAssertEqual(found.map(\.text), spoken)
        XCTAssertEqual(found.map(\.start), spoken.indices.map(Double.init), "each word carries its transcript start")
        XCTAssertTrue(html.contains(#"<p class="edition-intro"><span class="edition-word" data-start="0.000">Narrated</span>"#))
        XCTAssertTrue(html.contains(#"<h2><span class="edition-word" data-start="3.000">Section</span> <span class="edition-word" data-start="4.000">one</span></h2>"#))
        XCTAssertTrue(html.contains("<blockquote><p>"))
        XCTAssertEqual(html.components(separatedBy: "<ul>").count - 1, 1, "consecutive list items share one list")
        XCTAssertEqual(html.components(separatedBy: "<li>").count - 1, 2 + 1, "two items, plus the one chapter button")
        XCTAssertTrue(html.contains(#"<time datetime="2024-03-04T10:00:00Z">4 March 2024</time>"#))
        XCTAssertTrue(html.contains(#"<edition-player src="story.mp3" chapters="story.chapters.json" transcript="story.transcript.json" article="edition-text""#))
        XCTAssertTrue(html.contains(#"<button type="button" data-chapter-start="0.000">Story</button>"#))
        XCTAssertTrue(html.contains(#"<a href="story.vtt" download>Transcript (WebVTT)</a>"#))
        XCTAssertTrue(html.contains(#"<html lang="en-gb">"#))
    }

    func testWithoutALayoutEachChapterIsAParagraphUnderItsTitle() throws {
        try addEpisode("old", title: "Old", published: nil, words: ["a", "b", "c", "d"], layout: nil,
                       chapters: [.init(title: "Intro", startTime: 0), .init(title: "Body", startTime: 2)])
        // A layout that does not add up to the transcript is ignored the same way.
        try addEpisode("odd", title: "Odd", published: nil, words: ["a", "b"], layout: [TextBlock(kind: .paragraph, words: 5)])
        _ = try generator().write()
        let old = try page("old.html")
        XCTAssertTrue(old.contains("<h2>Intro</h2>\n<p><span class=\"edition-word\" data-start=\"0.000\">a</span> <span class=\"edition-word\" data-start=\"1.000\">b</span></p>\n<h2>Body</h2>"))
        XCTAssertEqual(words(in: try page("odd.html")).map(\.text), ["a", "b"])
    }

    /// An episode in another language than the site's marks its article with its `lang`.
    func testAnEpisodeInAnotherLanguageSaysSo() throws {
        try addEpisode("uk", title: "Новий міст", published: nil, words: ["Міська", "влада"], layout: nil)
        try addEpisode("en", title: "New bridge", published: nil, words: ["The", "council"], layout: nil)
        for (slug, language) in [("uk", "uk"), ("en", "en-US")] {
            let url = folder.appendingPathComponent("\(slug).json")
            var episode = try JSONDecoder().decode(Episode.self, from: Data(contentsOf: url))
            episode.language = language
            try JSONEncoder().encode(episode).write(to: url)
        }
        _ = try generator().write()
        XCTAssertTrue(try page("uk.html").contains("<article class=\"edition-episode\" lang=\"uk\">"))
        XCTAssertTrue(try page("en.html").contains("<article class=\"edition-episode\">"), "English on an en-gb site needs no mark")
    }

    func testMarkupInTitlesAndWordsIsShownAsText() throws {
        try addEpisode("x", title: "<script>alert(1)</script> & \"quotes\"", published: nil,
                       words: ["<img src=x onerror=alert(1)>", "a&b"], layout: [TextBlock(kind: .paragraph, words: 2)])
        _ = try generator().write()
        for name in ["x.html", "index.html"] {
            let html = try page(name)
            XCTAssertFalse(html.contains("<script>alert"), name)
            XCTAssertFalse(html.contains("<img"), name)
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"), name)
        }
        XCTAssertTrue(try page("x.html").contains("By Ann &lt;Writer&gt;"))
        XCTAssertTrue(try page("index.html").contains("<h1>Daily &lt;Edition&gt;</h1>"))
    }

    func testDamagedEpisodesAreListedWithANoteAndNoPlayer() throws {
        try addEpisode("fine", title: "Fine", published: "2024-01-02", words: ["ok"], layout: nil)
        try addEpisode("notranscript", title: "No transcript", published: "2024-01-03", words: ["a"], layout: nil)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("notranscript.transcript.json"))
        try addEpisode("garbled", title: "Garbled", published: "2024-01-04", words: ["a"], layout: nil)
        try Data("{\"segments\": [{\"startTime\": \"soon\"".utf8).write(to: folder.appendingPathComponent("garbled.transcript.json"))
        try addEpisode("silent", title: "Silent", published: "2024-01-05", words: ["a"], layout: nil)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("silent.mp3"))
        try Data("not json".utf8).write(to: folder.appendingPathComponent("broken.json"))

        let report = try generator().write()
        XCTAssertEqual(report.episodes.filter(\.playable).map(\.slug), ["fine"])
        let index = try page("index.html")
        XCTAssertTrue(index.contains("No transcript</a>"))
        XCTAssertTrue(index.contains("Not playable: its transcript (notranscript.transcript.json) is missing."))
        XCTAssertTrue(index.contains("Not playable: its transcript (garbled.transcript.json) is damaged."))
        XCTAssertTrue(index.contains("Not playable: its audio file is missing."))
        XCTAssertTrue(index.contains("<span class=\"edition-title\">broken</span> <span class=\"edition-note\">Not playable: its metadata (broken.json) cannot be read.</span>"))
        for name in ["notranscript.html", "garbled.html", "silent.html"] {
            let html = try page(name)
            XCTAssertFalse(html.contains("<edition-player"), name)
            XCTAssertTrue(html.contains("<p class=\"edition-note\" role=\"note\">This episode cannot be played: "), name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("broken.html").path))
        XCTAssertTrue(try page("fine.html").contains("<edition-player"))
    }

    func testIndexIsNewestFirstAndLinksTheFeed() throws {
        try addEpisode("b", title: "Older", published: "2023-05-01T00:00:00Z", words: ["x"], layout: nil)
        try addEpisode("a", title: "Newer", published: "2024-05-01T00:00:00Z", words: ["x"], layout: nil)
        try addEpisode("c", title: "Undated", published: nil, words: ["x"], layout: nil)
        _ = try generator().write()
        let index = try page("index.html")
        let order = ["Newer", "Older", "Undated"].map { index.range(of: ">\($0)</a>")!.lowerBound }
        XCTAssertEqual(order, order.sorted())
        XCTAssertTrue(index.contains(#"<link rel="alternate" type="application/rss+xml" title="Daily &lt;Edition&gt;" href="feed.xml">"#))
        XCTAssertTrue(index.contains(#"<a href="feed.xml">"#))
        XCTAssertTrue(index.contains(#"<span class="edition-duration">1 s</span>"#))
    }

    func testReRunsAreByteIdenticalTouchNothingAndRemoveOnlyTheirOwnStalePages() throws {
        try addEpisode("one", title: "One", published: nil, words: ["a"], layout: nil)
        try addEpisode("two", title: "Two", published: nil, words: ["b"], layout: nil)
        let first = try generator().write()
        XCTAssertEqual(Set(first.written), ["index.html", "one.html", "two.html", "edition-player.js", "edition-player.css"])
        let bytes = try ["index.html", "one.html", "two.html"].map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        let mtime = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("one.html").path)[.modificationDate] as? Date

        let second = try generator().write()
        XCTAssertEqual(second.written, [], "nothing changed")
        XCTAssertEqual(try ["index.html", "one.html", "two.html"].map { try Data(contentsOf: folder.appendingPathComponent($0)) }, bytes)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("one.html").path)[.modificationDate] as? Date, mtime)

        try Data("<html>my own page</html>".utf8).write(to: folder.appendingPathComponent("about.html"))
        for ext in ["json", "transcript.json", "mp3"] { try FileManager.default.removeItem(at: folder.appendingPathComponent("two.\(ext)")) }
        let third = try generator().write()
        XCTAssertEqual(third.removed, ["two.html"])
        XCTAssertEqual(Set(third.written), ["index.html"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("about.html").path), "a page the site did not write stays")
        XCTAssertFalse(try page("index.html").contains("two.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".partial-") }
        XCTAssertEqual(leftovers, [])
    }

    func testFileNamesComeFromTheFolderNeverFromTheMetadata() throws {
        try addEpisode("index", title: "An episode called index", published: nil, words: ["a"], layout: nil)
        try addEpisode("safe", title: "Safe", published: nil, words: ["b"], layout: nil)
        // A metadata file that claims another slug, one that would climb out of the folder.
        var episode = try JSONDecoder().decode(Episode.self, from: Data(contentsOf: folder.appendingPathComponent("safe.json")))
        episode.slug = "../../escaped"
        try JSONEncoder().encode(episode).write(to: folder.appendingPathComponent("safe.json"))
        try addEpisode("odd name#1", title: "Odd", published: nil, words: ["c"], layout: nil)

        _ = try generator().write()
        XCTAssertTrue(try page("index.html").contains("<a href=\"index-episode.html\">An episode called index</a>"))
        XCTAssertTrue(try page("index-episode.html").contains("<h1>An episode called index</h1>"))
        XCTAssertTrue(try page("safe.html").contains("src=\"safe.mp3\""))
        XCTAssertTrue(try page("index.html").contains("<a href=\"odd%20name%231.html\">Odd</a>"))
        XCTAssertTrue(try page("odd name#1.html").contains("src=\"odd%20name%231.mp3\""))
        let parent = folder.deletingLastPathComponent()
        XCTAssertFalse(FileManager.default.fileExists(atPath: parent.appendingPathComponent("escaped.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: parent.deletingLastPathComponent().appendingPathComponent("escaped.html").path))
    }

    func testPlayerFilesAreWrittenBesideThePages() throws {
        _ = try generator().write()
        let script = try page("edition-player.js")
        XCTAssertTrue(script.contains("customElements.define('edition-player'") || script.contains("customElements.define(\"edition-player\""))
        XCTAssertNil(script.range(of: #"(import|fetch)\s*\(?\s*['"`]https?:"#, options: .regularExpression), "nothing is fetched from elsewhere")
        XCTAssertFalse(try page("edition-player.css").isEmpty)
        XCTAssertTrue(try page("index.html").contains("No episodes yet."))
    }
}
