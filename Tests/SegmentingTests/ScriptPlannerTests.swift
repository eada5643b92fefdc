import EditionCore
import Foundation
import Segmenting
import XCTest

/// Article → outline → script: chapters, sentences and the pause after each, as planned from
/// the voice's pauses, and the script read from it sentence by sentence.
final class ScriptPlannerTests: XCTestCase {
    let pauses = PausePlan(clause: 150, sentence: 400, paragraph: 750, heading: 600, chapter: 1200, quote: 300)
    var planner: ScriptPlanner { ScriptPlanner(pauses: pauses) }

    /// The script with words passed through unchanged, so what is checked is Segmenting's part.
    func script(_ outline: ScriptOutline) -> [(chapter: String?, source: String, pauses: [Int])] {
        Script(outline: outline, clausePause: pauses.clause) { SpokenText(text: $0, tokens: []) }
            .map { ($0.chapter, $0.sentence.source, $0.sentence.chunks.map(\.pauseAfter)) }
    }

    func testIntroThenOneChapterPerHeading() {
        let article = Article(headline: "Storm hits coast", authors: ["Ann Lee", "Bo Park"],
                              published: PublicationDate(text: "March 19, 2024", date: Date(timeIntervalSince1970: 1_710_806_400)),
                              sections: [Section(blocks: [Block(.paragraph, "Lead one. Lead two.")]),
                                         Section(heading: "Damage", blocks: [Block(.paragraph, "Roofs fell.")]),
                                         Section(heading: "What next", blocks: [Block(.quote, "We rebuild.")])])
        let outline = planner.outline(for: article)
        XCTAssertEqual(outline.chapters.map(\.title), ["Storm hits coast", "Story", "Damage", "What next"])
        XCTAssertEqual(outline.chapters[0].lines.map(\.text), ["Storm hits coast.", "By Ann Lee and Bo Park.", "Published March 19, 2024."])
        XCTAssertEqual(outline.chapters[2].lines.map(\.text), ["Damage", "Roofs fell."])
        XCTAssertEqual(outline.chapters.flatMap { $0.lines.map(\.pauseAfter) },
                       [400, 400, 1200,      // intro sentences, then the chapter pause
                        400, 1200,           // story
                        600, 1200,           // heading, its paragraph
                        600 + 300, 0])       // a heading before a quote, which is set off; nothing after the end
        let lines = script(outline)
        XCTAssertEqual(lines.compactMap(\.chapter), ["Storm hits coast", "Story", "Damage", "What next"])
        XCTAssertEqual(lines.map(\.pauses), outline.chapters.flatMap { $0.lines.map { [$0.pauseAfter] } })
    }

    /// A quotation of several sentences is set off before its first sentence and after its
    /// last, by the profile's quote pause on top of the paragraph pause.
    func testAQuoteOfSeveralSentencesIsSetOffAtBothEnds() {
        let article = Article(headline: "H", sections: [Section(blocks: [
            Block(.paragraph, "Alpha came. Beta went."), Block(.quote, "Gamma said this. Delta said that."), Block(.paragraph, "Epsilon ended.")])])
        let outline = ScriptPlanner(pauses: pauses, intro: .none).outline(for: article)
        XCTAssertEqual(outline.chapters.flatMap { $0.lines.map(\.text) },
                       ["Alpha came.", "Beta went.", "Gamma said this.", "Delta said that.", "Epsilon ended."])
        XCTAssertEqual(outline.chapters.flatMap { $0.lines.map(\.pauseAfter) }, [400, 750 + 300, 400, 750 + 300, 0])
    }

    func testIntroLeavesOutWhatTheArticleLacks() {
        let article = Article(headline: "Quiet day", sections: [Section(blocks: [Block(.paragraph, "Nothing happened.")])])
        XCTAssertEqual(planner.outline(for: article).chapters[0].lines.map(\.text), ["Quiet day."])
        XCTAssertEqual(ScriptPlanner(pauses: pauses, intro: .none).outline(for: article).chapters.map(\.title), ["Story"])
    }

