import EditionTestSupport
import Foundation
import XCTest

/// Refused inputs exit non-zero with one clear line and leave no file behind.
final class BadInputTests: XCTestCase {
    var dir: URL!
    var output: URL { dir.appendingPathComponent("out") }

    override func setUpWithError() throws { dir = try TestEnvironment.scratchDirectory("cli") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func assertRefused(_ data: Data?, name: String, mentions: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = dir.appendingPathComponent(name).path
        if let data { try data.write(to: URL(fileURLWithPath: path)) }
        let result = try CommandRunner.edition(["narrate", path, "--output", output.path])
        XCTAssertNotEqual(result.status, 0, file: file, line: line)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "one clear line, got: \(result.stderr)", file: file, line: line)
        XCTAssertTrue(result.stderr.contains(mentions), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(name), "the message names the input: \(result.stderr)", file: file, line: line)
        let written = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        XCTAssertEqual(written, [], "nothing is left behind", file: file, line: line)
    }

    func testMissingFile() throws { try assertRefused(nil, name: "nope.txt", mentions: "no such file") }
    func testEmptyFile() throws { try assertRefused(Data(), name: "empty.txt", mentions: "empty") }
    func testWhitespaceOnly() throws { try assertRefused(Data(" \n\t\n   \n".utf8), name: "blank.txt", mentions: "empty") }
    func testBinaryData() throws {
        var bytes = [UInt8](repeating: 0, count: 4096)
        for i in bytes.indices { bytes[i] = UInt8((i * 7919) & 0xff) }
        try assertRefused(Data(bytes), name: "noise.bin", mentions: "binary")
    }
    func testControlCharactersOnly() throws { try assertRefused(Data([1, 2, 3, 10, 1, 1]), name: "ctl.txt", mentions: "binary") }

    func testInvalidUTF8IsReplacedWithAWarning() throws {
        var bytes = Array("Bad bytes story\n\nThe caf".utf8) + [0xC3, 0x28] + Array(" opened today.\n".utf8)
        bytes += [0xFF]
        let path = try TestEnvironment.write(Data(bytes), named: "latin.txt", in: dir).path
        let result = try CommandRunner.edition(["narrate", path, "--output", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("invalid UTF-8"), result.stderr)
        let meta = try String(contentsOf: output.appendingPathComponent("bad-bytes-story.json"), encoding: .utf8)
        XCTAssertTrue(meta.contains("invalid UTF-8"), "the warning is kept in the episode metadata")
    }

    func testControlCharactersAreStrippedBeforeTheEngine() throws {
        let text = "Control story\n\nThe \u{01}council\u{07} met \u{1B}today.\n"
        let path = try TestEnvironment.write(Data(text.utf8), named: "c0.txt", in: dir).path
        let script = try CommandRunner.edition(["script", path])
        XCTAssertEqual(script.status, 0, script.stderr)
        XCTAssertTrue(script.stdout.contains("The council met today."), script.stdout)
        XCTAssertFalse(script.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let narrate = try CommandRunner.edition(["narrate", path, "--output", output.path])
        XCTAssertEqual(narrate.status, 0, narrate.stderr)
    }

    func testOneBadFileDoesNotStopTheOthers() throws {
        let good = try TestEnvironment.write(Data("Good story\n\nAll is well.\n".utf8), named: "good.txt", in: dir).path
        let result = try CommandRunner.edition(["narrate", dir.appendingPathComponent("missing.txt").path, good, "--output", output.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("good-story.wav").path))
    }
}
