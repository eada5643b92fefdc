import EditionCore
import Foundation

/// Podcasting 2.0 JSON chapters (`version` 1.2.0): `{"version":"1.2.0","chapters":[{"startTime":0,"title":"…"}]}`,
/// with the titles' `language` beside them (a key the spec does not define; readers skip unknown keys).
public enum ChaptersJSON {
    public struct Document: Codable, Sendable {
        public struct Entry: Codable, Sendable {
            public var startTime: Double
            public var title: String
        }
        public var version: String
        public var language: String?
        public var chapters: [Entry]
    }

    public static func data(for timeline: Timeline, language: String? = nil) throws -> Data {
        let entries = timeline.chapters.map {
            Document.Entry(startTime: Seconds.rounded(timeline.seconds($0.start)), title: $0.title)
        }
        return try JSONOutput.encode(Document(version: "1.2.0", language: language, chapters: entries))
    }
}

/// One JSON style for every sidecar: sorted keys and stable formatting, so rebuilds diff cleanly.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
