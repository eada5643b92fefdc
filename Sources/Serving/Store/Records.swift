import Foundation
import GRDB

/// One article's audio, known by the CMS's `source_id`. Its id, guid and file names never
/// change when the article is corrected and narrated again.
struct EpisodeRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "episode"
    var id: String
    /// The CMS's id as UTF-8 bytes: stored whole, NUL included (SQLite text would cut it there).
    var sourceKey: Data
    var guid: String
    var title: String?
    var duration: Double?
    var metadata: Data?
    var files: String?
    var createdAt: Double
    var readyAt: Double?

    var sourceId: String { String(decoding: sourceKey, as: UTF8.self) }

    var fileNames: [String] {
        files.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
    }
}

/// A narration to run: the article as posted (its request JSON), its state and lease.
struct JobRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "job"
    enum State: String, Codable, Sendable, CaseIterable {
        case queued, running, done, failed
    }
    var seq: Int64?
    var id: String
    var episodeId: String
    var state: State
    var progress: Double
    var error: String?
    /// A digest of everything that changes the audio: the same key for the same episode means
    /// there is nothing to do.
    var contentKey: String
    var request: Data
    var attempts: Int
    var leaseUntil: Double?
    var createdAt: Double
    var finishedAt: Double?

    mutating func didInsert(_ inserted: InsertionSuccess) { seq = inserted.rowID }
}

struct TokenRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "token"
    var name: String
    var digest: String
    var createdAt: Double
}

struct WebhookRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "webhook"
    var id: String
    var url: String
    var secret: String
    var createdAt: Double
}
