import EditionCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Publishing
import XCTest

/// The config checks folded in from the `feed` branch: every field named with its line, and
/// categories held to Apple's list.
final class PodcastConfigTests: XCTestCase {
    func error(_ yaml: String, file: String = "podcast.yaml") -> String? {
        do {
            _ = try PodcastConfig.parse(yaml: yaml, file: file)
            return nil
        } catch {
            return error.localizedDescription
        }
    }

    /// The example with one key's line (and the lines nested under it) replaced by `replacement`
    /// (nil deletes them).
    func example(_ key: String, _ replacement: String?, in yaml: String = PodcastConfig.example) -> String {
        var lines = yaml.components(separatedBy: "\n")
        let i = lines.firstIndex { $0.hasPrefix("\(key):") }!
        var end = i + 1
        while end < lines.count, lines[end].hasPrefix("  ") { end += 1 }
        lines.replaceSubrange(i..<end, with: replacement.map { [$0] } ?? [])
        return lines.joined(separator: "\n")
    }

    func testTheExampleThatInitWritesLoads() throws {
        let config = try PodcastConfig.parse(yaml: PodcastConfig.example)
        XCTAssertEqual(config.title, "The Daily Edition")
        XCTAssertEqual(config.owner, .init(name: "Example Newsroom", email: "podcasts@example.org"))
        XCTAssertEqual(config.categories, ["News > Daily News"])
        XCTAssertFalse(config.explicit)
        XCTAssertEqual(config.type, "episodic")
        XCTAssertEqual(config.language, "en-us")
        XCTAssertEqual(config.disclosure, "This audio was created with AI assistance.")
        XCTAssertEqual(config.link, "https://example.org/")
        XCTAssertFalse(config.locked)
        for key in PodcastConfig.keys { XCTAssertTrue(PodcastConfig.example.contains("\n\(key):"), key) }
    }

    func testEachMissingRequiredFieldIsNamed() {
        for key in ["title", "description", "author", "image", "language", "categories", "explicit", "baseURL", "feedURL"] {
            XCTAssertEqual(error(example(key, nil)), "podcast.yaml: `\(key)` is missing", key)
            XCTAssertEqual(error(example(key, "\(key):")), "podcast.yaml: `\(key)` is missing", "\(key) with no value")
        }
        XCTAssertEqual(error(example("feedURL", nil), file: "daily.yaml"), "daily.yaml: `feedURL` is missing")
    }

    func testOptionalFieldsMayBeLeftOut() throws {
        var yaml = PodcastConfig.example
        for key in ["owner", "link", "copyright", "type", "disclosure", "locked"] { yaml = example(key, nil, in: yaml) }
        let config = try PodcastConfig.parse(yaml: yaml)
        XCTAssertNil(config.owner)
        XCTAssertNil(config.link)
        XCTAssertNil(config.copyright)
        XCTAssertNil(config.disclosure)
        XCTAssertEqual(config.type, "episodic")
        XCTAssertFalse(config.locked)
    }

    func testLockedIsWrittenAsPodcastLocked() throws {
        func locked(_ yaml: String) throws -> String {
            let xml = FeedWriter.xml(try PodcastConfig.parse(yaml: yaml), items: [])
            let doc = try XMLDocument(xmlString: xml, options: [])
            let channel = try XCTUnwrap(try doc.nodes(forXPath: "/rss/channel").first as? XMLElement)
            let element = try XCTUnwrap(channel.elements(forName: "podcast:locked").first)
            return "\(element.stringValue ?? "") \(element.attribute(forName: "owner")?.stringValue ?? "-")"
        }
        XCTAssertEqual(try locked(PodcastConfig.example), "no podcasts@example.org")
        XCTAssertEqual(try locked(example("locked", "locked: true")), "yes podcasts@example.org")
        XCTAssertEqual(try locked(example("owner", nil, in: example("locked", "locked: true"))), "yes -")
        XCTAssertEqual(error(example("locked", "locked: yes please")), "podcast.yaml:24: `locked` must be true or false (got \"yes please\")")
    }

