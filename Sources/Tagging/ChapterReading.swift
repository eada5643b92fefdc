import EditionCore
import Foundation

/// Reads back the chapters a file carries, for `edition verify`: ID3 CHAP frames (v2.3/v2.4)
/// at the start of an MP3, and `CHAPTERnnn` Vorbis comments in FLAC and Ogg (Opus, Vorbis).
/// Every length read is checked against what is there, so a damaged file is an error, not a crash.
public enum ChapterReading {
    public static func chapters(in url: URL) throws -> [ChapterMark] {
        switch url.pathExtension.lowercased() {
        case "mp3": return try id3Chapters(try Data(contentsOf: url), path: url.path)
        case "flac": return vorbisChapters(try flacComments(url))
        case "opus", "ogg", "oga": return vorbisChapters(try oggComments(url))
        default: throw TaggingError.unsupportedFile(path: url.path, reason: "no chapter reader for .\(url.pathExtension)")
        }
    }

    // MARK: ID3

    static func id3Chapters(_ data: Data, path: String) throws -> [ChapterMark] {
        let b = [UInt8](data.prefix(10))
        guard b.count == 10, b[0...2] == [0x49, 0x44, 0x33] /* ID3 */, b[3] == 3 || b[3] == 4 else { return [] }
        let version = b[3]
        let size = syncsafe(b, 6)
        let tag = [UInt8](data.dropFirst(10).prefix(size))
        guard tag.count == size else { throw TaggingError.corruptFile(path: path, reason: "its ID3 tag is cut short") }
        var marks: [ChapterMark] = []
        for frame in frames(tag[...], version: version) where frame.id == "CHAP" {
            let body = frame.body
            guard let nul = body.firstIndex(of: 0), nul + 17 <= body.endIndex else { continue }
            let start = Int(be32(body, nul + 1))
            var title = ""
            for sub in frames(body[(nul + 17)...], version: version) where sub.id == "TIT2" { title = text(sub.body) }
            marks.append(ChapterMark(title: title, startMs: start))
        }
        return marks.sorted { $0.startMs < $1.startMs }
    }

    static func frames(_ bytes: ArraySlice<UInt8>, version: UInt8) -> [(id: String, body: ArraySlice<UInt8>)] {
        var result: [(String, ArraySlice<UInt8>)] = []
        var p = bytes.startIndex
        while p + 10 <= bytes.endIndex, bytes[p] != 0 {
            let id = String(decoding: bytes[p..<p + 4], as: UTF8.self)
            let size = version == 4 ? syncsafe(Array(bytes[p + 4..<p + 8]), 0) : Int(be32(bytes, p + 4))
            guard size >= 0, p + 10 + size <= bytes.endIndex else { break }
            result.append((id, bytes[(p + 10)..<(p + 10 + size)]))
            p += 10 + size
        }
        return result
    }

    static func text(_ body: ArraySlice<UInt8>) -> String {
        guard let encoding = body.first else { return "" }
        var bytes = Array(body.dropFirst())
        switch encoding {
        case 1, 2:
            while bytes.count >= 2, bytes[bytes.count - 1] == 0, bytes[bytes.count - 2] == 0 { bytes.removeLast(2) }
            var bigEndian = encoding == 2
            if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { bytes.removeFirst(2); bigEndian = false }
            else if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { bytes.removeFirst(2); bigEndian = true }
            var units: [UInt16] = []
            for i in stride(from: 0, to: bytes.count - 1, by: 2) {
                let hi = UInt16(bigEndian ? bytes[i] : bytes[i + 1])
                let lo = UInt16(bigEndian ? bytes[i + 1] : bytes[i])
                units.append(hi << 8 | lo)
            }
            return String(decoding: units, as: UTF16.self)
        case 3:
            return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        default:
            return String(bytes.prefix { $0 != 0 }.map { Character(Unicode.Scalar($0)) })
        }
    }

    static func syncsafe(_ b: [UInt8], _ at: Int) -> Int {
        Int(b[at]) << 21 | Int(b[at + 1]) << 14 | Int(b[at + 2]) << 7 | Int(b[at + 3])
    }

    static func be32<C: Collection>(_ b: C, _ at: C.Index) -> UInt32 where C.Element == UInt8, C.Index == Int {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }

    // MARK: Vorbis comments

    static func flacComments(_ url: URL) throws -> [String] {
        let input = try FileInput(url)
        guard try input.read(upTo: 4) == Array("fLaC".utf8) else {
            throw TaggingError.unsupportedFile(path: url.path, reason: "it does not start with \"fLaC\"")
        }
        var isLast = false
        while !isLast {
            let header = try input.read(exactly: 4, "a metadata block header")
            isLast = header[0] & 0x80 != 0
            let length = Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
            let body = try input.read(exactly: length, "a metadata block")
            if header[0] & 0x7F == 4 { return fields(body[...]) }
        }
        return []
    }

    static func oggComments(_ url: URL) throws -> [String] {
        let input = try FileInput(url)
        var packets: [[UInt8]] = []
        var partial: [UInt8] = []
        var pages = 0
        while packets.count < 2, let page = try OggPage.read(from: input) {
            pages += 1
            guard pages < 10_000 else { break }
            var offset = 0
            for size in page.lacing {
                partial += page.body[offset..<offset + Int(size)]
                offset += Int(size)
                if size < 255 { packets.append(partial); partial = [] }
            }
        }
        guard packets.count >= 2 else { throw TaggingError.corruptFile(path: url.path, reason: "it ends inside its header packets") }
        let comment = packets[1]
        let skip = comment.starts(with: Array("OpusTags".utf8)) ? 8 : comment.starts(with: [0x03] + Array("vorbis".utf8)) ? 7 : -1
        guard skip > 0 else { throw TaggingError.unsupportedFile(path: url.path, reason: "its second packet is not a comment header") }
        return fields(comment[skip...])
    }

    /// The `KEY=value` entries of a Vorbis comment block.
    static func fields(_ bytes: ArraySlice<UInt8>) -> [String] {
        var p = bytes.startIndex
        func u32() -> Int? {
            guard p + 4 <= bytes.endIndex else { return nil }
            defer { p += 4 }
            return Int(UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24)
        }
        guard let vendor = u32(), vendor <= bytes.endIndex - p else { return [] }
        p += vendor
        guard let count = u32() else { return [] }
        var result: [String] = []
        for _ in 0..<count {
            guard let length = u32(), length <= bytes.endIndex - p else { break }
            result.append(String(decoding: bytes[p..<p + length], as: UTF8.self))
            p += length
        }
        return result
    }

    static func vorbisChapters(_ fields: [String]) -> [ChapterMark] {
        var times: [String: Int] = [:], names: [String: String] = [:]
        for field in fields {
            guard let eq = field.firstIndex(of: "=") else { continue }
            let key = field[..<eq].uppercased(), value = String(field[field.index(after: eq)...])
            guard key.hasPrefix("CHAPTER") else { continue }
            let rest = key.dropFirst(7)
            if rest.hasSuffix("NAME") { names[String(rest.dropLast(4))] = value }
            else if let ms = milliseconds(value) { times[String(rest)] = ms }
        }
        return times.keys.sorted().map { ChapterMark(title: names[$0] ?? "", startMs: times[$0]!) }
    }

    /// "HH:MM:SS.mmm" → milliseconds.
    static func milliseconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]), let s = Double(parts[2]) else { return nil }
        return (h * 3600 + m * 60) * 1000 + Int((s * 1000).rounded())
    }
}
