import EditionCore
import Foundation

/// Word-timed and sentence-timed transcripts, all from the programme's one `Timeline`:
/// WebVTT with a cue per spoken word, SRT with a cue per sentence, and the Podcasting 2.0
/// JSON transcript with a segment per word.
public enum Transcripts {
    /// WebVTT (W3C): "WEBVTT", then cues "hh:mm:ss.ttt --> hh:mm:ss.ttt" with escaped text. The
    /// language goes in a "Language:" header line, as YouTube and HLS captions write it; parsers
    /// skip the lines between "WEBVTT" and the first blank line.
    public static func writeWebVTT(_ timeline: Timeline, language: String? = nil, to url: URL) throws {
        try TextFile.write(url) { out in
            out(language.map { "WEBVTT\nLanguage: \(oneLine($0))\n\n" } ?? "WEBVTT\n\n")
            try forEachCue(.words, timeline) { i, cue in
                out("\(i + 1)\n\(Timecode.string(cue.start)) --> \(Timecode.string(cue.end))\n\(escapeVTT(cue.text))\n\n")
            }
        }
    }

    /// SubRip: numbered sentence cues, "hh:mm:ss,ttt --> hh:mm:ss,ttt".
    public static func writeSRT(_ timeline: Timeline, to url: URL) throws {
        try TextFile.write(url) { out in
            try forEachCue(.sentences, timeline) { i, cue in
                out("\(i + 1)\n\(Timecode.string(cue.start, separator: ",")) --> \(Timecode.string(cue.end, separator: ","))\n\(oneLine(cue.text))\n\n")
            }
        }
    }

    /// Podcasting 2.0 JSON transcript: `{"version":"1.0.0","segments":[{startTime,endTime,body}]}`,
    /// written segment by segment: a long programme has hundreds of thousands of them. The
    /// `language` key beside them is ours (the spec has none; readers skip unknown keys).
    public static func writeJSON(_ timeline: Timeline, language: String? = nil, to url: URL) throws {
        try TextFile.write(url) { out in
            out("{\n  \"version\" : \"1.0.0\",\n")
            if let language { out("  \"language\" : \(jsonString(oneLine(language))),\n") }
            out("  \"segments\" : [")
            try forEachCue(.words, timeline) { i, cue in
                out(i == 0 ? "\n" : ",\n")
                out("    {\"startTime\": \(Seconds.string(cue.start)), \"endTime\": \(Seconds.string(cue.end)), \"body\": \(jsonString(oneLine(cue.text)))}")
            }
            out("\n  ]\n}\n")
        }
    }

    public struct Segment: Codable, Sendable, Equatable {
        public var startTime: Double
        public var endTime: Double
        public var body: String
        public init(startTime: Double, endTime: Double, body: String) {
            self.startTime = startTime
            self.endTime = endTime
            self.body = body
        }
    }

    public struct Document: Codable, Sendable {
        public var version: String
        public var segments: [Segment]
        public init(version: String, segments: [Segment]) {
            self.version = version
            self.segments = segments
        }
    }

    struct Cue { var text: String; var start: Double; var end: Double }

    enum Items { case words, sentences }

    /// Times in seconds to the millisecond, each cue at least 1 ms long, none overlapping the next.
    static func forEachCue(_ items: Items, _ timeline: Timeline, _ body: (Int, Cue) -> Void) throws {
        var previousEnd: Double?
        var index = 0
        func cue(_ item: TimedText) {
            guard item.isSpoken else { return }
            var start = Seconds.rounded(timeline.seconds(item.start))
            if let previousEnd { start = max(start, previousEnd) }
            let end = Seconds.rounded(max(Seconds.rounded(timeline.seconds(item.end)), start + 0.001))
            body(index, Cue(text: item.text, start: start, end: end))
            previousEnd = end
            index += 1
        }
        switch items {
        case .words: try timeline.forEachWord(cue)
        case .sentences: try timeline.forEachSentence(cue)
        }
    }

    static func jsonString(_ text: String) -> String {
        if Self.isPlain(text, also: [UInt8(ascii: "\""), UInt8(ascii: "\\")]) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// "HH:MM:SS.mmm" (WebVTT) or "HH:MM:SS,mmm" (SRT).
    /// Cue text may hold neither "-->" nor a blank line, and &, < and > are escaped.
    static func escapeVTT(_ text: String) -> String {
        if isPlain(text, also: [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">")]) { return text }
        return oneLine(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func oneLine(_ text: String) -> String {
        if isPlain(text) { return text }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "-->", with: "→")
    }
}

extension Transcripts {
    /// True when `text` is printable ASCII with none of `also` and no "-": nothing the escapes
    /// above would change, so the common word skips them (Foundation's replacingOccurrences costs
    /// microseconds a call on Linux, and a long programme has hundreds of thousands of words).
    static func isPlain(_ text: String, also: [UInt8] = []) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "-") && !also.contains($0) }
    }
}

/// A text file written through a 64 KiB buffer, so a large sidecar never sits whole in memory.
enum TextFile {
    static func write(_ url: URL, _ body: (_ out: (String) -> Void) throws -> Void) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = Data()
        buffer.reserveCapacity(1 << 16)
        var failure: Error?
        try body { text in
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16, failure == nil {
                do { try handle.write(contentsOf: buffer) } catch { failure = error }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if let failure { throw failure }
        try handle.write(contentsOf: buffer)
    }
}
