import EditionTestSupport
import Foundation
import XCTest

/// `edition serve` and `edition token` as an operator runs them: tokens made, listed and
/// revoked from the CLI; a server killed with SIGKILL mid-job and restarted finishes the job
/// with complete files; SIGTERM drains within --drain-timeout and the job survives.
final class ServeProcessTests: XCTestCase {
    var data: URL!

    override func setUpWithError() throws { data = try TestEnvironment.scratchDirectory("serve-cli") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: data) }

    /// A running `edition serve` child and the port it printed.
    final class Server {
        let process = Process()
        var port = 0

        init(data: URL, extra: [String] = []) throws {
            process.executableURL = URL(fileURLWithPath: TestEnvironment.editionBinary)
            process.arguments = ["serve", "--data", data.path, "--port", "0", "--jobs", "1", "--log-level", "warning"] + extra
            process.environment = ProcessInfo.processInfo.environment.merging(["EDITION_VOICES": TestEnvironment.voicesDirectory.path]) { $1 }
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.standardError
            try process.run()
            var text = ""
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, !text.contains("\n") {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            guard let range = text.range(of: "127.0.0.1:"), let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
                process.terminate()
                throw TestFailure("serve printed no port: \(text)")
            }
            self.port = port
        }

        func kill(_ signal: Int32) { Glibc.kill(process.processIdentifier, signal) }

        /// Waits for the process to end; nil if it did not within `timeout`.
        func exit(within timeout: TimeInterval) -> Int32? {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { usleep(50_000) }
            return process.isRunning ? nil : process.terminationStatus
        }

        func curl(_ arguments: [String]) throws -> (status: Int, json: [String: Any]) {
            let result = try CommandRunner.run("/usr/bin/curl", ["-s", "-w", "\n%{http_code}"] + arguments.map {
                $0.hasPrefix("/") ? "http://127.0.0.1:\(port)\($0)" : $0
            })
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let status = Int(lines.last ?? "") ?? 0
            let body = lines.dropLast().joined(separator: "\n")
            return (status, (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:])
        }

        func job(_ id: String) throws -> [String: Any] { try curl(["/v1/jobs/\(id)"]).json }

        func wait(_ id: String, until done: ([String: Any]) -> Bool, timeout: TimeInterval) throws -> [String: Any] {
            let deadline = Date().addingTimeInterval(timeout)
            var last: [String: Any] = [:]
            while Date() < deadline {
                last = try job(id)
                if done(last) { return last }
                usleep(100_000)
            }
            throw TestFailure("job \(id) never reached the state wanted: \(last)")
        }
    }

    func token() throws -> String {
        let made = try CommandRunner.edition(["token", "add", "cms", "--data", data.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        return made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func longArticle(paragraphs: Int) throws -> URL {
        var text = "# The long meeting\n\n"
        for i in 1...paragraphs {
            text += "Item \(i) took \(i + 10) minutes; the members voted \(i % 9 + 2) to \(i % 4 + 1) on motion \(i), and the chair thanked speaker number \(i * 3).\n\n"
        }
        let body = try JSONSerialization.data(withJSONObject: ["source_id": "long-\(UUID().uuidString)", "body": text])
        return try TestEnvironment.write(body, named: "article.json", in: data.deletingLastPathComponent().appendingPathComponent(data.lastPathComponent + "-req").creatingDirectory())
    }

    func testTokensAreMadeListedAndRevokedFromTheCLI() throws {
        let token = try token()
        XCTAssertTrue(token.hasPrefix("edt_"), token)
        XCTAssertGreaterThan(token.count, 40)
        let list = try CommandRunner.edition(["token", "list", "--data", data.path])
        XCTAssertTrue(list.stdout.contains("cms"))
        XCTAssertFalse(list.stdout.contains(token), "the token itself is never shown again")
        let database = try Data(contentsOf: data.appendingPathComponent("edition.sqlite"))
            + ((try? Data(contentsOf: data.appendingPathComponent("edition.sqlite-wal"))) ?? Data())
        XCTAssertNil(database.range(of: Data(token.utf8)), "only a hash of the token is stored")
        let duplicate = try CommandRunner.edition(["token", "add", "cms", "--data", data.path])
        XCTAssertNotEqual(duplicate.status, 0)

        let server = try Server(data: data)
        defer { server.kill(SIGKILL); _ = server.exit(within: 5) }
        let auth = ["-H", "Authorization: Bearer \(token)"]
        XCTAssertEqual(try server.curl(["-X", "DELETE", "/v1/episodes/ep-00000000000000000000"] + auth).status, 404)
        let revoked = try CommandRunner.edition(["token", "revoke", "cms", "--data", data.path])
        XCTAssertEqual(revoked.status, 0, revoked.stderr)
        XCTAssertEqual(try server.curl(["-X", "DELETE", "/v1/episodes/ep-00000000000000000000"] + auth).status, 401,
                       "a token revoked from the CLI is refused by the running server")
        let unknown = try CommandRunner.edition(["token", "revoke", "nobody", "--data", data.path])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("nobody"), unknown.stderr)
        // A second server on the same data folder is refused.
        XCTAssertThrowsError(try Server(data: data))
    }

    func testKillNineMidJobThenRestartFinishesTheJob() throws {
        let token = try token()
        let request = try longArticle(paragraphs: 60)
        var server = try Server(data: data, extra: ["--lease", "3"])
        let posted = try server.curl(["-X", "POST", "/v1/articles", "-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json",
                                      "--data-binary", "@\(request.path)"])
        XCTAssertEqual(posted.status, 202)
        let id = try XCTUnwrap(posted.json["id"] as? String)
        _ = try server.wait(id, until: { ($0["status"] as? String) == "running" && ($0["progress"] as? Double ?? 0) > 0.05 }, timeout: 60)
        server.kill(SIGKILL)
        XCTAssertNotNil(server.exit(within: 10))
        let media = data.appendingPathComponent("media")
        let complete = (try? FileManager.default.contentsOfDirectory(atPath: media.path))?.filter { !$0.hasPrefix(".") } ?? []
        XCTAssertEqual(complete, [], "no file appears before it is complete")

        server = try Server(data: data, extra: ["--lease", "3"])
        defer { server.kill(SIGKILL); _ = server.exit(within: 5) }
        let done = try server.wait(id, until: { ($0["status"] as? String) == "done" || ($0["status"] as? String) == "failed" }, timeout: 180)
        XCTAssertEqual(done["status"] as? String, "done", "\(done)")
        XCTAssertEqual(done["attempts"] as? Double, 2)
        let episodeId = try XCTUnwrap(done["episode_id"] as? String)
        let names = try FileManager.default.contentsOfDirectory(atPath: media.path)
        XCTAssertFalse(names.contains { $0.contains(".partial-") }, "\(names)")
        let wav = try RIFFReader(url: media.appendingPathComponent("\(episodeId).wav"))
        let format = try XCTUnwrap(wav.format)
        let pcm = try XCTUnwrap(wav.chunk("data")).data
        let episode = try server.curl(["/v1/episodes/\(episodeId)"]).json
        let duration = try XCTUnwrap(episode["duration"] as? Double)
        XCTAssertEqual(Double(pcm.count) / Double(Int(format.sampleRate) * 2), duration, accuracy: 0.05, "the WAV is whole")
        let mp3 = try Data(contentsOf: media.appendingPathComponent("\(episodeId).mp3"))
        XCTAssertEqual(mp3.prefix(3), Data("ID3".utf8))
    }

    func testSigtermDrainsWithinTheTimeoutAndTheJobSurvives() throws {
        let token = try token()
        let request = try longArticle(paragraphs: 200)
        var server = try Server(data: data, extra: ["--drain-timeout", "1s"])
        let posted = try server.curl(["-X", "POST", "/v1/articles", "-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json",
                                      "--data-binary", "@\(request.path)"])
        let id = try XCTUnwrap(posted.json["id"] as? String)
        _ = try server.wait(id, until: { ($0["status"] as? String) == "running" && ($0["progress"] as? Double ?? 0) > 0.02 }, timeout: 60)
        let stopping = Date()
        server.kill(SIGTERM)
        let status = server.exit(within: 20)
        XCTAssertEqual(status, 0, "SIGTERM ends the server cleanly")
        XCTAssertLessThan(Date().timeIntervalSince(stopping), 10, "within the drain timeout and a little more")

        server = try Server(data: data)
        defer { server.kill(SIGKILL); _ = server.exit(within: 5) }
        let state = try server.job(id)["status"] as? String
        XCTAssertTrue(state == "queued" || state == "running" || state == "done", "the job was kept: \(state ?? "gone")")
    }
}

private extension URL {
    func creatingDirectory() throws -> URL {
        try FileManager.default.createDirectory(at: self, withIntermediateDirectories: true)
        return self
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
