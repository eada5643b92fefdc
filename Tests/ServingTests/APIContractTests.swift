import EditionTestSupport
import Foundation
@testable import Serving
import XCTest

/// One server for the tests that only need a running service.
actor SharedServer {
    static let shared = SharedServer()
    private var server: TestServer?

    func get() async throws -> TestServer {
        if let server { return server }
        let started = try await TestServer.start { $0.maxBody = 256 << 10 }
        server = started
        return started
    }
}

/// What every client can rely on: the routes the OpenAPI document lists, tokens, and a JSON
/// `{"error": ...}` with the right status for every refusal, never a 500.
final class APIContractTests: XCTestCase {
    func testOpenAPIDocumentListsExactlyTheRoutes() async throws {
        let server = try await SharedServer.shared.get()
        let reply = try await server.get("/openapi.json")
        XCTAssertEqual(reply.status, 200)
        let document = reply.json
        XCTAssertEqual((document["openapi"] as? String)?.prefix(2), "3.")
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let data = try TestEnvironment.scratchDirectory("routes")
        defer { try? FileManager.default.removeItem(at: data) }
        var options = ServiceOptions(dataDirectory: data, workerExecutable: TestEnvironment.editionBinary)
        options.voices = .init(directory: TestEnvironment.voicesDirectory)
        let routes = Set(try EditionServer(options: options, logger: .init(label: "t")).routeList.map { "\($0.method) \($0.path)" })
        XCTAssertFalse(routes.isEmpty)
        XCTAssertEqual(routes.subtracting(documented), [], "routes missing from the OpenAPI document")
        XCTAssertEqual(documented.subtracting(routes), [], "documented routes the server does not have")
        for required in ["POST /v1/articles", "GET /v1/jobs/{id}", "GET /v1/episodes", "GET /v1/episodes/{id}", "DELETE /v1/episodes/{id}",
                         "POST /v1/webhooks", "POST /v1/audio/speech", "GET /feed.xml", "GET /healthz", "GET /metrics", "GET /openapi.json",
                         "GET /media/{file}", "HEAD /media/{file}"] {
            XCTAssertTrue(routes.contains(required), required)
        }
    }

    func testHealthAndMetrics() async throws {
        let server = try await SharedServer.shared.get()
        let health = try await server.get("/healthz")
        XCTAssertEqual(health.status, 200)
        XCTAssertEqual(health.json["status"] as? String, "ok")
        _ = try await server.get("/v1/episodes")
        let metrics = try await server.get("/metrics")
        XCTAssertEqual(metrics.status, 200)
        XCTAssertTrue(metrics.header("Content-Type")?.hasPrefix("text/plain") ?? false)
        for name in ["edition_jobs{state=\"queued\"}", "edition_synthesis_seconds_total", "edition_http_request_duration_seconds_bucket",
                     "route=\"/v1/episodes\""] {
            XCTAssertTrue(metrics.text.contains(name), name)
        }
    }

