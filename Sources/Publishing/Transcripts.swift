import EditionCore
import Foundation

/// Word-timed and sentence-timed transcripts, all from the programme's one `Timeline`:
/// WebVTT with a cue per spoken word, SRT with a cue per sentence, and the Podcasting 2.0
/// JSON transcript with a segment per word.
public enum Transcripts {
    /// WebVTT (W3C): "WEBVTT", then cues "hh:mm:ss.ttt --> hh:mm:ss.ttt" with escaped text.
    public static func webVTT(_ timeline: Timeline) -> String {
        var out = "WEBVTT\n\n"
        for (i, cue) in cues(timeline.words, timeline).enumerated() {
            out += "\(i + 1)\n\(stamp(cue.start, ".")) --> \(stamp(cue.end, "."))\n\(escapeVTT(cue.text))\n\n"
        }
        return out
    }

    /// SubRip: numbered sentence cues, "hh:mm:ss,ttt --> hh:mm:ss,ttt".
    public static func srt(_ timeline: Timeline) -> String {
        var out = ""
        for (i, cue) in cues(timeline.sentences, timeline).enumerated() {
            out += "\(i + 1)\n\(stamp(cue.start, ",")) --> \(stamp(cue.end, ","))\n\(oneLine(cue.text))\n\n"
        }
        return out
    }

    /// Podcasting 2.0 JSON transcript: `{"version":"1.0.0","segments":[{startTime,endTime,body}]}`.
    public static func json(_ timeline: Timeline) throws -> Data {
        let segments = cues(timeline.words, timeline).map {
            Segment(startTime: $0.start, endTime: $0.end, body: oneLine($0.text))
        }
        return try JSONOutput.encode(Document(version: "1.0.0", segments: segments))
    }

    public struct Segment: Codable, Sendable { public var startTime: Double; public var endTime: Double; public var body: String }
    public struct Document: Codable, Sendable { public var version: String; public var segments: [Segment] }

    struct Cue { var text: String; var start: Double; var end: Double }

    /// Times in seconds to the millisecond, each cue at least 1 ms long, none overlapping the next.
    static func cues(_ items: [TimedText], _ timeline: Timeline) -> [Cue] {
        var result: [Cue] = []
        for item in items where !item.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            var start = Seconds.rounded(timeline.seconds(item.start))
            if let last = result.last { start = max(start, last.end) }
            let end = max(Seconds.rounded(timeline.seconds(item.end)), start + 0.001)
            result.append(Cue(text: item.text, start: start, end: Seconds.rounded(end)))
        }
        return result
    }

    static func stamp(_ seconds: Double, _ separator: String) -> String {
        let ms = Int((seconds * 1000).rounded())
        return String(format: "%02d:%02d:%02d%@%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000)
    }

    /// Cue text may hold neither "-->" nor a blank line, and &, < and > are escaped.
    static func escapeVTT(_ text: String) -> String {
        oneLine(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "-->", with: "→")
    }
}
