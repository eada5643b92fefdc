import Settings
import EditionCore
import EditionTestSupport
import Foundation
import XCTest

/// One function chooses the voice everywhere: a named one wins; else the article's language
/// picks its default; a language no profile speaks is refused, never read with another's rules.
final class VoiceChoiceTests: XCTestCase {
    let library = VoiceLibrary(directory: TestEnvironment.voicesDirectory)

    func testTheLanguagePicksItsDefaultVoice() throws {
        XCTAssertEqual(try library.profile(named: nil, language: "uk").name, "uk-news")
        XCTAssertEqual(try library.profile(named: nil, language: "uk-UA").name, "uk-news")
        XCTAssertEqual(try library.profile(named: nil, language: "en").name, "en-us-news")
        XCTAssertEqual(try library.profile(named: nil, language: "en-GB").name, "en-us-news", "English keeps its one default")
        XCTAssertEqual(try library.profile(named: nil, language: nil).name, "en-us-news", "an unknown language reads as today")
    }

    func testANamedVoiceWins() throws {
        XCTAssertEqual(try library.profile(named: "en-gb-news", language: "uk").name, "en-gb-news")
        XCTAssertThrowsError(try library.profile(named: "nope", language: "uk"))
    }

    func testALanguageWithNoVoiceIsRefusedNamingTheLanguageAndTheWayOut() {
        XCTAssertThrowsError(try library.profile(named: nil, language: "ru")) { error in
            let message = error.localizedDescription
            XCTAssertTrue(message.contains("Russian (ru)"), message)
            XCTAssertTrue(message.contains("language: ru") && message.contains("--voice"), message)
            XCTAssertTrue(message.contains("uk-news"), "lists the voices there are: \(message)")
        }
    }

    func testAProfileOfTheLanguageIsFoundWithoutBeingADefault() throws {
        let dir = try TestEnvironment.scratchDirectory("voice-choice")
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestEnvironment.write(Data("language: ru\nengine:\n  voice: ru\n".utf8), named: "ru-reader.yaml", in: dir)
        try TestEnvironment.write(Data("language: en-US\nengine:\n  voice: en-us\n".utf8), named: "plain.yaml", in: dir)
        let own = VoiceLibrary(directory: dir)
        XCTAssertEqual(try own.profile(named: nil, language: "ru").name, "ru-reader")
        XCTAssertEqual(try own.profile(named: nil, language: nil).name, "plain", "English without en-us-news: any English profile")
        XCTAssertThrowsError(try own.profile(named: nil, language: "uk")) { error in
            XCTAssertTrue(error.localizedDescription.contains("Ukrainian (uk)"), error.localizedDescription)
        }
    }
}
