import EditionCore
import Foundation

/// The JSON the API answers with, built from the records in one place so responses and
/// webhook events say the same thing.
enum Views {
    static func job(_ job: JobRecord, sourceId: String? = nil) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(job.id),
            "status": .string(job.state.rawValue),
            "progress": .number((job.progress * 1000).rounded() / 1000),
            "episode_id": .string(job.episodeId),
            "error": .optional(job.error),
            "created": .string(iso(job.createdAt)),
            "finished": .optional(job.finishedAt.map(iso)),
            "attempts": .number(Double(job.attempts)),
        ]
        if let sourceId { object["source_id"] = .string(sourceId) }
        return .object(object)
    }

    /// `files` maps a kind to its URL under `/media/`; only files that exist are listed.
    static func episode(_ episode: EpisodeRecord, publicURL: String) -> JSONValue {
        let metadata = episode.metadata.flatMap { try? JSONDecoder().decode(Episode.self, from: $0) }
        var files: [String: JSONValue] = [:]
        for name in episode.fileNames {
            guard let kind = MediaFile(name: name, episodeId: episode.id)?.kind else { continue }
            files[kind.apiName] = .string(publicURL + "/media/" + name)
        }
        let chapters: [JSONValue] = metadata?.chapters.map { .object(["title": .string($0.title), "start": .number($0.startTime)]) } ?? []
        return .object([
            "id": .string(episode.id),
            "source_id": .string(episode.sourceId),
            "guid": .string(episode.guid),
            "title": .optional(episode.title),
            "status": .string(episode.readyAt == nil ? "pending" : "ready"),
            "duration": episode.duration.map(JSONValue.number) ?? .null,
            "chapters": .array(chapters),
            "files": .object(files),
            "authors": .array((metadata?.authors ?? []).map(JSONValue.string)),
            "published": .optional(metadata?.publishedISO),
            "url": .optional(metadata?.url),
            "warnings": .array((metadata?.warnings ?? []).map(JSONValue.string)),
            "created": .string(iso(episode.createdAt)),
            "ready": .optional(episode.readyAt.map(iso)),
        ])
    }

    /// A value-type format style: no formatter object made per request (they cost more than the rest of a GET).
    static func iso(_ seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds.rounded(.down)).formatted(.iso8601)
    }
}
