import EditionTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// A Ukrainian article as a new user narrates it: `edition narrate article.txt`, no flags. The
/// voice follows the article's language, the furniture is not spoken, and every sidecar and the
/// feed item say the language. Russian text and a missing Ukrainian voice are refused clearly.
final class UkrainianEditionTests: XCTestCase {
    var dir: URL!

    static let article = """
        Новини, Київ, Транспорт
        У Києві відкрили новий міст через Дніпро
        Авторка: Олена Петренко
        Понеділок, 17 травня 2021, 14:35
        Читати 2 хв

        Міська влада відкрила рух новим мостом, який з'єднав Поділ із лівим берегом. Будівництво тривало з 2019 по 2021 рік і коштувало 5 млрд грн, а рух відкрили о 7:15.

        Читайте також: Як зміниться рух громадського транспорту
        Водії кажуть, що дорога на роботу стала коротшою.
        Підписуйтесь на наш Telegram-канал
        """

    override func setUpWithError() throws {
        dir = try TestEnvironment.scratchDirectory("ukrainian")
        try Data(Self.article.utf8).write(to: dir.appendingPathComponent("article.txt"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func json(_ name: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("Output/\(name)"))) as? [String: Any])
    }

    func testNarratedWithNoFlagsInUkrainian() throws {
        let result = try CommandRunner.edition(["narrate", "article.txt", "--format", "mp3", "--quiet"], directory: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let stem = "u-kievi-vidkrili-novij-mist-cerez-dnipro"   // the slug, transliterated from the headline

        let episode = try json("\(stem).json")
        XCTAssertEqual(episode["voice"] as? String, "uk-news")
        XCTAssertEqual(episode["language"] as? String, "uk")
        XCTAssertEqual(episode["authors"] as? [String], ["Олена Петренко"])
        let chapters = try json("\(stem).chapters.json")
        XCTAssertEqual(chapters["language"] as? String, "uk")
        let titles = (chapters["chapters"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
        XCTAssertEqual(titles, ["У Києві відкрили новий міст через Дніпро", "Стаття"])

        let transcript = try json("\(stem).transcript.json")
        XCTAssertEqual(transcript["language"] as? String, "uk")
        let words = ((transcript["segments"] as? [[String: Any]]) ?? []).compactMap { $0["body"] as? String }.joined(separator: " ")
        for spoken in ["Автор:", "Олена", "Опубліковано", "травня", "Міська", "влада", "Дніпро", "Водії", "коротшою."] {
            XCTAssertTrue(words.contains(spoken), "“\(spoken)” not in the transcript: \(words)")
        }
        for furniture in ["Читати", "Читайте", "Telegram", "Транспорт", "Понеділок", "Авторка"] {
            XCTAssertFalse(words.contains(furniture), "furniture “\(furniture)” was spoken: \(words)")
        }
        let vtt = try String(contentsOf: dir.appendingPathComponent("Output/\(stem).vtt"), encoding: .utf8)
        XCTAssertTrue(vtt.hasPrefix("WEBVTT\nLanguage: uk\n\n"), String(vtt.prefix(40)))

        // The feed: the channel's language from the podcast config, the item's on its transcripts.
        let config = """
            title: Новини
            description: Озвучені новини
            author: Редакція
            image: https://example.org/cover.jpg
            language: uk
            categories: [News]
            explicit: false
            baseURL: https://example.org/podcast/
            feedURL: https://example.org/podcast/feed.xml
            """
        try Data(config.utf8).write(to: dir.appendingPathComponent("podcast.yaml"))
        let feed = try CommandRunner.edition(["feed", "--config", "podcast.yaml", "--output", "Output"], directory: dir)
        XCTAssertEqual(feed.status, 0, feed.stderr)
        let xml = try XMLDocument(contentsOf: dir.appendingPathComponent("Output/feed.xml"))
        XCTAssertEqual(try xml.nodes(forXPath: "/rss/channel/language").first?.stringValue, "uk")
        let transcripts = try xml.nodes(forXPath: "/rss/channel/item/*[local-name()='transcript']").compactMap { $0 as? XMLElement }
        XCTAssertFalse(transcripts.isEmpty)
        for element in transcripts { XCTAssertEqual(element.attribute(forName: "language")?.stringValue, "uk") }
    }

    func testRussianTextIsRefusedNamingTheLanguageAndTheOverride() throws {
        let russian = "В Одессе объявили о новых ограничениях\n\nЭто решение связано с ремонтом дорог, который продлится ещё две недели.\n"
        try Data(russian.utf8).write(to: dir.appendingPathComponent("ru.txt"))
        let result = try CommandRunner.edition(["narrate", "ru.txt", "--quiet"], directory: dir)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("Russian (ru)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--voice"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("Output/v-odesse-obiavili-o-novykh-ogranicheniiakh.mp3").path))
        // Overridden, the script is made (with the reader's warning that the voice speaks another language).
        let script = try CommandRunner.edition(["script", "ru.txt", "--voice", "uk-news"], directory: dir)
        XCTAssertEqual(script.status, 0, script.stderr)
        XCTAssertTrue(script.stdout.contains("ремонтом"), script.stdout)
    }

    func testUkrainianArticleWithoutAUkrainianVoiceIsAnError() throws {
        let voices = dir.appendingPathComponent("Voices")
        try FileManager.default.createDirectory(at: voices, withIntermediateDirectories: true)
        for name in ["en-us-news.yaml", "en-gb-news.yaml"] {
            try FileManager.default.copyItem(at: TestEnvironment.voicesDirectory.appendingPathComponent(name), to: voices.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: TestEnvironment.voicesDirectory.appendingPathComponent("lexicons"), to: voices.appendingPathComponent("lexicons"))
        let result = try CommandRunner.edition(["narrate", "article.txt", "--voices", voices.path, "--quiet"], directory: dir)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("Ukrainian (uk)") && result.stderr.contains("language: uk"), result.stderr)
        XCTAssertEqual(try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Output").path).filter { !$0.hasPrefix(".") }, [])
    }

    /// espeak-ng without the profile's voice (as one built without `uk`): a clear error, no files.
    func testAMissingEspeakVoiceIsAnError() throws {
        let voices = dir.appendingPathComponent("Voices")
        try FileManager.default.createDirectory(at: voices, withIntermediateDirectories: true)
        try Data("name: uk-news\nlanguage: uk\nengine:\n  voice: uk-missing\n".utf8).write(to: voices.appendingPathComponent("uk-news.yaml"))
        let result = try CommandRunner.edition(["narrate", "article.txt", "--voices", voices.path, "--quiet"], directory: dir)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("espeak-ng has no voice named 'uk-missing'"), result.stderr)
        XCTAssertEqual(try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Output").path).filter { !$0.hasPrefix(".") }, [])
    }

    /// A manifest entry's language picks the voice over the text's letters.
    func testAManifestEntrysLanguageChoosesTheVoice() throws {
        try Data("Council news\n\nThe council met on Monday and approved the budget for next year.\n".utf8)
            .write(to: dir.appendingPathComponent("council.txt"))
        try Data("articles:\n  - path: council.txt\n    language: ru\n".utf8).write(to: dir.appendingPathComponent("manifest.yaml"))
        let result = try CommandRunner.edition(["build", "manifest.yaml", "--quiet"], directory: dir)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("Russian (ru)"), result.stderr)
    }

    func testScriptOfAUkrainianArticleSpeaksTheUkrainianIntro() throws {
        let result = try CommandRunner.edition(["script", "article.txt"], directory: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("## Стаття"), result.stdout)
        XCTAssertFalse(result.stdout.contains("By "), result.stdout)
        XCTAssertFalse(result.stdout.contains("Читайте також"), result.stdout)
        // Numbers in the case the sentence needs, by the Ukrainian normalizer.
        for spoken in ["Опубліковано сімнадцятого травня дві тисячі двадцять першого року.",
                       "з дві тисячі дев'ятнадцятого по дві тисячі двадцять перший рік",
                       "п'ять мільярдів гривень", "о сьомій п'ятнадцять"] {
            XCTAssertTrue(result.stdout.contains(spoken), "“\(spoken)” not in the script: \(result.stdout)")
        }
    }
}
