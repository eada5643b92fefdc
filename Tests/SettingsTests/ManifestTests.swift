import Settings
import EditionTestSupport
import Foundation
import XCTest

/// Build manifests load through the one config reader.
final class ManifestTests: XCTestCase {
    func error(_ yaml: String) -> String? {
        do {
            _ = try Manifest.parse(yaml: yaml, file: "builds/morning.yaml")
            return nil
        } catch {
            XCTAssertTrue(error is ConfigError, "\(error)")
            return error.localizedDescription
        }
    }

    func testAManifestWithArticlesAndEditionsLoadsWithItsFields() throws {
        let dir = try TestEnvironment.scratchDirectory("manifest")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try TestEnvironment.write(Data("""
            voice: en-us-news
            articles:
              - stories/budget.txt
              - path: stories/floods.md
                voice: en-gb-news
                title: Floods close the coast road
                date: 2026-11-25
                url: https://example.org/floods
              - path: stories/kyiv.txt
                language: uk
            editions:
              - title: Morning Briefing, 25 November 2026
                slug: morning
                date: 2026-11-25
                url: https://example.org/morning
                voice: uk-news
                intro: Good morning. Here is the news.
                outro: That was the Morning Briefing.
                introAudio: jingle.wav
                outroAudio: sting.wav
                storyPause: 1500
                language: uk
                articles: [stories/budget.txt, {path: stories/floods.md, title: Floods}]
              - title: Evening
                articles:
                  - stories/late.txt
            """.utf8), named: "manifest.yaml", in: dir)
        let manifest = try Manifest.load(url)
        XCTAssertEqual(manifest.voice, "en-us-news")
        XCTAssertEqual(manifest.articles, [
            Manifest.ArticleEntry(path: "stories/budget.txt"),
            Manifest.ArticleEntry(path: "stories/floods.md", voice: "en-gb-news", title: "Floods close the coast road",
                                  date: "2026-11-25", url: "https://example.org/floods"),
            Manifest.ArticleEntry(path: "stories/kyiv.txt", language: "uk"),
        ])
        XCTAssertEqual(manifest.editions, [
            Manifest.EditionEntry(title: "Morning Briefing, 25 November 2026", slug: "morning", date: "2026-11-25",
                                  url: "https://example.org/morning", voice: "uk-news", intro: "Good morning. Here is the news.",
                                  outro: "That was the Morning Briefing.", introAudio: "jingle.wav", outroAudio: "sting.wav",
                                  storyPause: 1500, language: "uk",
                                  articles: [.init(path: "stories/budget.txt"), .init(path: "stories/floods.md", title: "Floods")]),
            Manifest.EditionEntry(title: "Evening", articles: [.init(path: "stories/late.txt")]),
        ])
        // Only articles, or only editions, is enough.
        XCTAssertEqual(try Manifest.parse(yaml: "articles: [a.txt]", file: "m.yaml").editions, [])
        XCTAssertEqual(try Manifest.parse(yaml: "editions:\n  - title: T\n    articles: [a.txt]\n", file: "m.yaml").articles, [])
    }

    func testMisspeltKeysSuggestTheNearest() {
        XCTAssertEqual(error("voice: x\nartciles: [a.txt]\n"), "builds/morning.yaml:2: unknown key `artciles`; did you mean `articles`?")
        XCTAssertEqual(error("articles:\n  - path: a.txt\n    titel: A\n"),
                       "builds/morning.yaml:3: unknown key `articles.titel`; did you mean `articles.title`?")
        XCTAssertEqual(error("editions:\n  - title: T\n    storypause: 900\n    articles: [a.txt]\n"),
                       "builds/morning.yaml:3: unknown key `editions.storypause`; did you mean `editions.storyPause`?")
        XCTAssertEqual(error("editions:\n  - title: T\n    articles:\n      - {path: a.txt, vioce: x}\n"),
                       "builds/morning.yaml:4: unknown key `editions.articles.vioce`; did you mean `editions.articles.voice`?")
    }

    func testWrongTypesAndMissingKeysNameTheLine() {
        XCTAssertEqual(error("editions:\n  - title: T\n    storyPause: long\n    articles: [a.txt]\n"),
                       "builds/morning.yaml:3: `editions.storyPause` must be a whole number (got \"long\")")
        XCTAssertEqual(error("editions:\n  - title: T\n    storyPause: 60000\n    articles: [a.txt]\n"),
                       "builds/morning.yaml:3: `editions.storyPause` must be 0–10000 (got 60000)")
        XCTAssertEqual(error("editions:\n  - title: T\n"), "builds/morning.yaml:2: `editions.articles` is missing")
        XCTAssertEqual(error("editions:\n  - articles: [a.txt]\n"), "builds/morning.yaml:2: `editions.title` is missing")
        XCTAssertEqual(error("editions:\n  - title: T\n    articles: []\n"), "builds/morning.yaml:3: `editions.articles` is empty")
        XCTAssertEqual(error("articles:\n  - voice: x\n"), "builds/morning.yaml:2: `articles.path` is missing")
        XCTAssertEqual(error("articles: a.txt\n"), "builds/morning.yaml:1: `articles` must be a list (got \"a.txt\")")
        XCTAssertEqual(error("voice: en-us-news\n"), "builds/morning.yaml: lists no `articles` and no `editions`")
        XCTAssertEqual(error("- a.txt\n"),
                       "builds/morning.yaml: must be a mapping of keys to values (`articles:` or `editions:` with a list under it)")
    }

    func testSpellingFindsOneNearName() {
        XCTAssertEqual(Spelling.nearest(to: "sentance", among: ["sentence", "clause"]), "sentence")
        XCTAssertEqual(Spelling.nearest(to: "feedurl", among: ["feedURL", "baseURL"]), "feedURL")
        XCTAssertEqual(Spelling.nearest(to: "tv and film", among: ["TV & Film", "Music"]), "TV & Film")
        XCTAssertNil(Spelling.nearest(to: "colour", among: ["voice", "rate"]))
        XCTAssertNil(Spelling.nearest(to: "rat", among: ["rate"]), "too short to guess from")
        XCTAssertNil(Spelling.nearest(to: "abcd", among: ["abce", "abcf"]), "two equally near")
    }
}
