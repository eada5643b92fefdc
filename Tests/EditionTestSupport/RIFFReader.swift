import Foundation

/// An independent RIFF/WAVE parser for tests: it shares no code with the writer, so a test
/// that reads markers through it checks the bytes on disk, not our own assumptions.
public struct RIFFReader {
    public struct Chunk {
        public var id: String
        public var offset: Int   // of the chunk's data
        public var data: Data
    }

    public struct CuePoint: Equatable {
        public var id: UInt32
        public var sampleOffset: UInt32
    }

    public let bytes: Data
    public let form: String        // "RIFF" or "RF64"
    public let riffSize: UInt32
    public let chunks: [Chunk]

    public init(url: URL) throws {
        try self.init(data: Data(contentsOf: url))
    }

    public init(data: Data) throws {
        bytes = data
        guard data.count >= 12, let wave = String(data: data[8..<12], encoding: .ascii), wave == "WAVE" else {
            throw RIFFError.notWave
        }
        form = String(data: data[0..<4], encoding: .ascii) ?? "?"
        riffSize = Self.u32(data, 4)
        var chunks: [Chunk] = []
        var i = 12
        var dataSize64: Int?  // RF64: the data chunk's real size, from ds64 (its own field reads 0xFFFFFFFF)
        while i + 8 <= data.count {
            let id = String(data: data[i..<(i + 4)], encoding: .ascii) ?? "????"
            var size = Int(Self.u32(data, i + 4))
            if id == "ds64", size >= 16 { dataSize64 = Int(Self.u32(data, i + 16)) | Int(Self.u32(data, i + 20)) << 32 }
            if id == "data", size == 0xFFFF_FFFF, let dataSize64 { size = dataSize64 }
            let end = min(data.count, i + 8 + size)
            chunks.append(Chunk(id: id, offset: i + 8, data: data.subdata(in: (i + 8)..<end)))
            i = i + 8 + size + (size & 1)
        }
        self.chunks = chunks
    }

    public func chunk(_ id: String) -> Chunk? { chunks.first { $0.id == id } }

    /// fmt: (format tag, channels, sample rate, bits per sample).
    public var format: (tag: UInt16, channels: UInt16, sampleRate: UInt32, bits: UInt16)? {
        guard let fmt = chunk("fmt ")?.data, fmt.count >= 16 else { return nil }
        return (Self.u16(fmt, 0), Self.u16(fmt, 2), Self.u32(fmt, 4), Self.u16(fmt, 14))
    }

    public var cuePoints: [CuePoint] {
        guard let cue = chunk("cue ")?.data, cue.count >= 4 else { return [] }
        let count = Int(Self.u32(cue, 0))
        return (0..<count).compactMap { n in
            let base = 4 + n * 24
            guard base + 24 <= cue.count else { return nil }
            return CuePoint(id: Self.u32(cue, base), sampleOffset: Self.u32(cue, base + 20))
        }
    }

    /// `labl` texts by cue id, from every LIST/adtl chunk.
    public var labels: [UInt32: String] {
        var result: [UInt32: String] = [:]
        for list in chunks where list.id == "LIST" && list.data.prefix(4) == Data("adtl".utf8) {
            var i = 4
            let d = list.data
            while i + 8 <= d.count {
                let id = String(data: d[d.startIndex + i ..< d.startIndex + i + 4], encoding: .ascii)
                let size = Int(Self.u32(d, i + 4))
                if id == "labl", size >= 4, i + 8 + size <= d.count {
                    let cueID = Self.u32(d, i + 8)
                    let text = d.subdata(in: (d.startIndex + i + 12)..<(d.startIndex + i + 8 + size))
                    result[cueID] = String(decoding: text.prefix { $0 != 0 }, as: UTF8.self)
                }
                i += 8 + size + (size & 1)
            }
        }
        return result
    }

    /// LIST/INFO entries (INAM, IART, ICRD, ICMT, ISFT…).
    public var info: [String: String] {
        var result: [String: String] = [:]
        for list in chunks where list.id == "LIST" && list.data.prefix(4) == Data("INFO".utf8) {
            var i = 4
            let d = list.data
            while i + 8 <= d.count {
                let id = String(data: d[d.startIndex + i ..< d.startIndex + i + 4], encoding: .ascii) ?? "?"
                let size = Int(Self.u32(d, i + 4))
                guard i + 8 + size <= d.count else { break }
                let text = d.subdata(in: (d.startIndex + i + 8)..<(d.startIndex + i + 8 + size))
                result[id] = String(decoding: text.prefix { $0 != 0 }, as: UTF8.self)
                i += 8 + size + (size & 1)
            }
        }
        return result
    }

    public func chunkIndex(_ id: String) -> Int? { chunks.firstIndex { $0.id == id } }

    public static func u32(_ d: Data, _ at: Int) -> UInt32 {
        let s = d.startIndex + at
        return UInt32(d[s]) | UInt32(d[s + 1]) << 8 | UInt32(d[s + 2]) << 16 | UInt32(d[s + 3]) << 24
    }

    public static func u16(_ d: Data, _ at: Int) -> UInt16 {
        let s = d.startIndex + at
        return UInt16(d[s]) | UInt16(d[s + 1]) << 8
    }
}

public enum RIFFError: Error { case notWave }
