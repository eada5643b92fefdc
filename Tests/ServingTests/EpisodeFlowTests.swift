import Crypto
import EditionTestSupport
import Foundation
import Hummingbird
import NIOCore
@testable import Serving
import Synchronization
import XCTest

/// An article's life in the service, against real synthesis: posted, narrated, served with
/// byte ranges, posted again unchanged (nothing to do), corrected (same episode, same URLs,
/// only the changed sentence spoken), announced by signed webhooks, listed in the feed, deleted.
final class EpisodeFlowTests: XCTestCase {
    func testAnArticlesLife() async throws {
        let receiver = try await WebhookReceiver.start(failFirst: 1)
        defer { receiver.stop() }
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let hook = try await server.post("/v1/webhooks", json: ["url": "http://127.0.0.1:\(receiver.port)/hook", "secret": "topsecret"])
        XCTAssertEqual(hook.status, 201, hook.text)

        // 1. Posted: 202, a Location, a job that finishes.
        let text = ServiceFixtures.article(paragraphs: 12)
        var article: [String: Any] = ["source_id": "cms-42", "body": text, "title": "Council meets again", "url": "https://example.org/council",
                                      "published": "2026-12-01T09:30:00Z", "authors": ["Ada Reporter"]]
        let started = Date()
        let posted = try await server.post("/v1/articles", json: article)
        XCTAssertEqual(posted.status, 202, posted.text)
        let jobId = try XCTUnwrap(posted.json["id"] as? String)
        XCTAssertEqual(posted.header("Location"), "/v1/jobs/\(jobId)")
        XCTAssertEqual(posted.json["status"] as? String, "queued")
        let job = try await server.finished(jobId)
        let firstTime = Date().timeIntervalSince(started)
        XCTAssertEqual(job["status"] as? String, "done", "\(job)")
        XCTAssertEqual(job["progress"] as? Double, 1)
        XCTAssertTrue(job["error"] is NSNull)
        let episodeId = try XCTUnwrap(job["episode_id"] as? String)

        // 2. The episode and its files.
        let episode = try await server.get("/v1/episodes/\(episodeId)").json
        XCTAssertEqual(episode["title"] as? String, "Council meets again")
        XCTAssertEqual(episode["source_id"] as? String, "cms-42")
        XCTAssertEqual(episode["authors"] as? [String], ["Ada Reporter"])
        XCTAssertGreaterThan(episode["duration"] as? Double ?? 0, 30)
        XCTAssertFalse((episode["chapters"] as? [Any] ?? []).isEmpty)
        let files = try XCTUnwrap(episode["files"] as? [String: String])
        for kind in ["mp3", "wav", "chapters", "vtt", "srt", "transcript"] { XCTAssertNotNil(files[kind], kind) }
        let list = try await server.get("/v1/episodes").json["episodes"] as? [[String: Any]]
        XCTAssertEqual(list?.count, 1)

        // 3. Media: bytes, ranges, ETag, CORS, content types.
        let mp3URL = try XCTUnwrap(files["mp3"])
        let onDisk = try Data(contentsOf: server.data.appendingPathComponent("media").appendingPathComponent(URL(string: mp3URL)!.lastPathComponent))
        try await checkMedia(server, url: mp3URL, bytes: onDisk, type: "audio/mpeg")
        for (kind, type) in [("chapters", "application/json+chapters"), ("vtt", "text/vtt"), ("srt", "application/x-subrip"), ("transcript", "application/json")] {
            let reply = try await server.get(files[kind]!)
            XCTAssertEqual(reply.status, 200, kind)
            XCTAssertTrue(reply.header("Content-Type")?.hasPrefix(type) ?? false, "\(kind): \(reply.header("Content-Type") ?? "")")
            XCTAssertEqual(reply.header("Access-Control-Allow-Origin"), "*", kind)
        }
        let wav = try await server.get(files["wav"]!)
        XCTAssertEqual(wav.body.prefix(4), Data("RIFF".utf8))
        let riff = try RIFFReader(data: wav.body)
        XCTAssertNotNil(riff.chunk("cue "), "chapters travel in the WAV")

        // 4. The same article again: 200, the same job, nothing new.
        let again = try await server.post("/v1/articles", json: article)
        XCTAssertEqual(again.status, 200, again.text)
        XCTAssertEqual(again.json["id"] as? String, jobId)
        XCTAssertEqual(again.json["status"] as? String, "done")

        // 5. One sentence corrected: a new job, the same episode, guid and URLs; only that sentence spoken.
        let cacheBefore = try cacheEntries(server)
        let partsBefore = try cacheEntries(server, suffix: ".mp3part")
        XCTAssertGreaterThanOrEqual(partsBefore, 2, "the first narration's MP3 was encoded in parts, and they were kept")
        article["body"] = text.replacingOccurrences(of: "Paragraph 7 of the council story", with: "Paragraph seven of the council story, corrected,")
        let editStarted = Date()
        let edited = try await server.post("/v1/articles", json: article)
        XCTAssertEqual(edited.status, 202, edited.text)
        XCTAssertNotEqual(edited.json["id"] as? String, jobId)
        XCTAssertEqual(edited.json["episode_id"] as? String, episodeId)
        let editJob = try await server.finished(try XCTUnwrap(edited.json["id"] as? String))
        let editTime = Date().timeIntervalSince(editStarted)
        XCTAssertEqual(editJob["status"] as? String, "done")
        let newChunks = try cacheEntries(server) - cacheBefore
        XCTAssertGreaterThanOrEqual(newChunks, 1)
        XCTAssertLessThanOrEqual(newChunks, 2, "only the changed sentence is synthesized again")
        let newParts = try cacheEntries(server, suffix: ".mp3part") - partsBefore
        XCTAssertLessThanOrEqual(newParts, 2, "only the MP3 parts around the correction are encoded again (of \(partsBefore))")
        let after = try await server.get("/v1/episodes/\(episodeId)").json
        XCTAssertEqual(after["guid"] as? String, episode["guid"] as? String)
        XCTAssertEqual(after["files"] as? [String: String], files)
        XCTAssertGreaterThan(try XCTUnwrap(after["duration"] as? Double), try XCTUnwrap(episode["duration"] as? Double),
                             "the episode's answer (cached since step 3) is the corrected version's, with its longer sentence")
        let transcript = try await server.get(files["vtt"]!).text
        XCTAssertTrue(transcript.contains("corrected"), "the served transcript is the corrected one")
        print("first narration \(String(format: "%.2f", firstTime)) s, one-sentence edit \(String(format: "%.2f", editTime)) s")
        XCTAssertLessThan(editTime, firstTime, "a corrected article costs less than a new one (MP3 encoding of the whole programme dominates both)")

        // 6. Webhooks: one signed episode.ready per narration (the first delivery was refused once and retried).
        let events = try await receiver.events(count: 2, timeout: 15)
        for event in events {
            let signature = HMAC<SHA256>.authenticationCode(for: event.body, using: SymmetricKey(data: Data("topsecret".utf8)))
            XCTAssertEqual(event.signature, "sha256=" + signature.map { String(format: "%02x", $0) }.joined())
            let json = try JSONSerialization.jsonObject(with: event.body) as? [String: Any]
            XCTAssertEqual(json?["type"] as? String, "episode.ready")
            XCTAssertEqual((json?["episode"] as? [String: Any])?["id"] as? String, episodeId)
        }
        XCTAssertGreaterThanOrEqual(receiver.attempts, 3, "the refused delivery was retried")

        // 7. The feed lists it once, by its guid, with the MP3 enclosure.
        let feed = try await server.get("/feed.xml")
        XCTAssertEqual(feed.status, 200)
        XCTAssertTrue(feed.header("Content-Type")?.hasPrefix("application/rss+xml") ?? false)
        XCTAssertEqual(feed.text.components(separatedBy: "<item>").count - 1, 1)
        XCTAssertTrue(feed.text.contains(episode["guid"] as! String))
        XCTAssertTrue(feed.text.contains("url=\"\(mp3URL)\""), feed.text)

        // 7b. The pages `edition site` writes, served from the same generator.
        let home = try await server.get("/")
        XCTAssertEqual(home.status, 200)
        XCTAssertTrue(home.header("Content-Type")?.hasPrefix("text/html") ?? false)
        XCTAssertTrue(home.text.contains("/episodes/\(episodeId)\""), home.text)
        let page = try await server.get("/episodes/\(episodeId)")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("<edition-player src=\"\(mp3URL)\""), page.text)
        XCTAssertTrue(page.text.contains("transcript=\"\(server.base)/media/\(episodeId).transcript.json\""))
        XCTAssertGreaterThan(page.text.components(separatedBy: "class=\"edition-word\" data-start=").count, 10, "the text as read, word by word")
        XCTAssertTrue(page.text.contains("src=\"\(server.base)/site/edition-player.js\""))
        let script = try await server.get("/site/edition-player.js")
        XCTAssertEqual(script.status, 200)
        XCTAssertTrue(script.header("Content-Type")?.hasPrefix("text/javascript") ?? false)
        let noAsset = try await server.get("/site/..%2Fedition.sqlite")
        XCTAssertEqual(noAsset.status, 404)
        let noPage = try await server.get("/episodes/ep-00000000000000000000")
        XCTAssertEqual(noPage.status, 404)

