import Foundation
import GRDB

/// The job queue's operations, each one short write. Synthesis never runs inside a
/// transaction: a job is claimed, narrated outside, then completed.
extension ServiceStore {
    enum Submission {
        /// The same content is already done (200) or on its way (202): nothing new was queued.
        case existing(JobRecord, done: Bool)
        case queued(JobRecord)
    }

    /// Queues a narration of `request` for its `source_id`'s episode, unless the same content
    /// is already done or queued. One write transaction, so two saves racing for one
    /// `source_id` make one episode.
    func submit(_ request: ArticleRequest, now: Date = Date()) throws -> Submission {
        let key = request.contentKey
        let body = try JSONEncoder().encode(request)
        return try pool.write { db in
            let episode: EpisodeRecord
            if let existing = try EpisodeRecord.filter(Column("sourceKey") == Data(request.sourceId.utf8)).fetchOne(db) {
                episode = existing
                let latest = try JobRecord.filter(Column("episodeId") == episode.id).order(Column("seq").desc).fetchOne(db)
                if let latest, latest.contentKey == key, latest.state != .failed {
                    return .existing(latest, done: latest.state == .done)
                }
                // Older queued jobs of this episode are superseded by the new content.
                try JobRecord.filter(Column("episodeId") == episode.id && Column("state") == JobRecord.State.queued.rawValue).deleteAll(db)
            } else {
                episode = EpisodeRecord(id: Identifier.make("ep"), sourceKey: Data(request.sourceId.utf8), guid: "urn:uuid:" + UUID().uuidString.lowercased(),
                                        title: request.title, createdAt: now.timeIntervalSince1970)
                try episode.insert(db)
            }
            var job = JobRecord(id: Identifier.make("job"), episodeId: episode.id, state: .queued, progress: 0, contentKey: key,
                                request: body, attempts: 0, createdAt: now.timeIntervalSince1970)
            try job.insert(db)
            return .queued(job)
        }
    }

    /// Takes the oldest queued job and leases it until `now + lease`.
    func claim(lease: TimeInterval, now: Date = Date()) throws -> JobRecord? {
        try pool.write { db in
            try JobRecord.fetchOne(db, sql: """
                UPDATE job SET state = 'running', leaseUntil = ?, attempts = attempts + 1
                WHERE seq = (SELECT seq FROM job WHERE state = 'queued' ORDER BY seq LIMIT 1)
                RETURNING *
                """, arguments: [now.timeIntervalSince1970 + lease])
        }
    }

    func renew(_ jobId: String, lease: TimeInterval, progress: Double? = nil, now: Date = Date()) throws {
        try pool.write { db in
            if let progress {
                try db.execute(sql: "UPDATE job SET leaseUntil = ?, progress = ? WHERE id = ? AND state = 'running'",
                               arguments: [now.timeIntervalSince1970 + lease, progress, jobId])
            } else {
                try db.execute(sql: "UPDATE job SET leaseUntil = ? WHERE id = ? AND state = 'running'",
                               arguments: [now.timeIntervalSince1970 + lease, jobId])
            }
        }
    }

    /// Running jobs whose lease has run out (their server died) go back to the queue;
    /// `all` re-queues every running job (at start, holding the data folder's lock, every
    /// running job belongs to a process that is gone).
    @discardableResult
    func requeueExpired(all: Bool = false, now: Date = Date()) throws -> Int {
        try pool.write { db in
            try db.execute(sql: "UPDATE job SET state = 'queued', leaseUntil = NULL WHERE state = 'running' AND (? OR leaseUntil < ?)",
                           arguments: [all, now.timeIntervalSince1970])
            return db.changesCount
        }
    }

    func requeue(_ jobId: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE job SET state = 'queued', leaseUntil = NULL, attempts = max(attempts - 1, 0) WHERE id = ? AND state = 'running'",
                           arguments: [jobId])
        }
    }

    /// Records a finished narration on its episode; false when the episode was deleted meanwhile.
    func complete(_ job: JobRecord, title: String, duration: Double, metadata: Data, files: [String], now: Date = Date()) throws -> Bool {
        let filesJSON = String(decoding: try JSONEncoder().encode(files), as: UTF8.self)
        return try pool.write { db in
            guard var episode = try EpisodeRecord.fetchOne(db, key: job.episodeId) else { return false }
            episode.title = title
            episode.duration = duration
            episode.metadata = metadata
            episode.files = filesJSON
            episode.readyAt = now.timeIntervalSince1970
            try episode.update(db)
            try db.execute(sql: "UPDATE job SET state = 'done', progress = 1, error = NULL, leaseUntil = NULL, finishedAt = ? WHERE id = ?",
                           arguments: [now.timeIntervalSince1970, job.id])
            return true
        }
    }

    func fail(_ jobId: String, error: String, now: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE job SET state = 'failed', error = ?, leaseUntil = NULL, finishedAt = ? WHERE id = ?",
                           arguments: [error, now.timeIntervalSince1970, jobId])
        }
    }

    /// Forgets finished jobs older than `retention` (the episodes stay).
    @discardableResult
    func expireJobs(olderThan retention: TimeInterval, now: Date = Date()) throws -> Int {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM job WHERE state IN ('done', 'failed') AND finishedAt < ?",
                           arguments: [now.timeIntervalSince1970 - retention])
            return db.changesCount
        }
    }

    func job(_ id: String) throws -> JobRecord? {
        try pool.read { db in try JobRecord.filter(Column("id") == id).fetchOne(db) }
    }

    func episode(_ id: String) throws -> EpisodeRecord? {
        try pool.read { db in try EpisodeRecord.fetchOne(db, key: id) }
    }

    func episodes() throws -> [EpisodeRecord] {
        try pool.read { db in try EpisodeRecord.order(Column("createdAt").desc).fetchAll(db) }
    }

    /// Deletes the episode and its jobs; returns its files, for the caller to remove.
    func deleteEpisode(_ id: String) throws -> [String]? {
        try pool.write { db in
            guard let episode = try EpisodeRecord.fetchOne(db, key: id) else { return nil }
            try JobRecord.filter(Column("episodeId") == id).deleteAll(db)
            try episode.delete(db)
            return episode.fileNames
        }
    }

    func jobCounts() throws -> [JobRecord.State: Int] {
        try pool.read { db in
            var counts: [JobRecord.State: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM job GROUP BY state") {
                if let state = JobRecord.State(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }
}
