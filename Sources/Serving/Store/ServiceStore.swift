import EditionCore
import Foundation
import GRDB

/// The service's database: tokens, episodes, jobs and webhooks in one SQLite file in the data
/// folder (`edition.sqlite`), opened as a WAL `DatabasePool` so requests read while a job
/// writes its progress. The CLI's `edition token` opens the same file while a server may be
/// running, hence the busy timeout.
public final class ServiceStore: Sendable {
    public let pool: DatabasePool
    public let dataDirectory: URL

    public init(dataDirectory: URL) throws {
        self.dataDirectory = dataDirectory
        do {
            try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw ServiceError.dataDirectory(dataDirectory.path, error.localizedDescription)
        }
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // WAL with NORMAL: no fsync per commit (progress is written several times a second);
            // a crashed process loses nothing, a power cut at most the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: dataDirectory.appendingPathComponent("edition.sqlite").path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw ServiceError.database(dataDirectory.path, error.message ?? "\(error)")
        }
    }

    /// Where episodes' files live: `<episode id>.<ext>` and its sidecars, flat, so the feed
    /// writer reads the folder as it reads any output folder.
    public var mediaDirectory: URL { dataDirectory.appendingPathComponent("media") }
    public var cacheDirectory: URL { dataDirectory.appendingPathComponent("cache") }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "token") { t in
                t.primaryKey("name", .text)
                t.column("digest", .text).notNull().unique()
                t.column("createdAt", .double).notNull()
            }
            try db.create(table: "episode") { t in
                t.primaryKey("id", .text)
                t.column("sourceKey", .blob).notNull().unique()
                t.column("guid", .text).notNull()
                t.column("title", .text)
                t.column("duration", .double)
                t.column("metadata", .blob)       // the episode JSON of its last narration
                t.column("files", .text)          // JSON array of file names in media/
                t.column("createdAt", .double).notNull()
                t.column("readyAt", .double)
            }
            try db.create(table: "job") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("id", .text).notNull().unique()
                t.column("episodeId", .text).notNull().indexed()
                    .references("episode", onDelete: .cascade)
                t.column("state", .text).notNull()
                t.column("progress", .double).notNull().defaults(to: 0)
                t.column("error", .text)
                t.column("contentKey", .text).notNull()
                t.column("request", .blob).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("leaseUntil", .double)
                t.column("createdAt", .double).notNull()
                t.column("finishedAt", .double)
            }
            try db.create(index: "job_state", on: "job", columns: ["state", "seq"])
            try db.create(table: "webhook") { t in
                t.primaryKey("id", .text)
                t.column("url", .text).notNull()
                t.column("secret", .text).notNull()
                t.column("createdAt", .double).notNull()
            }
        }
        return migrator
    }
}

/// Opaque identifiers: random, lowercase hex, never derived from what a client sent.
enum Identifier {
    static func make(_ prefix: String) -> String {
        var bytes = [UInt8](repeating: 0, count: 10)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
        return prefix + "-" + Hex.string(bytes)
    }

    /// Whether a path segment can be an id at all (checked before it reaches a query or a path).
    static func isWellFormed(_ text: Substring, prefix: String) -> Bool {
        text.count == prefix.count + 21 && text.hasPrefix(prefix + "-")
            && text.dropFirst(prefix.count + 1).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