        // 8. Deleted: gone from the API, the media, the feed and the pages.
        let unauthorized = try await server.request("DELETE", "/v1/episodes/\(episodeId)")
        XCTAssertEqual(unauthorized.status, 401)
        let deleted = try await server.request("DELETE", "/v1/episodes/\(episodeId)", authorized: true)
        XCTAssertEqual(deleted.status, 204)
        let gone = try await server.get("/v1/episodes/\(episodeId)")
        XCTAssertEqual(gone.status, 404)
        let goneMedia = try await server.get(mp3URL)
        XCTAssertEqual(goneMedia.status, 404)
        let emptyFeed = try await server.get("/feed.xml")
        XCTAssertFalse(emptyFeed.text.contains("<item>"))
        let goneHome = try await server.get("/")
        XCTAssertFalse(goneHome.text.contains(episodeId))
        let gonePage = try await server.get("/episodes/\(episodeId)")
        XCTAssertEqual(gonePage.status, 404)
        let left = try FileManager.default.contentsOfDirectory(atPath: server.data.appendingPathComponent("media").path).filter { $0.hasPrefix(episodeId) }
        XCTAssertEqual(left, [])
    }

    /// Ranges checked against the file's own bytes.
    func checkMedia(_ server: TestServer, url: String, bytes: Data, type: String) async throws {
        let size = bytes.count
        let whole = try await server.get(url)
        XCTAssertEqual(whole.status, 200)
        XCTAssertEqual(whole.body, bytes)
        XCTAssertEqual(whole.header("Accept-Ranges"), "bytes")
        XCTAssertEqual(whole.header("Access-Control-Allow-Origin"), "*")
        XCTAssertEqual(whole.header("Content-Type"), type)
        let cases: [(String, Range<Int>)] = [("bytes=0-0", 0..<1), ("bytes=0-99", 0..<100), ("bytes=1000-1999", 1000..<2000),
                                             ("bytes=-100", (size - 100)..<size), ("bytes=-1", (size - 1)..<size),
                                             ("bytes=\(size - 10)-", (size - 10)..<size), ("bytes=\(size - 5)-\(size + 1000)", (size - 5)..<size),
                                             ("bytes=-\(size + 50)", 0..<size)]
        for (header, range) in cases {
            let reply = try await server.get(url, headers: ["Range": header])
            XCTAssertEqual(reply.status, 206, header)
            XCTAssertEqual(reply.body, bytes.subdata(in: range), header)
            XCTAssertEqual(reply.header("Content-Range"), "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(size)", header)
            XCTAssertEqual(reply.header("Content-Length"), "\(range.count)", header)
        }
        for header in ["bytes=\(size)-", "bytes=\(size + 100)-\(size + 200)", "bytes=-0"] {
            let reply = try await server.get(url, headers: ["Range": header])
            XCTAssertEqual(reply.status, 416, header)
            XCTAssertEqual(reply.header("Content-Range"), "bytes */\(size)", header)
        }
        for header in ["bytes=500-100", "bytes=0-1,5-6", "lines=1-2"] {
            let reply = try await server.get(url, headers: ["Range": header])
            XCTAssertEqual(reply.status, 200, header)
            XCTAssertEqual(reply.body, bytes, header)
        }
        let head = try await server.request("HEAD", url)
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("Content-Length"), "\(size)")
        XCTAssertTrue(head.body.isEmpty)
        let etag = try XCTUnwrap(whole.header("ETag"))
        let cached = try await server.get(url, headers: ["If-None-Match": etag])
        XCTAssertEqual(cached.status, 304)
        XCTAssertTrue(cached.body.isEmpty)
        let stale = try await server.get(url, headers: ["If-None-Match": "\"other\""])
        XCTAssertEqual(stale.status, 200)
        let ifRange = try await server.get(url, headers: ["Range": "bytes=0-9", "If-Range": "\"old\""])
        XCTAssertEqual(ifRange.status, 200, "a stale If-Range gets the whole file")
        let ifRangeFresh = try await server.get(url, headers: ["Range": "bytes=0-9", "If-Range": etag])
        XCTAssertEqual(ifRangeFresh.status, 206)
    }

    func cacheEntries(_ server: TestServer, suffix: String = ".take") throws -> Int {
        let walker = FileManager.default.enumerator(atPath: server.data.appendingPathComponent("cache").path)
        var count = 0
        while let name = walker?.nextObject() as? String { if name.hasSuffix(suffix) { count += 1 } }
        return count
    }

    func testSpeechAnswersAudioInOpenAIsShape() async throws {
        let server = try await SharedServer.shared.get()
        for (format, magic, type) in [("mp3", "ID3", "audio/mpeg"), ("wav", "RIFF", "audio/wav"), ("flac", "fLaC", "audio/flac"), ("opus", "OggS", "audio/ogg")] {
            let reply = try await server.post("/v1/audio/speech", json: ["model": "tts-1", "input": "Hello from the speech route.", "voice": "alloy",
                                                                         "response_format": format])
            XCTAssertEqual(reply.status, 200, "\(format): \(reply.text.prefix(200))")
            XCTAssertTrue(reply.header("Content-Type")?.hasPrefix(type) ?? false, format)
            XCTAssertEqual(String(decoding: reply.body.prefix(magic.count), as: UTF8.self), magic, format)
        }
        let slow = try await server.post("/v1/audio/speech", json: ["input": "One two three four five six seven.", "response_format": "wav", "speed": 0.5])
        let fast = try await server.post("/v1/audio/speech", json: ["input": "One two three four five six seven.", "response_format": "wav", "speed": 2])
        XCTAssertGreaterThan(slow.body.count, fast.body.count * 3 / 2, "speed changes the rate")
        let refusals: [([String: Any], Int)] = [
            (["input": String(repeating: "a", count: 4097)], 422), (["input": ""], 422), (["input": "Hi.", "voice": "nobody"], 422),
            (["input": "Hi.", "response_format": "aac"], 422), (["input": "Hi.", "speed": 10], 422), (["voice": "alloy"], 422),
        ]
        for (body, status) in refusals {
            let reply = try await server.post("/v1/audio/speech", json: body)
            XCTAssertEqual(reply.status, status, "\(body.keys.sorted())")
            XCTAssertNotNil(reply.json["error"] as? String)
        }
        let unauthorized = try await server.post("/v1/audio/speech", json: ["input": "Hi."], authorized: false)
        XCTAssertEqual(unauthorized.status, 401)
    }

    /// With no voice named, the input's language chooses it: Ukrainian is spoken by uk-news,
    /// Russian (no profile speaks it) is refused, naming the language.
    func testSpeechChoosesTheVoiceByTheInputsLanguage() async throws {
        let server = try await SharedServer.shared.get()
        let ukrainian = try await server.post("/v1/audio/speech", json: ["input": "Міська влада відкрила рух новим мостом через Дніпро.", "response_format": "wav"])
        XCTAssertEqual(ukrainian.status, 200, String(ukrainian.text.prefix(300)))
        let russian = try await server.post("/v1/audio/speech", json: ["input": "Это решение связано с ремонтом дорог, который продлится ещё две недели."])
        XCTAssertEqual(russian.status, 422)
        XCTAssertTrue((russian.json["error"] as? String)?.contains("Russian (ru)") == true, russian.text)
    }
}

