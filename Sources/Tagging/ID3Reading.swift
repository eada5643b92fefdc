/// Reads the chapters and the title back from the ID3v2 tag at the start of an MP3: ID3v2.3
/// (what `ID3Tag` writes) and ID3v2.4 (what other tools write), CHAP frames with their embedded
/// TIT2, in the order of the top-level CTOC when there is one (sub-CTOCs followed), else by
/// start time. A v2.2 tag has no chapter frames, so it yields none.
///
/// Every length is checked against what holds it (the tag against the file, a frame against
/// the tag, an embedded frame against its CHAP) before it is used, so damaged input throws
/// `.corruptFile` and never reads past an end. Compressed or encrypted frames are skipped.
enum ID3Reading {
    private struct Frame {
        var id: String
        var body: ArraySlice<UInt8>
        /// Where the frame's header is in the file (tag body offset + 10), for messages.
        var offset: Int
    }

    private struct Chap {
        var id: String
        var mark: ChapterMark
    }

    static func read(_ input: FileInput) throws -> ChapterReading.Contents {
        let path = input.path
        let fileSize = try input.size()
        try input.seek(to: 0)
        let header = try input.read(upTo: 10) ?? []
        guard header.count == 10, header.starts(with: [0x49, 0x44, 0x33]) /* "ID3" */ else {
            _ = try ID3Tag.firstMPEGFrame(in: input)   // no tag: it must still be an MP3
            return ChapterReading.Contents(title: nil, chapters: [])
        }
        let major = header[3], flags = header[5]
        guard header[6...9].allSatisfy({ $0 < 0x80 }) else {
            throw TaggingError.corruptFile(path: path, reason: "its ID3v2 tag header is malformed")
        }
        let size = syncsafe(header[6...9])
        guard 10 + UInt64(size) <= fileSize else {
            throw TaggingError.corruptFile(path: path, reason: "its ID3v2 tag claims \(size) bytes but the file has only \(fileSize)")
        }
        _ = try ID3Tag.firstMPEGFrame(in: input)       // MPEG audio after the tag(s): an MP3
        guard major == 3 || major == 4 else {
            guard major == 2 else {
                throw TaggingError.unsupportedFile(path: path, reason: "its ID3 tag has the unknown version 2.\(major)")
            }
            return ChapterReading.Contents(title: nil, chapters: [])
        }
        try input.seek(to: 10)
        var body = try input.read(exactly: size, "its ID3v2 tag")
        // v2.3 unsynchronises the whole tag; v2.4 each frame (flagged in the frame, or all by this bit).
        let tagUnsynchronised = flags & 0x80 != 0
        if major == 3 && tagUnsynchronised { body = resynchronised(body[...]) }
        var start = 0
        if flags & 0x40 != 0 {   // extended header
            guard body.count >= 4 else {
                throw TaggingError.corruptFile(path: path, reason: "its ID3v2 tag ends inside the extended header")
            }
            // v2.3: plain size, not counting itself; v2.4: syncsafe size, counting itself.
            let length = major == 3 ? Int(UInt32.bigEndian(body, at: 0)) + 4 : syncsafe(body[0...3])
            guard length >= 4, length <= body.count else {
                throw TaggingError.corruptFile(path: path, reason: "its ID3v2 extended header claims \(length) bytes, past the tag")
            }
            start = length
        }

        let frames = try Self.frames(in: body[start...], major: major, allUnsynchronised: major == 4 && tagUnsynchronised, path: path)
        let title = try frames.first { $0.id == "TIT2" }.map { try text($0, path: path) }

        var chaps: [Chap] = []
        var tocs: [String: (topLevel: Bool, children: [String])] = [:]
        var topLevel: String?
        for frame in frames {
            switch frame.id {
            case "CHAP":
                let chap = try chapter(frame, major: major, path: path)
                if !chaps.contains(where: { $0.id == chap.id }) { chaps.append(chap) }
            case "CTOC":
                let toc = try tableOfContents(frame, path: path)
                guard tocs[toc.id] == nil else { continue }
                tocs[toc.id] = (toc.topLevel, toc.children)
                if toc.topLevel && topLevel == nil { topLevel = toc.id }
            default:
                continue
            }
        }
        return ChapterReading.Contents(title: title, chapters: ordered(chaps, tocs: tocs, topLevel: topLevel))
    }

