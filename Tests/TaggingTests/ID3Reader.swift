/// An ID3v2.3/2.4 reader written in the tests from the ID3v2 spec and the chapter addendum,
/// sharing no code with the writer, so that a mistake in one is not copied into the other.
struct ID3Reader {
    struct Failure: Error, CustomStringConvertible { let description: String }

    struct Frame {
        let id: String
        let body: [UInt8]
    }

    struct ChapterFrame {
        let elementID: String
        let startMs: UInt32, endMs: UInt32
        let startOffset: UInt32, endOffset: UInt32
        let subframes: [Frame]
        var title: String? { subframes.first { $0.id == "TIT2" }.map { ID3Reader.text($0.body) } }
    }

    struct TableOfContents {
        let elementID: String
        let flags: UInt8
        let children: [String]
    }

    let majorVersion: UInt8
    let flags: UInt8
    /// Size from the header (syncsafe), header excluded.
    let declaredSize: Int
    let frames: [Frame]

    init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 10, bytes[0] == 0x49, bytes[1] == 0x44, bytes[2] == 0x33 else { throw Failure(description: "no ID3 header") }
        majorVersion = bytes[3]
        guard bytes[4] == 0 else { throw Failure(description: "revision \(bytes[4])") }
        flags = bytes[5]
        guard bytes[6..<10].allSatisfy({ $0 & 0x80 == 0 }) else { throw Failure(description: "size not syncsafe") }
        declaredSize = bytes[6..<10].reduce(0) { $0 * 128 + Int($1) }
        guard 10 + declaredSize <= bytes.count else { throw Failure(description: "size \(declaredSize) past the data") }
        frames = try Self.frames(Array(bytes[10..<10 + declaredSize]), version: majorVersion)
    }

    /// Frames until the end or padding (a zero byte where an ID would start).
    static func frames(_ data: [UInt8], version: UInt8) throws -> [Frame] {
        var frames: [Frame] = []
        var p = 0
        while p + 10 <= data.count, data[p] != 0 {
            let id = String(decoding: data[p..<p + 4], as: UTF8.self)
            guard id.allSatisfy({ $0.isUppercase || $0.isNumber }) else { throw Failure(description: "bad frame id \(id) at \(p)") }
            let sizeBytes = data[p + 4..<p + 8]
            let size = version == 4 ? sizeBytes.reduce(0) { $0 * 128 + Int($1) } : sizeBytes.reduce(0) { $0 * 256 + Int($1) }
            guard data[p + 8] == 0, data[p + 9] == 0 else { throw Failure(description: "\(id) has flags") }
            guard p + 10 + size <= data.count else { throw Failure(description: "\(id) runs past the tag") }
            frames.append(Frame(id: id, body: Array(data[p + 10..<p + 10 + size])))
            p += 10 + size
        }
        guard data[p...].allSatisfy({ $0 == 0 }) else { throw Failure(description: "junk after frames at \(p)") }
        return frames
    }

    /// A text frame's value (encodings 0 Latin-1, 1 UTF-16 BOM, 2 UTF-16BE, 3 UTF-8), up to a terminator.
    static func text(_ body: [UInt8]) -> String {
        decodeString(body[1...], encoding: body[0]).text
    }

    /// Decodes one string; returns it and what follows its terminator.
    static func decodeString(_ bytes: ArraySlice<UInt8>, encoding: UInt8) -> (text: String, rest: ArraySlice<UInt8>) {
        switch encoding {
        case 0:
            let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
            let text = String(bytes[bytes.startIndex..<end].map { Character(Unicode.Scalar($0)) })
            return (text, bytes[min(end + 1, bytes.endIndex)...])
        case 1, 2:
            var units: [UInt16] = []
            var p = bytes.startIndex
            var littleEndian = encoding == 1
            if encoding == 1, p + 2 <= bytes.endIndex {
                littleEndian = bytes[p] == 0xFF && bytes[p + 1] == 0xFE
                precondition(littleEndian || (bytes[p] == 0xFE && bytes[p + 1] == 0xFF), "UTF-16 without BOM")
                p += 2
            }
            while p + 2 <= bytes.endIndex {
                let unit = littleEndian ? UInt16(bytes[p]) | UInt16(bytes[p + 1]) << 8 : UInt16(bytes[p]) << 8 | UInt16(bytes[p + 1])
                p += 2
                if unit == 0 { break }
                units.append(unit)
            }
            return (String(decoding: units, as: UTF16.self), bytes[p...])
        default:
            let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
            return (String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self), bytes[min(end + 1, bytes.endIndex)...])
        }
    }

    func values(_ id: String) -> [String] { frames.filter { $0.id == id }.map { Self.text($0.body) } }

    /// COMM: (language, description, text).
    var comments: [(language: String, description: String, text: String)] {
        frames.filter { $0.id == "COMM" }.map { frame in
            let language = String(decoding: frame.body[1..<4], as: UTF8.self)
            let (description, rest) = Self.decodeString(frame.body[4...], encoding: frame.body[0])
            return (language, description, Self.decodeString(rest, encoding: frame.body[0]).text)
        }
    }

    func chapters() throws -> [ChapterFrame] {
        try frames.filter { $0.id == "CHAP" }.map { frame in
            let body = frame.body
            guard let nul = body.firstIndex(of: 0), nul + 17 <= body.count else { throw Failure(description: "short CHAP") }
            func u32(_ at: Int) -> UInt32 { body[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
            return ChapterFrame(elementID: String(decoding: body[..<nul], as: UTF8.self),
                                startMs: u32(nul + 1), endMs: u32(nul + 5), startOffset: u32(nul + 9), endOffset: u32(nul + 13),
                                subframes: try Self.frames(Array(body[(nul + 17)...]), version: majorVersion))
        }
    }

    func tablesOfContents() throws -> [TableOfContents] {
        try frames.filter { $0.id == "CTOC" }.map { frame in
            let body = frame.body
            guard let nul = body.firstIndex(of: 0), nul + 3 <= body.count else { throw Failure(description: "short CTOC") }
            var children: [String] = []
            var p = nul + 3
            for _ in 0..<Int(body[nul + 2]) {
                guard let end = body[p...].firstIndex(of: 0) else { throw Failure(description: "CTOC child not terminated") }
                children.append(String(decoding: body[p..<end], as: UTF8.self))
                p = end + 1
            }
            return TableOfContents(elementID: String(decoding: body[..<nul], as: UTF8.self), flags: body[nul + 1], children: children)
        }
    }
}