    /// A Ukrainian article's standard intro and default chapter are Ukrainian, the date written
    /// in digits the way the Ukrainian normalizer reads it.
    func testUkrainianArticleGetsTheUkrainianIntro() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: 2019, month: 5, day: 17, hour: 14, minute: 35))
        let article = Article(headline: "Новий міст", authors: ["Ім'я Прізвище"], published: PublicationDate(text: "17.05.2019 14:35", date: date),
                              sections: [Section(blocks: [Block(.paragraph, "Міст відкрили.")])], language: "uk")
        let outline = planner.outline(for: article)
        XCTAssertEqual(outline.chapters[0].lines.map(\.text), ["Новий міст.", "Автор: Ім'я Прізвище.", "Опубліковано 17 травня 2019 року."])
        XCTAssertEqual(outline.chapters.map(\.title), ["Новий міст", "Стаття"])
        var several = article
        several.authors = ["Марія Шевченко", "Тарас Бойко", "Ірина Коваль"]
        XCTAssertEqual(planner.outline(for: several).chapters[0].lines.map(\.text)[1], "Автори: Марія Шевченко, Тарас Бойко та Ірина Коваль.")
        // A template of one's own is read as written, with the date in the article's language.
        let own = ScriptPlanner(pauses: pauses, intro: IntroTemplate(sentences: ["{date}."])).outline(for: article)
        XCTAssertEqual(own.chapters[0].lines.map(\.text), ["17 травня 2019 року."])
        // English is unchanged.
        var english = article
        english.language = "en-GB"
        XCTAssertEqual(planner.outline(for: english).chapters[0].lines.map(\.text), ["Новий міст.", "By Ім'я Прізвище.", "Published May 17, 2019."])
    }

    func testFragmentHasNoIntro() {
        let outline = planner.fragment("One. Two.\n\nThree.")
        XCTAssertEqual(outline.chapters.map(\.title), ["Fragment"])
        XCTAssertEqual(outline.chapters[0].lines.map(\.text), ["One.", "Two.", "Three."])
        XCTAssertEqual(outline.chapters[0].lines.map(\.pauseAfter), [400, 750, 0])
    }

    /// Lines with nothing to speak are skipped; a chapter starts at its first spoken line,
    /// and a chapter with nothing spoken is not marked at all.
    func testScriptSkipsSilentLinesAndCarriesTheChapterStart() {
        let outline = ScriptOutline(title: "T", chapters: [
            .init(title: "Empty", lines: [.init(text: "   ", pauseAfter: 400)]),
            .init(title: "Late start", lines: [.init(text: "", pauseAfter: 400), .init(text: "Words here.", pauseAfter: 0)]),
        ])
        let lines = Array(Script(outline: outline, clausePause: 150) { SpokenText(text: $0.trimmingCharacters(in: .whitespaces), tokens: []) })
        XCTAssertEqual(lines.map(\.chapter), ["Late start"])
        XCTAssertEqual(lines.map(\.index), [2], "the index counts every outline line, for progress")
        XCTAssertEqual(lines.map(\.sentence.spoken), ["Words here."])
    }

    /// The script is read lazily: a sentence is normalized only when the reader reaches it.
    func testNormalizingHappensSentenceBySentence() {
        let outline = planner.fragment(Array(repeating: "Word.", count: 1000).joined(separator: " "))
        let calls = Counter()
        let script = Script(outline: outline, clausePause: 150) { calls.add(); return SpokenText(text: $0, tokens: []) }
        var iterator = script.makeIterator()
        _ = iterator.next()
        _ = iterator.next()
        XCTAssertEqual(calls.value, 2)
    }
}

private final class Counter: @unchecked Sendable {  // used from the test's thread only
    var value = 0
    func add() { value += 1 }
}