    /// The chapters in the order the top-level table lists them (depth first through sub-tables,
    /// each table visited once, so a cycle cannot loop), then any chapter no table lists, by start.
    /// Without a top-level table: all by start time (ties in file order).
    private static func ordered(_ chaps: [Chap], tocs: [String: (topLevel: Bool, children: [String])],
                                topLevel: String?) -> [ChapterMark] {
        var byID: [String: Int] = [:]
        for (index, chap) in chaps.enumerated() { byID[chap.id] = index }
        var listed: [Int] = []
        var taken = Set<Int>()
        if let topLevel {
            var visited: Set<String> = [topLevel]
            var stack: [IndexingIterator<[String]>] = [tocs[topLevel]!.children.makeIterator()]
            while !stack.isEmpty {
                guard let child = stack[stack.count - 1].next() else { stack.removeLast(); continue }
                if let index = byID[child] {
                    if taken.insert(index).inserted { listed.append(index) }
                } else if let toc = tocs[child], visited.insert(child).inserted {
                    stack.append(toc.children.makeIterator())
                }
            }
        }
        let rest = chaps.indices.filter { !taken.contains($0) }
            .sorted { (chaps[$0].mark.startMs, $0) < (chaps[$1].mark.startMs, $1) }
        return (listed + rest).map { chaps[$0].mark }
    }

    // MARK: Frames

    /// The frames of a tag body (or of the frames embedded in a CHAP), up to the padding.
    private static func frames(in bytes: ArraySlice<UInt8>, major: UInt8, allUnsynchronised: Bool,
                               path: String) throws -> [Frame] {
        var frames: [Frame] = []
        var p = bytes.startIndex
        while p + 10 <= bytes.endIndex, bytes[p] != 0 {
            let idBytes = bytes[p..<p + 4]
            guard idBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }) else {
                throw TaggingError.corruptFile(path: path, reason: "its ID3 tag has no valid frame ID at byte \(p + 10)")
            }
            let id = String(decoding: idBytes, as: UTF8.self)
            let sizeBytes = bytes[p + 4..<p + 8]
            // v2.4 sizes are syncsafe; some writers put plain sizes there, which a byte over 0x7F betrays.
            let size = major == 4 && sizeBytes.allSatisfy({ $0 < 0x80 })
                ? syncsafe(sizeBytes) : Int(UInt32.bigEndian(bytes, at: p + 4))
            let flags = bytes[p + 9]
            let bodyStart = p + 10
            guard size <= bytes.endIndex - bodyStart else {
                throw TaggingError.corruptFile(path: path, reason: "its ID3 frame \(id) at byte \(p + 10) claims \(size) bytes, past the end of the tag")
            }
            var body = bytes[bodyStart..<bodyStart + size]
            p = bodyStart + size

