import EditionTestSupport
import Foundation
import XCTest

/// `edition verify` on what `edition narrate` produced, in every format, and on files that
/// must fail: not audio, a damaged chapter tag, a chapters JSON that disagrees.
final class VerifyTests: XCTestCase {
    var dir: URL!
    var out: URL { dir.appendingPathComponent("out") }
    let slug = "council-approves-the-budget"
    static let extensions = ["wav", "mp3", "flac", "opus", "ogg"]

    override func setUpWithError() throws {
        dir = try TestEnvironment.scratchDirectory("verify")
        try Data("""
            Council approves the budget

            The council approved the budget on Tuesday. Roads get more money next year.

            The library opens a week late. Builders blamed the weather.
            """.utf8).write(to: dir.appendingPathComponent("budget.txt"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func narrate(_ formats: [String]) throws {
        let result = try CommandRunner.edition(["narrate", "budget.txt", "--output", out.path, "--voice", "en-us-news"]
                                               + formats.flatMap { ["--format", $0] }, directory: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func file(_ ext: String) -> String { out.appendingPathComponent("\(slug).\(ext)").path }

    func testEveryFormatVerifiesWithTheSameChapters() throws {
        try narrate(["wav", "mp3", "flac", "opus", "vorbis"])
        let result = try CommandRunner.edition(["verify", "--json"] + Self.extensions.map(file))
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let reports = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(reports.count, 5)
        func chapters(_ report: [String: Any]) throws -> [(title: String, start: Double)] {
            try XCTUnwrap(report["chapters"] as? [[String: Any]]).map {
                (try XCTUnwrap($0["title"] as? String), try XCTUnwrap($0["startTime"] as? Double))
            }
        }
        let reference = try chapters(reports[0])
        XCTAssertGreaterThanOrEqual(reference.count, 2)
        XCTAssertEqual(reference.first?.title, "Council approves the budget")
        for (ext, report) in zip(Self.extensions, reports) {
            let checks = try XCTUnwrap(report["checks"] as? [[String: Any]])
            let names = checks.compactMap { $0["name"] as? String }
            XCTAssertTrue(names.contains("chapters JSON"), "\(ext): \(names)")
            XCTAssertFalse(names.contains("chapters"), "\(ext): its chapters were read")
            XCTAssertTrue(checks.allSatisfy { $0["passed"] as? Bool == true }, "\(ext): \(checks)")
            let read = try chapters(report)
            XCTAssertEqual(read.map(\.title), reference.map(\.title), ext)
            for (a, b) in zip(read, reference) {
                XCTAssertEqual(a.start, b.start, accuracy: 0.060, "\(ext) \(a.title): within one codec frame")
            }
        }
        // The text report lists every chapter of the MP3.
        let text = try CommandRunner.edition(["verify", file("mp3")])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("chapters  \(reference.count)"), text.stdout)
        for chapter in reference { XCTAssertTrue(text.stdout.contains(chapter.title), text.stdout) }
    }

    /// Tag formats cut a chapter title at 255 bytes and drop control characters; the chapters JSON and the
    /// episode metadata must say exactly what the files say, or verify would fail on its own output.
    func testAnOutsizedHeadingReadsTheSameEverywhere() throws {
        let heading = String(repeating: "Roads and bridges across the county ", count: 40)   // 1,440 bytes
        try Data("""
            # Council approves the budget

            The council approved the budget on Tuesday.

            ## \(heading)

            The library opens a week late.
            """.utf8).write(to: dir.appendingPathComponent("budget.md"))
        let result = try CommandRunner.edition(["narrate", "budget.md", "--output", out.path, "--format", "wav", "--format", "mp3",
                                                "--format", "flac"], directory: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let verify = try CommandRunner.edition(["verify", file("wav"), file("mp3"), file("flac")])
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out.appendingPathComponent("\(slug).chapters.json").path))) as? [String: Any])
        let titles = try XCTUnwrap(json["chapters"] as? [[String: Any]]).compactMap { $0["title"] as? String }
        let long = try XCTUnwrap(titles.first { $0.hasPrefix("Roads") })
        XCTAssertLessThanOrEqual(long.utf8.count, 255)
        XCTAssertTrue(heading.hasPrefix(long.trimmingCharacters(in: .whitespaces)))
    }

    /// An unmastered file keeps the engine's level on purpose: verify reports it, and passes.
    func testAnUnmasteredFileIsNotHeldToTheLoudnessTarget() throws {
        let narrated = try CommandRunner.edition(["narrate", "budget.txt", "--output", out.path, "--format", "wav", "--no-mastering"],
                                                 directory: dir)
        XCTAssertEqual(narrated.status, 0, narrated.stderr)
        let result = try CommandRunner.edition(["verify", file("wav")])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("not mastered"), result.stdout)
    }