    func testInvalidValuesNameTheFieldAndLine() {
        XCTAssertEqual(error(example("explicit", "explicit: maybe")),
                       "podcast.yaml:17: `explicit` must be true or false (got \"maybe\")")
        XCTAssertEqual(error(example("explicit", "explicit: \"true\"")),
                       "podcast.yaml:17: `explicit` must be true or false (got \"true\")")
        XCTAssertEqual(error(example("type", "type: weekly")), "podcast.yaml:22: `type` must be episodic or serial (got weekly)")
        XCTAssertEqual(error(example("feedURL", "feedURL: example.org/feed.xml")),
                       "podcast.yaml:19: `feedURL` must be an absolute http(s) URL such as https://example.org/… (got example.org/feed.xml)")
        XCTAssertEqual(error(example("image", "image: ftp://example.org/a.jpg")),
                       "podcast.yaml:8: `image` must be an absolute http(s) URL such as https://example.org/… (got ftp://example.org/a.jpg)")
        XCTAssertEqual(error(example("language", "language: English")),
                       "podcast.yaml:9: `language` must be an ISO 639 code such as en or en-gb (got English)")
        XCTAssertEqual(error(example("title", "title: \"  \"")), "podcast.yaml:2: `title` is empty")
        XCTAssertEqual(error(example("title", "title: [a, b]")), "podcast.yaml:2: `title` must be text")
        XCTAssertEqual(error(example("owner", "owner:\n  name: X")), "podcast.yaml:6: `owner.email` is missing")
        XCTAssertEqual(error(example("owner", "owner:\n  name: X\n  email: nobody")),
                       "podcast.yaml:7: `owner.email` must be an email address (got nobody)")
        XCTAssertEqual(error(example("owner", "owner:\n  name: X\n  mail: x@example.org")),
                       "podcast.yaml:7: unknown key `owner.mail`; `owner` has `name` and `email`")
        XCTAssertEqual(error(PodcastConfig.example + "titel: x\n"), "podcast.yaml:25: unknown key `titel`; did you mean `title`?")
        XCTAssertEqual(error(PodcastConfig.example + "feedurl: x\n"), "podcast.yaml:25: unknown key `feedurl`; did you mean `feedURL`?")
        XCTAssertEqual(error(PodcastConfig.example + "colour: red\n"), "podcast.yaml:25: unknown key `colour`; the keys are "
                       + PodcastConfig.keys.map { "`\($0)`" }.joined(separator: ", "))
        XCTAssertEqual(error(PodcastConfig.example + "title: Again\n"), "podcast.yaml: `title` is given twice")
        XCTAssertEqual(error("title: [unclosed"), "podcast.yaml:2: is not valid YAML: did not find expected ',' or ']'")
        XCTAssertEqual(error("- a list"), "podcast.yaml: must be a mapping of keys to values (`title: …`, `feedURL: …`)")
    }

    func testAShowDescriptionLongerThanApplesLimitIsRefused() throws {
        let words = Array(repeating: "word", count: 801).joined(separator: " ")   // 4004 bytes
        XCTAssertEqual(error(example("description", "description: \(words)")),
                       "podcast.yaml:3: `description` is 4004 bytes; Apple cuts it at 4000")
        XCTAssertNoThrow(try PodcastConfig.parse(yaml: example("description", "description: \(words.dropLast(5))")))
    }

