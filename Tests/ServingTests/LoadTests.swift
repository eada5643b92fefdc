import EditionTestSupport
import Foundation
import XCTest

/// 64 clients at once, on loopback, while a long article synthesizes: every media and job
/// request answers correctly. Bounded: 64 clients × 8 requests.
final class LoadTests: XCTestCase {
    func testSixtyFourClientsDuringSynthesis() async throws {
        let server = try await TestServer.start { $0.jobs = 1 }
        defer { Task { await server.stop() } }
        let (_, episode) = try await server.narrate(["source_id": "short", "body": ServiceFixtures.article(paragraphs: 4), "formats": ["mp3"]])
        let mp3 = try XCTUnwrap((episode["files"] as? [String: String])?["mp3"])
        let bytes = try await server.get(mp3).body
        XCTAssertGreaterThan(bytes.count, 10_000)

        let long = try await server.post("/v1/articles", json: ["source_id": "long", "body": ServiceFixtures.article(paragraphs: 160, seed: "long")])
        let longJob = try XCTUnwrap(long.json["id"] as? String)
        let episodeId = try XCTUnwrap(episode["id"] as? String)
        let failures = try await withThrowingTaskGroup(of: [String].self) { group in
            for client in 0..<64 {
                group.addTask {
                    var problems: [String] = []
                    for i in 0..<8 {
                        switch (client + i) % 3 {
                        case 0:
                            let start = (client * 997 + i * 131) % (bytes.count - 2000)
                            let reply = try await server.get(mp3, headers: ["Range": "bytes=\(start)-\(start + 1999)"])
                            if reply.status != 206 || reply.body != bytes.subdata(in: start..<(start + 2000)) { problems.append("range \(reply.status)") }
                        case 1:
                            let reply = try await server.get("/v1/jobs/\(longJob)")
                            if reply.status != 200 || reply.json["status"] == nil { problems.append("job \(reply.status)") }
                        default:
                            let reply = try await server.get("/v1/episodes/\(episodeId)")
                            if reply.status != 200 { problems.append("episode \(reply.status)") }
                        }
                    }
                    return problems
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        XCTAssertEqual(failures, [])
        let during = try await server.get("/v1/jobs/\(longJob)").json["status"] as? String
        XCTAssertTrue(during == "running" || during == "queued", "the load ran while the long job synthesized (\(during ?? "?"))")
    }
}