            var skip = false
            if major == 3 {
                // 0x80 compressed (+4 bytes), 0x40 encrypted (+1), 0x20 grouped (+1).
                skip = flags & 0xC0 != 0
                if flags & 0x20 != 0 { body = body.dropFirst(1) }
            } else {
                // 0x40 grouped (+1), 0x08 compressed, 0x04 encrypted (+1), 0x02 unsynchronised,
                // 0x01 data length indicator (+4).
                skip = flags & 0x0C != 0
                if flags & 0x40 != 0 { body = body.dropFirst(1) }
                if flags & 0x01 != 0 { body = body.dropFirst(4) }
                if !skip && (allUnsynchronised || flags & 0x02 != 0) { body = resynchronised(body)[...] }
            }
            if !skip { frames.append(Frame(id: id, body: body, offset: bodyStart)) }
        }
        return frames
    }

    /// CHAP: element ID (NUL-terminated), start and end time (ms), start and end byte offset,
    /// then embedded frames, of which TIT2 is the title.
    private static func chapter(_ frame: Frame, major: UInt8, path: String) throws -> Chap {
        let body = frame.body
        guard let nul = body.firstIndex(of: 0), body.endIndex - (nul + 1) >= 16 else {
            throw TaggingError.corruptFile(path: path, reason: "its CHAP frame at byte \(frame.offset) is too short")
        }
        let id = String(decoding: body[body.startIndex..<nul], as: UTF8.self)
        let startMs = Int(UInt32.bigEndian(body, at: nul + 1))
        let embedded = try frames(in: body[(nul + 17)...], major: major, allUnsynchronised: false, path: path)
        let title = try embedded.first { $0.id == "TIT2" }.map { try text($0, path: path) } ?? ""
        return Chap(id: id, mark: ChapterMark(title: title, startMs: startMs))
    }

    /// CTOC: element ID (NUL-terminated), flags (0x02 top-level), entry count (u8), the entries'
    /// element IDs (NUL-terminated), then embedded frames (ignored).
    private static func tableOfContents(_ frame: Frame, path: String) throws -> (id: String, topLevel: Bool, children: [String]) {
        let body = frame.body
        func damaged() -> TaggingError {
            TaggingError.corruptFile(path: path, reason: "its CTOC frame at byte \(frame.offset) is truncated")
        }
        guard let nul = body.firstIndex(of: 0), nul + 2 < body.endIndex else { throw damaged() }
        let id = String(decoding: body[body.startIndex..<nul], as: UTF8.self)
        let flags = body[nul + 1], count = Int(body[nul + 2])
        var children: [String] = []
        var p = nul + 3
        for _ in 0..<count {
            guard let end = body[p...].firstIndex(of: 0) else { throw damaged() }
            children.append(String(decoding: body[p..<end], as: UTF8.self))
            p = end + 1
        }
        return (id, flags & 0x02 != 0, children)
    }

    // MARK: Text

    /// A text frame's first value: encoding byte (0 ISO-8859-1, 1 UTF-16 with BOM, 2 UTF-16BE,
    /// 3 UTF-8), then the text up to its terminator or the end of the frame.
    private static func text(_ frame: Frame, path: String) throws -> String {
        guard let encoding = frame.body.first else { return "" }
        let data = frame.body.dropFirst()
        switch encoding {
        case 0:
            return String(String.UnicodeScalarView(data.prefix { $0 != 0 }.map { Unicode.Scalar($0) }))
        case 3:
            return String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
        case 1, 2:
            var bytes = data
            var bigEndian = true   // UTF-16 without a BOM is big-endian
            if encoding == 1, bytes.count >= 2 {
                let bom = (bytes[bytes.startIndex], bytes[bytes.startIndex + 1])
                if bom == (0xFF, 0xFE) || bom == (0xFE, 0xFF) {
                    bigEndian = bom.0 == 0xFE
                    bytes = bytes.dropFirst(2)
                }
            }
            var units: [UInt16] = []
            var p = bytes.startIndex
            while p + 1 < bytes.endIndex {
                let unit = bigEndian ? UInt16(bytes[p]) << 8 | UInt16(bytes[p + 1])
                                     : UInt16(bytes[p + 1]) << 8 | UInt16(bytes[p])
                if unit == 0 { break }
                units.append(unit)
                p += 2
            }
            return String(decoding: units, as: UTF16.self)
        default:
            throw TaggingError.corruptFile(path: path, reason: "its ID3 frame \(frame.id) at byte \(frame.offset) has the unknown text encoding \(encoding)")
        }
    }

    // MARK: Bytes

    private static func syncsafe(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 7 | Int($1 & 0x7F) }
    }

    /// Undoes unsynchronisation: every 0xFF 0x00 becomes 0xFF.
    private static func resynchronised(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var previous: UInt8 = 0
        for byte in bytes {
            if !(previous == 0xFF && byte == 0x00) { out.append(byte) }
            previous = byte
        }
        return out
    }
}