    func testCategoriesAreCheckedAgainstApplesList() throws {
        func categories(_ line: String) throws -> [String] {
            try PodcastConfig.parse(yaml: example("categories", line)).categories
        }
        XCTAssertEqual(try categories("categories: News"), ["News"])
        XCTAssertEqual(try categories("categories: [News>Daily News, News > Politics, Technology, Society & Culture, Technology]"),
                       ["News > Daily News", "News > Politics", "Technology", "Society & Culture"])
        XCTAssertEqual(try categories("categories:\n  - Kids & Family > Pets & Animals\n  - TV & Film"),
                       ["Kids & Family > Pets & Animals", "TV & Film"])

        func fails(_ line: String) -> String? { error(example("categories", line)) }
        XCTAssertEqual(fails("categories: [News > daily news]"),
                       "podcast.yaml:15: `categories`: \"daily news\" is not a subcategory of \"News\"; did you mean \"Daily News\"?")
        XCTAssertEqual(fails("categories: [Newz]"),
                       "podcast.yaml:15: `categories`: \"Newz\" is not an Apple Podcasts category; did you mean \"News\"?")
        XCTAssertEqual(fails("categories: [Technolgy]"),
                       "podcast.yaml:15: `categories`: \"Technolgy\" is not an Apple Podcasts category; did you mean \"Technology\"?")
        XCTAssertEqual(fails("categories: [tv and film]"),
                       "podcast.yaml:15: `categories`: \"tv and film\" is not an Apple Podcasts category; did you mean \"TV & Film\"?")
        XCTAssertEqual(fails("categories: [Daily News]"),
                       "podcast.yaml:15: `categories`: \"Daily News\" is not an Apple Podcasts category; did you mean \"News > Daily News\"?")
        XCTAssertEqual(fails("categories: [Podcasts]"), "podcast.yaml:15: `categories`: \"Podcasts\" is not an Apple Podcasts category; "
                       + "Apple's are " + AppleCategories.all.map(\.name).joined(separator: ", "))
        XCTAssertEqual(fails("categories: [News > Gardening]"), "podcast.yaml:15: `categories`: \"Gardening\" is not a subcategory of "
                       + "\"News\"; its subcategories are Business News, Daily News, Entertainment News, News Commentary, Politics, Sports News, Tech News")
        XCTAssertEqual(fails("categories: [Technology > Gadgets]"),
                       "podcast.yaml:15: `categories`: \"Gadgets\" is not a subcategory of \"Technology\"; it has none")
        XCTAssertEqual(fails("categories:\n  - News\n  - Sprots > Soccer"),
                       "podcast.yaml:17: `categories`: \"Sprots\" is not an Apple Podcasts category; did you mean \"Sports\"?")
        XCTAssertEqual(fails("categories: []"), "podcast.yaml:15: `categories` is empty; name at least one, e.g. News > Daily News")
        XCTAssertEqual(fails("categories: [A > B > C]"),
                       "podcast.yaml:15: `categories`: \"A > B > C\" must be a category or \"Category > Subcategory\"")
        XCTAssertEqual(fails("categories:\n  - News: [Daily News]"),
                       "podcast.yaml:16: `categories`: write each entry as \"Category\" or \"Category > Subcategory\"")
    }

    func testEveryAppleCategoryAndSubcategoryIsAccepted() throws {
        for (name, subs) in AppleCategories.all {
            XCTAssertEqual(try PodcastConfig.parse(yaml: example("categories", "categories: [\"\(name)\"]")).categories, [name])
            for sub in subs {
                XCTAssertEqual(try PodcastConfig.parse(yaml: example("categories", "categories: [\"\(name) > \(sub)\"]")).categories,
                               ["\(name) > \(sub)"])
            }
        }
        XCTAssertEqual(AppleCategories.all.count, 19)
        XCTAssertEqual(AppleCategories.all.reduce(0) { $0 + $1.subcategories.count }, 91)
    }

    func testHTTPURLsAreAcceptedWithAWarning() throws {
        var warnings: [String] = []
        let config = try PodcastConfig.parse(yaml: example("baseURL", "baseURL: http://example.org/files/"), warn: { warnings.append($0) })
        XCTAssertEqual(config.baseURL, "http://example.org/files/")
        XCTAssertEqual(warnings, ["podcast.yaml: `baseURL` is http:; Podcasting 2.0 apps want https: URLs"])
        warnings = []
        _ = try PodcastConfig.parse(yaml: PodcastConfig.example, warn: { warnings.append($0) })
        XCTAssertEqual(warnings, [])
    }

    func testSubcategoriesOfOneParentAreNestedUnderOneElement() throws {
        var config = try PodcastConfig.parse(yaml: example("categories", "categories: [News > Daily News, Technology, News > Politics]"))
        config.explicit = true
        let xml = FeedWriter.xml(config, items: [])
        let doc = try XMLDocument(xmlString: xml, options: [])
        let channel = try XCTUnwrap(try doc.nodes(forXPath: "/rss/channel").first as? XMLElement)
        let top = channel.elements(forName: "itunes:category")
        XCTAssertEqual(top.map { $0.attribute(forName: "text")?.stringValue }, ["News", "Technology"])
        XCTAssertEqual(top[0].elements(forName: "itunes:category").map { $0.attribute(forName: "text")?.stringValue }, ["Daily News", "Politics"])
        XCTAssertEqual(top[1].elements(forName: "itunes:category").count, 0)
        XCTAssertTrue(xml.contains("<itunes:explicit>true</itunes:explicit>"))
    }
}
