import Foundation

/// What happened to one item of a build; one entry of `build-report.json`.
public struct ItemReport: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case built, upToDate = "up-to-date", failed }
    public var name: String
    public var status: Status
    public var slug: String?
    public var error: String?
    public var warnings: [String]
    /// Seconds of audio produced, and wall-clock seconds spent.
    public var audioSeconds: Double
    public var elapsedSeconds: Double
    public var removedLines: Int
    public var chunks: Int
    public var cacheHits: Int
    public var files: [String]
    /// Chapters and integrated loudness (LUFS; nil when not mastered) of what was built.
    public var chapters: Int?
    public var loudness: Double?

    public init(name: String, status: Status, slug: String? = nil, error: String? = nil, warnings: [String] = [],
                audioSeconds: Double = 0, elapsedSeconds: Double = 0, removedLines: Int = 0, chunks: Int = 0,
                cacheHits: Int = 0, files: [String] = []) {
        self.name = name
        self.status = status
        self.slug = slug
        self.error = error
        self.warnings = warnings
        self.audioSeconds = audioSeconds
        self.elapsedSeconds = elapsedSeconds
        self.removedLines = removedLines
        self.chunks = chunks
        self.cacheHits = cacheHits
        self.files = files
    }
}

extension ItemReport {
    /// A built item's report, from what its production wrote.
    init(_ narration: Narration, name: String, removedLines: Int) {
        self.init(name: name, status: .built, slug: narration.episode.slug, warnings: narration.episode.warnings,
                  audioSeconds: narration.timeline.duration, removedLines: removedLines, chunks: narration.chunks,
                  cacheHits: narration.cacheHits, files: narration.files.map(\.lastPathComponent))
        chapters = narration.episode.chapters.count
        loudness = narration.episode.loudness
    }
}

/// `build-report.json`: every item, and the totals.
public struct BuildReport: Codable, Sendable {
    public var items: [ItemReport]
    public var built: Int { items.filter { $0.status == .built }.count }
    public var upToDate: Int { items.filter { $0.status == .upToDate }.count }
    public var failed: Int { items.filter { $0.status == .failed }.count }
    public var audioSeconds: Double
    public var elapsedSeconds: Double
    public var cacheEntries: Int
    public var cacheBytes: Int

    enum CodingKeys: String, CodingKey { case items, built, upToDate, failed, audioSeconds, elapsedSeconds, cacheEntries, cacheBytes }

    public init(items: [ItemReport], audioSeconds: Double, elapsedSeconds: Double, cacheEntries: Int, cacheBytes: Int) {
        self.items = items
        self.audioSeconds = audioSeconds
        self.elapsedSeconds = elapsedSeconds
        self.cacheEntries = cacheEntries
        self.cacheBytes = cacheBytes
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(built, forKey: .built)
        try c.encode(upToDate, forKey: .upToDate)
        try c.encode(failed, forKey: .failed)
        try c.encode(audioSeconds, forKey: .audioSeconds)
        try c.encode(elapsedSeconds, forKey: .elapsedSeconds)
        try c.encode(cacheEntries, forKey: .cacheEntries)
        try c.encode(cacheBytes, forKey: .cacheBytes)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        items = try c.decode([ItemReport].self, forKey: .items)
        audioSeconds = try c.decode(Double.self, forKey: .audioSeconds)
        elapsedSeconds = try c.decode(Double.self, forKey: .elapsedSeconds)
        cacheEntries = try c.decode(Int.self, forKey: .cacheEntries)
        cacheBytes = try c.decode(Int.self, forKey: .cacheBytes)
    }
}

/// What a running build tells its display.
public enum BuildEvent: Sendable {
    case started(items: Int, weight: Int)
    case itemStarted(index: Int, name: String)
    case progress(index: Int, NarrationProgress)
    case itemFinished(index: Int, ItemReport, weight: Int)
    case finished(BuildReport)
}