/// A webhook receiver on a loopback port: records what arrives, refusing the first N attempts.
final class WebhookReceiver: Sendable {
    struct Event: Sendable { var signature: String?; var delivery: String?; var body: Data }
    private let received = Mutex<[Event]>([])
    private let refused = Mutex(0)
    private let attemptCount = Mutex(0)
    let port: Int
    private let task: Task<Void, Error>

    var attempts: Int { attemptCount.withLock { $0 } }

    static func start(failFirst: Int) async throws -> WebhookReceiver {
        let box = Mutex<WebhookReceiver?>(nil)
        let router = Router()
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            guard let receiver = box.withLock({ $0 }) else { return .serviceUnavailable }
            func header(_ name: String) -> String? { request.headers.first { $0.name.canonicalName == name }?.value }
            return receiver.accept(Event(signature: header("x-edition-signature"), delivery: header("x-edition-delivery"),
                                         body: Data(buffer: body)), failFirst: failFirst)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0); continuation.finish() })
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await p in ports { port = p }
        let receiver = WebhookReceiver(port: port, task: task)
        box.withLock { $0 = receiver }
        return receiver
    }

    private init(port: Int, task: Task<Void, Error>) {
        self.port = port
        self.task = task
    }

    private func accept(_ event: Event, failFirst: Int) -> HTTPResponse.Status {
        attemptCount.withLock { $0 += 1 }
        let refuse = refused.withLock { n -> Bool in
            guard n < failFirst else { return false }
            n += 1
            return true
        }
        if refuse { return .internalServerError }
        received.withLock { $0.append(event) }
        return .ok
    }

    func events(count: Int, timeout: TimeInterval) async throws -> [Event] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let events = received.withLock { $0 }
            if events.count >= count { return events }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("\(received.withLock { $0.count }) of \(count) webhook events arrived")
    }

    func stop() { task.cancel() }
}
