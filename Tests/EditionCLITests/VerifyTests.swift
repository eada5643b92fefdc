import EditionTestSupport
import Foundation
import XCTest

/// `edition verify` on every format the tool writes, and on files that must fail.
final class VerifyTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = try TestEnvironment.scratchDirectory("verify")
        let narrate = try CommandRunner.edition(["narrate", "-", "--output", dir.path, "--format", "wav", "--format", "mp3",
                                                 "--format", "flac", "--format", "opus", "--format", "vorbis"],
                                                stdin: Data("Verify this story\n\nThe council met on Monday. It approved the plan.\n".utf8))
        XCTAssertEqual(narrate.status, 0, narrate.stderr)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testEveryFormatPassesWithTheSameChapters() throws {
        let files = ["wav", "mp3", "flac", "opus", "ogg"].map { dir.appendingPathComponent("verify-this-story.\($0)").path }
        let result = try CommandRunner.edition(["verify", "--json"] + files)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let reports = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(reports.count, 5)
        let chapters = reports.map { ($0["chapters"] as? [[String: Any]]) ?? [] }
        for list in chapters {
            XCTAssertEqual(list.compactMap { $0["title"] as? String }, ["Verify this story", "Story"])
            for (a, b) in zip(list, chapters[0]) {
                XCTAssertEqual(a["startTime"] as? Double ?? -1, b["startTime"] as? Double ?? -2, accuracy: 0.06, "within one codec frame")
            }
        }
    }

    func testNonAudioAndDisagreeingSidecarsFail() throws {
        let junk = try TestEnvironment.write(Data("not audio".utf8), named: "junk.wav", in: dir)
        let bad = try CommandRunner.edition(["verify", junk.path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("junk.wav"), bad.stderr)

        let chapters = dir.appendingPathComponent("verify-this-story.chapters.json")
        let edited = try String(contentsOf: chapters, encoding: .utf8).replacingOccurrences(of: "\"Story\"", with: "\"Something else\"")
        try Data(edited.utf8).write(to: chapters)
        let result = try CommandRunner.edition(["verify", dir.appendingPathComponent("verify-this-story.wav").path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("FAIL chapters JSON"), result.stdout)
    }
}
