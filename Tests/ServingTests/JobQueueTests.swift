import Building
import EditionCore
import EditionTestSupport
import Foundation
@testable import Serving
import XCTest

/// The job store without a server: idempotence by source id and content, leases, expiry, and
/// the chunk cache's cap.
final class JobQueueTests: XCTestCase {
    var data: URL!
    var store: ServiceStore!

    override func setUpWithError() throws {
        data = try TestEnvironment.scratchDirectory("queue")
        store = try ServiceStore(dataDirectory: data)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: data) }

    func request(_ sourceId: String, _ body: String = "Some words.") -> ArticleRequest {
        ArticleRequest(sourceId: sourceId, body: body)
    }

    func testSubmissionsAreIdempotentBySourceIdAndContent() throws {
        guard case .queued(let first) = try store.submit(request("a")) else { return XCTFail("a new article is queued") }
        guard case .existing(let same, done: false) = try store.submit(request("a")) else { return XCTFail("the same content, still queued") }
        XCTAssertEqual(same.id, first.id)
        guard case .queued(let changed) = try store.submit(request("a", "Other words.")) else { return XCTFail("changed content is queued") }
        XCTAssertEqual(changed.episodeId, first.episodeId, "the same episode")
        XCTAssertNil(try store.job(first.id), "a queued job superseded by newer content is dropped")
        guard case .queued(let other) = try store.submit(request("b")) else { return XCTFail() }
        XCTAssertNotEqual(other.episodeId, first.episodeId)
    }

    func testLeasesExpireAndJobsAreRequeued() throws {
        _ = try store.submit(request("a"))
        let now = Date()
        let claimed = try XCTUnwrap(try store.claim(lease: 10, now: now))
        XCTAssertEqual(claimed.state, .running)
        XCTAssertEqual(claimed.attempts, 1)
        XCTAssertNil(try store.claim(lease: 10, now: now), "one job, claimed once")
        XCTAssertEqual(try store.requeueExpired(now: now.addingTimeInterval(5)), 0, "the lease still holds")
        XCTAssertEqual(try store.requeueExpired(now: now.addingTimeInterval(11)), 1)
        let again = try XCTUnwrap(try store.claim(lease: 10, now: now.addingTimeInterval(12)))
        XCTAssertEqual(again.id, claimed.id)
        XCTAssertEqual(again.attempts, 2)
    }

    func testFinishedJobsExpireAfterTheRetentionTime() throws {
        _ = try store.submit(request("a"))
        let job = try XCTUnwrap(try store.claim(lease: 10))
        try store.fail(job.id, error: "x", now: Date(timeIntervalSinceNow: -3600))
        XCTAssertEqual(try store.expireJobs(olderThan: 7200), 0)
        XCTAssertEqual(try store.expireJobs(olderThan: 1800), 1)
        XCTAssertNil(try store.job(job.id))
        XCTAssertNotNil(try store.episode(job.episodeId), "the episode stays")
    }

    func testTheCacheIsKeptUnderItsCapLeastRecentlyUsedFirst() throws {
        let cache = try ChunkCache(directory: data.appendingPathComponent("cache"))
        let take = Take(sampleRate: 22050, samples: [Int16](repeating: 1, count: 10_000), words: [])
        for i in 0..<10 { cache.store(take, key: String(format: "%064x", i)) }
        let full = cache.size()
        XCTAssertEqual(full.entries, 10)
        let keeper = CacheKeeper(cache: cache, maxBytes: full.bytes / 2, interval: 0)
        keeper.check(force: true)
        let deadline = Date().addingTimeInterval(10)
        while cache.size().bytes > full.bytes / 2, Date() < deadline { usleep(20_000) }
        XCTAssertLessThanOrEqual(cache.size().bytes, full.bytes / 2)
        XCTAssertGreaterThan(cache.size().entries, 0)
    }
}
