import Building
import EditionCore
import EditionTestSupport
import Foundation
import Settings
import XCTest

/// The language an episode is planned in: the article's (or the manifest's, over it), else its
/// voice's; a voice named for an article in another language is warned about, not silent.
final class EpisodeLanguageTests: XCTestCase {
    let library = VoiceLibrary(directory: TestEnvironment.voicesDirectory)
    static let ukrainian = "Новий міст у Києві\n\nМіська влада відкрила рух новим мостом, який з'єднав Поділ із лівим берегом.\n"

    func testTheArticlesLanguageElseTheVoices() throws {
        let uk = try EpisodePlan.article(.bytes(Data(Self.ukrainian.utf8), name: "uk.txt"), profile: library.profile(named: "uk-news"))
        XCTAssertEqual(uk.language, "uk")
        XCTAssertEqual(uk.outline.chapters.map(\.title), ["Новий міст у Києві", "Стаття"])
        let english = try EpisodePlan.article(.bytes(Data("Council news\n\nThe council met on Monday and agreed the budget.\n".utf8), name: "en.txt"),
                                              profile: library.profile(named: "en-gb-news"))
        XCTAssertEqual(english.language, "en-GB", "Latin letters do not say which language: the voice's")
        XCTAssertEqual(english.warnings, [])
    }

    func testTheManifestsLanguageWins() throws {
        let plan = try EpisodePlan.article(.bytes(Data(Self.ukrainian.utf8), name: "uk.txt"), profile: library.profile(named: "uk-news"),
                                           overrides: ArticleOverrides(language: "uk-UA"))
        XCTAssertEqual(plan.language, "uk-UA")
    }

    func testANamedVoiceOfAnotherLanguageIsWarnedAbout() throws {
        let plan = try EpisodePlan.article(.bytes(Data(Self.ukrainian.utf8), name: "uk.txt"), profile: library.profile(named: "en-us-news"))
        XCTAssertTrue(plan.warnings.contains { $0.contains("Ukrainian (uk)") && $0.contains("en-us-news") }, "\(plan.warnings)")
    }

    func testAnEditionTakesItsEntrysLanguageElseItsFirstStorys() throws {
        let dir = try TestEnvironment.scratchDirectory("edition-language")
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestEnvironment.write(Data(Self.ukrainian.utf8), named: "uk.txt", in: dir)
        let entry = Manifest.EditionEntry(title: "Ранкові новини", outro: "Це були новини.", articles: [.init(path: "uk.txt")])
        let plan = try EpisodePlan.edition(entry, base: dir, profile: library.profile(named: "uk-news"))
        XCTAssertEqual(plan.language, "uk")
        XCTAssertEqual(plan.outline.chapters.last?.title, "Завершення")
        var marked = entry
        marked.language = "uk-UA"
        XCTAssertEqual(try EpisodePlan.edition(marked, base: dir, profile: library.profile(named: "uk-news")).language, "uk-UA")
    }
}