    func testTokensAreRequiredAndChecked() async throws {
        let server = try await SharedServer.shared.get()
        let article: [String: Any] = ["source_id": "auth-1", "body": "Some text to read."]
        let body = try JSONSerialization.data(withJSONObject: article)
        let none = try await server.request("POST", "/v1/articles", body: body)
        XCTAssertEqual(none.status, 401)
        XCTAssertNotNil(none.json["error"] as? String)
        XCTAssertNotNil(none.header("WWW-Authenticate"))
        for header in ["Bearer wrong", "Basic \(server.token)", "Bearer", "\(server.token)", "Bearer  "] {
            let reply = try await server.request("POST", "/v1/articles", headers: ["Authorization": header], body: body)
            XCTAssertEqual(reply.status, 401, header)
            XCTAssertNotNil(reply.json["error"] as? String, header)
        }
        // RFC 9110: the scheme is case-insensitive.
        let lower = try await server.request("POST", "/v1/webhooks", headers: ["Authorization": "bearer \(server.token)"],
                                             body: Data(#"{"url": "http://127.0.0.1:9/hook", "secret": "s"}"#.utf8))
        XCTAssertEqual(lower.status, 201, lower.text)
        // A revoked token stops working at once.
        let store = try ServiceStore(dataDirectory: server.data)
        let extra = try store.addToken(named: "short-lived")
        let before = try await server.request("DELETE", "/v1/episodes/ep-00000000000000000000", headers: ["Authorization": "Bearer \(extra)"])
        XCTAssertEqual(before.status, 404)
        XCTAssertTrue(try store.revokeToken(named: "short-lived"))
        let after = try await server.request("DELETE", "/v1/episodes/ep-00000000000000000000", headers: ["Authorization": "Bearer \(extra)"])
        XCTAssertEqual(after.status, 401)
    }

    func testBadArticlesAreRefusedWithTheRightStatus() async throws {
        let server = try await SharedServer.shared.get()
        let cases: [(String, Data, Int)] = [
            ("malformed JSON", Data("{\"source_id\": ".utf8), 400),
            ("not an object", Data("[1, 2]".utf8), 400),
            ("empty request", Data(), 400),
            ("missing source_id", Data(#"{"body": "Text."}"#.utf8), 422),
            ("empty source_id", Data(#"{"source_id": "  ", "body": "Text."}"#.utf8), 422),
            ("missing body", Data(#"{"source_id": "x"}"#.utf8), 422),
            ("wrong type", Data(#"{"source_id": 5, "body": "Text."}"#.utf8), 422),
            ("empty body", Data(#"{"source_id": "x", "body": " \n "}"#.utf8), 422),
            ("binary body", Data(#"{"source_id": "x", "body": "\u0000\u0001\u0002PK\u0003\u0004"}"#.utf8), 422),
            ("control characters", Data(#"{"source_id": "x", "body": "\u0001\u0002\u0003\u0004\u0005\u0006ab"}"#.utf8), 422),
            ("unknown voice", Data(#"{"source_id": "x", "body": "Text.", "voice": "klingon"}"#.utf8), 422),
            ("unknown format", Data(#"{"source_id": "x", "body": "Text.", "formats": ["aac"]}"#.utf8), 422),
            ("unknown body format", Data(#"{"source_id": "x", "body": "Text.", "format": "docx"}"#.utf8), 422),
        ]
        for (label, body, status) in cases {
            let reply = try await server.request("POST", "/v1/articles", body: body, authorized: true)
            XCTAssertEqual(reply.status, status, "\(label): \(reply.text)")
            XCTAssertFalse((reply.json["error"] as? String ?? "").isEmpty, label)
        }
        let health = try await server.get("/healthz")
        XCTAssertEqual(health.status, 200, "the server keeps serving")
    }

    func testOversizedBodiesAre413() async throws {
        let server = try await SharedServer.shared.get()
        let big = String(repeating: "Words and more words. ", count: 20_000)  // 440 KB > 256 KiB
        let reply = try await server.post("/v1/articles", json: ["source_id": "big", "body": big])
        XCTAssertEqual(reply.status, 413)
        XCTAssertNotNil(reply.json["error"] as? String)
        // Streamed with no declared length: refused while reading, before the client has sent it all.
        let response = try RawHTTP.chunkedPost(port: server.port, path: "/v1/articles", token: server.token,
                                               chunk: Data(repeating: 0x61, count: 64 << 10), chunks: 64)
        XCTAssertTrue(response.hasPrefix("HTTP/1.1 413"), response)
        XCTAssertTrue(response.contains("\"error\""), response)
        let health = try await server.get("/healthz")
        XCTAssertEqual(health.status, 200)
    }

    func testUnknownRoutesAre404AndWrongMethods405() async throws {
        let server = try await SharedServer.shared.get()
        for path in ["/index.php", "/episodes/ep-00000000000000000000", "/site/edition.sqlite", "/v2/articles", "/v1/jobs", "/v1/jobs/../../etc/passwd", "/v1/jobs/job-zz", "/v1/episodes/%2e%2e%2fedition.sqlite",
                     "/media/edition.sqlite", "/media/..%2Fedition.sqlite", "/media/ep-00000000000000000000.mp3", "/media/ep-00000000000000000000.sqlite"] {
            let reply = try await server.get(path)
            XCTAssertEqual(reply.status, 404, path)
            XCTAssertNotNil(reply.json["error"] as? String, path)
        }
        for (method, path) in [("PUT", "/v1/articles"), ("GET", "/v1/articles"), ("POST", "/v1/episodes/ep-00000000000000000000"),
                               ("DELETE", "/v1/jobs/job-00000000000000000000"), ("POST", "/feed.xml")] {
            let reply = try await server.request(method, path)
            XCTAssertEqual(reply.status, 405, "\(method) \(path)")
            XCTAssertNotNil(reply.header("Allow"), "\(method) \(path)")
            XCTAssertNotNil(reply.json["error"] as? String, "\(method) \(path)")
        }
    }

    func testHostileSourceIdsAreStoredAndEchoedNeverUsedAsPaths() async throws {
        let server = try await SharedServer.shared.get()
        let hostile = ["../../etc/passwd", "a/b/c", "/absolute", "nul\u{0}byte", String(repeating: "x", count: 10_000), "..", "ünïcødé ✓",
                       "<script>alert(1)</script>"]
        for sourceId in hostile {
            let reply = try await server.post("/v1/articles", json: ["source_id": sourceId, "title": "A note", "body": "A short note, read aloud.", "formats": ["mp3"]])
            XCTAssertEqual(reply.status, 202, "\(sourceId.prefix(40)): \(reply.text.prefix(200))")
            XCTAssertEqual(reply.json["source_id"] as? String, sourceId)
            if let id = reply.json["id"] as? String {
                let job = try await server.finished(id)
                XCTAssertEqual(job["status"] as? String, "done", "\(job)")
                XCTAssertEqual(job["source_id"] as? String, sourceId)
            }
        }
        // Nothing outside the data folder's own names was made.
        let media = try FileManager.default.contentsOfDirectory(atPath: server.data.appendingPathComponent("media").path)
        for name in media where !name.hasPrefix(".") {
            XCTAssertNotNil(MediaFile(name: name), "unexpected file \(name)")
        }
        let top = Set(try FileManager.default.contentsOfDirectory(atPath: server.data.path))
        XCTAssertTrue(top.isSubset(of: ["edition.sqlite", "edition.sqlite-wal", "edition.sqlite-shm", "media", "cache", "tmp", ".serve.lock"]), "\(top)")
    }
}

/// A request written byte by byte on a socket, for what URLSession will not send (a chunked
/// body with no length).
enum RawHTTP {
    static func chunkedPost(port: Int, path: String, token: String, chunk: Data, chunks: Int) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TestFailure("connect") }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        func send(_ data: Data) -> Bool {
            data.withUnsafeBytes { raw in Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL)) == raw.count }
        }
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        _ = send(Data(head.utf8))
        for _ in 0..<chunks {
            // The server may answer and close before all is sent: stop writing then.
            guard send(Data(String(chunk.count, radix: 16).utf8) + Data("\r\n".utf8) + chunk + Data("\r\n".utf8)) else { break }
        }
        _ = send(Data("0\r\n\r\n".utf8))
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
            if let text = String(data: response, encoding: .utf8), let headEnd = text.range(of: "\r\n\r\n"),
               let lengthLine = text[..<headEnd.lowerBound].split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
               let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)),
               text.utf8.count >= text[..<headEnd.upperBound].utf8.count + length { break }
        }
        return String(decoding: response, as: UTF8.self)
    }
}
