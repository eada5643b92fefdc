/// One ID3v2.3 frame: a four-letter ID and its body. The header's size is a plain big-endian
/// u32 in v2.3 (only the tag header is syncsafe), which is also how FFmpeg 5.1 reads frames
/// embedded in CHAP: see `ID3Tag` for why the project writes v2.3.
struct ID3Frame {
    let id: String
    let body: [UInt8]

    /// Header (ID, size, two zero flag bytes) + body.
    var bytes: [UInt8] {
        var out = Array(id.utf8)
        out.append(contentsOf: UInt32(body.count).bigEndianBytes)
        out.append(contentsOf: [0, 0])
        out.append(contentsOf: body)
        return out
    }

    // MARK: Frames the tag uses

    /// A text frame (TIT2, TPE1, TALB, TYER, TDAT, TLEN…). No terminator: v2.3 does not ask for one.
    static func text(_ id: String, _ value: String) -> ID3Frame {
        let encoding = Encoding.for(value)
        return ID3Frame(id: id, body: [encoding.rawValue] + encoding.encode(value, terminated: false))
    }

    /// COMM: encoding, language, an empty short description (terminated), the text.
    /// An empty description makes it the plain "comment" for FFmpeg, iTunes and others.
    static func comment(_ text: String, language: String = "eng") -> ID3Frame {
        let encoding = Encoding.for(text)
        var body: [UInt8] = [encoding.rawValue] + Array(language.utf8.prefix(3))
        body += encoding.encode("", terminated: true)
        body += encoding.encode(text, terminated: false)
        return ID3Frame(id: "COMM", body: body)
    }

    /// CHAP (ID3v2 chapter addendum): element ID, start/end time in ms, start/end byte offsets
    /// 0xFFFFFFFF ("use the times"), then an embedded TIT2 with the chapter's title.
    static func chapter(elementID: String, startMs: UInt32, endMs: UInt32, title: String) -> ID3Frame {
        var body = Array(elementID.utf8) + [0]
        body += startMs.bigEndianBytes + endMs.bigEndianBytes
        body += UInt32.max.bigEndianBytes + UInt32.max.bigEndianBytes
        body += text("TIT2", title).bytes
        return ID3Frame(id: "CHAP", body: body)
    }

    /// CTOC: element ID, flags (0x02 top-level, 0x01 ordered), entry count (u8, so at most 255
    /// children), the children's element IDs, each NUL-terminated.
    static func tableOfContents(elementID: String, topLevel: Bool, children: [String]) -> ID3Frame {
        precondition(children.count <= 255, "a CTOC holds at most 255 entries")
        var body = Array(elementID.utf8) + [0]
        body.append((topLevel ? 0x02 : 0) | 0x01)
        body.append(UInt8(children.count))
        for child in children { body += Array(child.utf8) + [0] }
        return ID3Frame(id: "CTOC", body: body)
    }

    // MARK: Text encoding

    /// v2.3 knows ISO-8859-1 (0) and UTF-16 with a BOM (1). Plain ASCII goes as 0, which every
    /// reader decodes the same way; anything else as UTF-16LE with BOM FF FE (what iTunes and
    /// most taggers write), never as Latin-1, which some readers take for the local code page.
    enum Encoding: UInt8 {
        case latin1 = 0
        case utf16 = 1

        static func `for`(_ text: String) -> Encoding {
            text.utf8.allSatisfy { $0 < 0x80 } ? .latin1 : .utf16
        }

        func encode(_ text: String, terminated: Bool) -> [UInt8] {
            switch self {
            case .latin1:
                return Array(text.utf8) + (terminated ? [0] : [])
            case .utf16:
                var out: [UInt8] = [0xFF, 0xFE]
                for unit in text.utf16 { out += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
                return out + (terminated ? [0, 0] : [])
            }
        }
    }
}