    /// A narration past 4 GiB is RF64 (sizes in `ds64`, 0xFFFFFFFF in the RIFF and data sizes).
    /// Rewritten here by hand from the narrated WAV, independently of libsndfile, `verify` must
    /// read its chapters as it reads the RIFF file's.
    func testAnRF64WAVVerifiesWithItsChapters() throws {
        try narrate(["wav"])
        let riff = try RIFFReader(url: URL(fileURLWithPath: file("wav")))
        func le32(_ v: UInt32) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
        func le64(_ v: UInt64) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
        var body = Data()
        for chunk in riff.chunks {
            body += Data(chunk.id.utf8) + (chunk.id == "data" ? le32(0xFFFF_FFFF) : le32(UInt32(chunk.data.count))) + chunk.data
            if chunk.data.count % 2 == 1 { body.append(0) }
        }
        let dataSize = UInt64(try XCTUnwrap(riff.chunk("data")).data.count)
        let ds64 = le64(UInt64(4 + 36 + body.count)) + le64(dataSize) + le64(dataSize / 2) + le32(0)
        let rf64 = Data("RF64".utf8) + le32(0xFFFF_FFFF) + Data("WAVE".utf8) + Data("ds64".utf8) + le32(28) + ds64 + body
        let folder = dir.appendingPathComponent("rf64")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try rf64.write(to: folder.appendingPathComponent("\(slug).wav"))
        for sidecar in ["json", "chapters.json"] {
            try FileManager.default.copyItem(atPath: file(sidecar), toPath: folder.appendingPathComponent("\(slug).\(sidecar)").path)
        }
        let original = try CommandRunner.edition(["verify", "--json", file("wav")])
        let result = try CommandRunner.edition(["verify", "--json", folder.appendingPathComponent("\(slug).wav").path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let reports = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(original.stdout.utf8)) as? [[String: Any]])
        let chapters = try XCTUnwrap(reports.first?["chapters"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(chapters.count, 2)
        XCTAssertEqual(chapters.compactMap { $0["title"] as? String },
                       (expected.first?["chapters"] as? [[String: Any]])?.compactMap { $0["title"] as? String })
        let checks = try XCTUnwrap(reports.first?["checks"] as? [[String: Any]])
        XCTAssertTrue(checks.allSatisfy { $0["passed"] as? Bool == true }, "\(checks)")
    }

    func testAFileThatIsNotAudioFails() throws {
        let notes = try TestEnvironment.write(Data("Notes for the editor, not audio.\n".utf8), named: "notes.mp3", in: dir)
        let result = try CommandRunner.edition(["verify", notes.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("notes.mp3"), result.stderr)
        XCTAssertTrue(result.stderr.contains("cannot be read as audio"), result.stderr)
    }

    func testADamagedChapterTagFailsAndSaysWhy() throws {
        try narrate(["mp3"])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file("mp3"))))
        let chap = try XCTUnwrap((0..<bytes.count - 4).first { bytes[$0..<$0 + 4].elementsEqual("CHAP".utf8) })
        bytes.replaceSubrange(chap + 4..<chap + 8, with: [0x7F, 0xFF, 0xFF, 0xFF])   // a CHAP frame far larger than its tag
        try Data(bytes).write(to: URL(fileURLWithPath: file("mp3")))
        let result = try CommandRunner.edition(["verify", file("mp3")])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("FAIL chapters: "), result.stdout)
        XCTAssertTrue(result.stdout.contains("cannot read its chapters"), result.stdout)
        XCTAssertTrue(result.stdout.contains("ok   loudness"), "the rest of the report is still there: \(result.stdout)")
    }

    func testAChaptersJSONThatDisagreesWithTheWAVFails() throws {
        try narrate(["wav"])
        XCTAssertEqual(try CommandRunner.edition(["verify", file("wav")]).status, 0, "it agrees before the edit")
        let jsonURL = out.appendingPathComponent("\(slug).chapters.json")
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL)) as? [String: Any])
        var chapters = try XCTUnwrap(json["chapters"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(chapters.count, 2)
        chapters[1]["startTime"] = try XCTUnwrap(chapters[1]["startTime"] as? Double) + 0.5
        json["chapters"] = chapters
        try JSONSerialization.data(withJSONObject: json).write(to: jsonURL)

        let result = try CommandRunner.edition(["verify", file("wav")])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("FAIL chapters JSON: chapter 2 differs"), result.stdout)

        chapters[1]["startTime"] = chapters[1]["startTime"] as! Double - 0.5
        chapters[1]["title"] = "Edited title"
        json["chapters"] = chapters
        try JSONSerialization.data(withJSONObject: json).write(to: jsonURL)
        let renamed = try CommandRunner.edition(["verify", file("wav")])
        XCTAssertNotEqual(renamed.status, 0)
        XCTAssertTrue(renamed.stdout.contains("JSON has \"Edited title\""), renamed.stdout)

        json["chapters"] = Array(chapters.prefix(1))
        try JSONSerialization.data(withJSONObject: json).write(to: jsonURL)
        let fewer = try CommandRunner.edition(["verify", file("wav")])
        XCTAssertNotEqual(fewer.status, 0)
        XCTAssertTrue(fewer.stdout.contains("JSON has 1 chapters, audio has \(chapters.count)"), fewer.stdout)
    }
}
