import Foundation

/// The named chapter markers of a WAV, RIFF or RF64: `cue ` positions named by `LIST/adtl/labl`,
/// and the title in `LIST/INFO/INAM`. Read by walking the chunks ourselves: libsndfile reports
/// no cues for an RF64 file, whose `data` size is in the `ds64` chunk (and reads 0xFFFFFFFF).
public enum WAVMarkers {
    public struct Contents: Sendable, Equatable {
        public var sampleRate: Int
        public var title: String?
        /// Positions in samples, in the order of the `cue ` chunk, each with its `labl` name.
        public var markers: [(position: Int, name: String)]

        public static func == (a: Contents, b: Contents) -> Bool {
            a.sampleRate == b.sampleRate && a.title == b.title
                && a.markers.map(\.position) == b.markers.map(\.position) && a.markers.map(\.name) == b.markers.map(\.name)
        }
    }

    public static func read(_ url: URL) throws -> Contents {
        try read(FileInput(url), size: (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? UInt64) ?? nil)
    }

    static func read(_ input: FileInput, size fileSize: UInt64?) throws -> Contents {
        try input.seek(to: 0)
        let header = try input.read(exactly: 12, "the RIFF header")
        let form = String(decoding: header[0..<4], as: UTF8.self)
        guard form == "RIFF" || form == "RF64", String(decoding: header[8..<12], as: UTF8.self) == "WAVE" else {
            throw TaggingError.unsupportedFile(path: input.path, reason: "it is not a RIFF or RF64 WAVE file")
        }
        var sampleRate: Int?
        var dataSize64: UInt64?
        var cues: [(id: UInt32, position: Int)] = []
        var labels: [UInt32: String] = [:]
        var title: String?
        var seen = 0
        // Chunks small enough to hold markers are read whole; anything else (the audio) is skipped.
        while seen < 100_000, let head = try input.read(upTo: 8), head.count == 8 {
            seen += 1
            let id = String(decoding: head[0..<4], as: UTF8.self)
            var size = UInt64(UInt32.littleEndian(head, at: 4))
            if id == "data", size == 0xFFFF_FFFF, let dataSize64 { size = dataSize64 }
            let start = input.offset
            if let fileSize, start + size > fileSize {
                if id == "data" { break }  // a file cut short in its audio: the markers come before or are lost
                throw TaggingError.corruptFile(path: input.path, reason: "its \(id.debugDescription) chunk runs past the end of the file")
            }
            if id != "data", size <= 16 << 20 {
                let body = try input.read(exactly: Int(size), "the \(id.debugDescription) chunk")
                switch id {
                case "ds64" where body.count >= 16:
                    dataSize64 = UInt64(UInt32.littleEndian(body, at: 8)) | UInt64(UInt32.littleEndian(body, at: 12)) << 32
                case "fmt " where body.count >= 8:
                    sampleRate = Int(UInt32.littleEndian(body, at: 4))
                case "cue " where body.count >= 4:
                    let count = min(Int(UInt32.littleEndian(body, at: 0)), (body.count - 4) / 24)
                    cues = (0..<count).map { n in (UInt32.littleEndian(body, at: 4 + n * 24), Int(UInt32.littleEndian(body, at: 4 + n * 24 + 20))) }
                case "LIST" where body.count >= 4:
                    list(body, labels: &labels, title: &title)
                default:
                    break
                }
            }
            try input.seek(to: start + size + (size & 1))
        }
        guard let sampleRate, sampleRate > 0 else {
            throw TaggingError.corruptFile(path: input.path, reason: "it has no usable fmt chunk")
        }
        return Contents(sampleRate: sampleRate, title: title, markers: cues.map { ($0.position, labels[$0.id] ?? "") })
    }

    /// `adtl` (labl: cue id + text) and `INFO` (INAM: the title) lists.
    private static func list(_ body: [UInt8], labels: inout [UInt32: String], title: inout String?) {
        let kind = String(decoding: body[0..<4], as: UTF8.self)
        var i = 4
        while i + 8 <= body.count {
            let id = String(decoding: body[i..<(i + 4)], as: UTF8.self)
            let size = Int(UInt32.littleEndian(body, at: i + 4))
            guard i + 8 + size <= body.count else { break }
            let text = { (from: Int) in String(decoding: body[from..<(i + 8 + size)].prefix { $0 != 0 }, as: UTF8.self) }
            if kind == "adtl", id == "labl", size >= 4 { labels[UInt32.littleEndian(body, at: i + 8)] = text(i + 12) }
            if kind == "INFO", id == "INAM" { title = text(i + 8) }
            i += 8 + size + (size & 1)
        }
    }
}
