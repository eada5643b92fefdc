import Building
import EditionCore
import EditionTestSupport
import Foundation
import XCTest

final class SlugTests: XCTestCase {
    func testSlugsAreSafeASCII() {
        XCTAssertEqual(Slug.make("Anti-Kremlin militia claims fighting ongoing"), "anti-kremlin-militia-claims-fighting-ongoing")
        XCTAssertEqual(Slug.make("../../etc/passwd"), "etc-passwd")
        XCTAssertEqual(Slug.make("Zelensky’s “plan”: 3 steps & more!"), "zelenskys-plan-3-steps-more")
        XCTAssertEqual(Slug.make("Café déjà vu"), "cafe-deja-vu")
        XCTAssertEqual(Slug.make("???"), "article")
        XCTAssertLessThanOrEqual(Slug.make(String(repeating: "long words ", count: 40)).count, 80)
        let cyrillic = Slug.make("Київ під обстрілом")
        XCTAssertTrue(cyrillic.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }, cyrillic)
        XCTAssertFalse(cyrillic.isEmpty)
    }

    func testUniqueSlugsWithinARun() {
        var taken: Set<String> = []
        XCTAssertEqual(Slug.unique("a", taken: &taken), "a")
        XCTAssertEqual(Slug.unique("a", taken: &taken), "a-2")
        XCTAssertEqual(Slug.unique("a", taken: &taken), "a-3")
    }
}

final class ScriptBuilderTests: XCTestCase {
    let profile = VoiceProfile(name: "t", engine: EngineSettings(voice: "en-us"))

    func testIntroThenOneChapterPerHeading() {
        let article = Article(headline: "Storm hits coast", authors: ["Ann Lee", "Bo Park"],
                              published: PublicationDate(text: "March 19, 2024", date: Date(timeIntervalSince1970: 1_710_806_400)),
                              sections: [Section(blocks: [Block(.paragraph, "Lead one. Lead two.")]),
                                         Section(heading: "Damage", blocks: [Block(.paragraph, "Roofs fell.")]),
                                         Section(heading: "What next", blocks: [Block(.quote, "We rebuild.")])])
        let script = ScriptBuilder(profile: profile).script(for: article)
        XCTAssertEqual(script.chapters.map(\.title), ["Storm hits coast", "Story", "Damage", "What next"])
        XCTAssertEqual(script.chapters[0].sentences.map(\.source),
                       ["Storm hits coast.", "By Ann Lee and Bo Park.", "Published March 19, 2024."])
        XCTAssertEqual(script.chapters[2].sentences.map(\.source), ["Damage", "Roofs fell."])
        let pauses = script.chapters.flatMap { $0.sentences.flatMap { $0.chunks.map(\.pauseAfter) } }
        let p = profile.pauses
        XCTAssertEqual(pauses, [p.sentence, p.sentence, p.chapter,
                                p.sentence, p.chapter,
                                p.heading, p.chapter,
                                max(p.heading, p.quote), 0])
    }

    func testIntroLeavesOutWhatTheArticleLacks() {
        let article = Article(headline: "Quiet day", sections: [Section(blocks: [Block(.paragraph, "Nothing happened.")])])
        let script = ScriptBuilder(profile: profile).script(for: article)
        XCTAssertEqual(script.chapters[0].sentences.map(\.source), ["Quiet day."])
        XCTAssertEqual(ScriptBuilder(profile: profile, intro: .none).script(for: article).chapters.map(\.title), ["Story"])
    }

    func testFragmentHasNoIntro() {
        let script = ScriptBuilder(profile: profile).fragment("One. Two.\n\nThree.")
        XCTAssertEqual(script.chapters.count, 1)
        XCTAssertEqual(script.chapters[0].sentences.map(\.source), ["One.", "Two.", "Three."])
    }
}
