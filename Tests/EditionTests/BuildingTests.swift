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

final class VoiceProfileTests: XCTestCase {
    func testShippedProfilesLoad() throws {
        let library = VoiceLibrary(directory: TestEnvironment.voicesDirectory)
        let names = try library.names()
        XCTAssertTrue(Set(names).isSuperset(of: ["en-us-news", "en-gb-news", "uk-news"]))
        for profile in try library.all() { XCTAssertFalse(profile.engine.voice.isEmpty) }
        XCTAssertEqual(try library.profile(named: "en-gb-news").language, "en-GB")
    }

    func testUnknownVoiceListsTheChoices() {
        let library = VoiceLibrary(directory: TestEnvironment.voicesDirectory)
        XCTAssertThrowsError(try library.profile(named: "robot")) { error in
            let message = error.localizedDescription
            XCTAssertTrue(message.contains("robot") && message.contains("en-us-news") && message.contains("uk-news"), message)
        }
    }

    func testOutOfRangeValuesAreNamed() throws {
        let dir = try TestEnvironment.scratchDirectory("voices")
        defer { try? FileManager.default.removeItem(at: dir) }
        try TestEnvironment.write(Data("engine:\n  voice: en-us\n  rate: 40\n".utf8), named: "slow.yaml", in: dir)
        try TestEnvironment.write(Data("pauses:\n  sentence: 100\n".utf8), named: "novoice.yaml", in: dir)
        let library = VoiceLibrary(directory: dir)
        XCTAssertThrowsError(try library.profile(named: "slow")) {
            XCTAssertEqual($0.localizedDescription, "Voices/slow.yaml: `engine.rate` must be 80–449 (got 40)")
        }
        XCTAssertThrowsError(try library.profile(named: "novoice")) {
            XCTAssertEqual($0.localizedDescription, "Voices/novoice.yaml: `engine` is missing")
        }
    }
}
