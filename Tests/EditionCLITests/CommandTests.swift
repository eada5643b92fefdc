import EditionTestSupport
import Foundation
import XCTest

final class CommandTests: XCTestCase {
    func testVoicesListsOneLineEach() throws {
        let result = try CommandRunner.edition(["voices"])
        XCTAssertEqual(result.status, 0)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines.contains { $0.hasPrefix("en-us-news") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("uk-news") })
    }

    func testUnknownVoiceIsAClearError() throws {
        let result = try CommandRunner.edition(["narrate", "x.txt", "--voice", "robot"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("no voice named 'robot'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("en-gb-news"), result.stderr)
    }

    func testNarrateWritesIntoTheOutputFolderFromStdin() throws {
        let dir = try TestEnvironment.scratchDirectory("stdin")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CommandRunner.edition(["narrate", "-", "--output", dir.path, "--voice", "en-gb-news"],
                                               stdin: Data("Piped headline\n\nA sentence from a pipe.\n".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(names, ["piped-headline.chapters.json", "piped-headline.json", "piped-headline.mp3", "piped-headline.srt",
                               "piped-headline.transcript.json", "piped-headline.vtt", "piped-headline.wav"])
    }

    func testScriptPrintsChaptersAndSentences() throws {
        let result = try CommandRunner.edition(["script", "-"], stdin: Data("Head line\n\nOne. Two.\n".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").first, "## Head line")
        XCTAssertTrue(result.stdout.contains("## Story\nOne.\nTwo.\n"), result.stdout)
    }

    func testTheIntroIsConfigurable() throws {
        let article = Data("Council meets\n\nby Ann Lee March 3, 2025\n\nThe council met.\n".utf8)
        let custom = try CommandRunner.edition(["script", "-", "--intro", "{headline}.|Reported by {authors}.|On {date}."], stdin: article)
        XCTAssertEqual(custom.status, 0, custom.stderr)
        XCTAssertTrue(custom.stdout.hasPrefix("## Council meets\nCouncil meets.\nReported by Ann Lee.\nOn March third, twenty twenty-five.\n## Story\n"), custom.stdout)
        let none = try CommandRunner.edition(["script", "-", "--no-intro"], stdin: article)
        XCTAssertEqual(none.stdout, "## Story\nThe council met.\n")
    }
}
