/// Independent readers for the containers the writers touch, written in the tests from the
/// specs (RFC 3533 for Ogg, the FLAC format doc), sharing no code with the writers.

/// Ogg pages with their CRC checked by a bit-by-bit CRC-32 (poly 0x04C11DB7, no reflection).
struct OggWalk {
    struct Page {
        let headerType: UInt8
        let granule: UInt64
        let serial: UInt32
        let sequence: UInt32
        let lacing: [UInt8]
        let body: [UInt8]
        let crcMatches: Bool
    }

    let pages: [Page]

    init(_ data: [UInt8]) throws {
        var pages: [Page] = []
        var p = 0
        func le(_ at: Int, _ n: Int) -> UInt64 { (0..<n).reversed().reduce(0) { $0 << 8 | UInt64(data[at + $1]) } }
        while p < data.count {
            guard p + 27 <= data.count, Array(data[p..<p + 4]) == Array("OggS".utf8) else {
                throw ID3Reader.Failure(description: "no page at \(p)")
            }
            let n = Int(data[p + 26])
            let lacing = Array(data[p + 27..<p + 27 + n])
            let bodyLength = lacing.reduce(0) { $0 + Int($1) }
            let end = p + 27 + n + bodyLength
            guard end <= data.count else { throw ID3Reader.Failure(description: "short page at \(p)") }
            var page = Array(data[p..<end])
            let stored = UInt32(le(p + 22, 4))
            page[22] = 0; page[23] = 0; page[24] = 0; page[25] = 0
            pages.append(Page(headerType: data[p + 5], granule: le(p + 6, 8), serial: UInt32(le(p + 14, 4)),
                              sequence: UInt32(le(p + 18, 4)), lacing: lacing,
                              body: Array(data[p + 27 + n..<end]), crcMatches: Self.crc(page) == stored))
            p = end
        }
        self.pages = pages
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0
        for byte in bytes {
            crc ^= UInt32(byte) << 24
            for _ in 0..<8 { crc = crc & 0x8000_0000 != 0 ? (crc << 1) ^ 0x04C1_1DB7 : crc << 1 }
        }
        return crc
    }

    /// Packets in order, from the lacing values.
    var packets: [[UInt8]] {
        var packets: [[UInt8]] = []
        var current: [UInt8] = []
        for page in pages {
            var offset = 0
            for size in page.lacing {
                current += page.body[offset..<offset + Int(size)]
                offset += Int(size)
                if size < 255 { packets.append(current); current = [] }
            }
        }
        return packets
    }

    /// Which page each packet ends on.
    var packetEndPages: [Int] {
        var ends: [Int] = []
        for (index, page) in pages.enumerated() { for size in page.lacing where size < 255 { ends.append(index) } }
        return ends
    }
}

/// A Vorbis comment list: vendor and `KEY=value` strings.
struct CommentList {
    let vendor: String
    let entries: [String]

    init(_ bytes: ArraySlice<UInt8>) throws {
        var p = bytes.startIndex
        func u32() throws -> Int {
            guard p + 4 <= bytes.endIndex else { throw ID3Reader.Failure(description: "comment list too short") }
            defer { p += 4 }
            return (0..<4).reversed().reduce(0) { $0 << 8 | Int(bytes[p + $1]) }
        }
        let vendorLength = try u32()
        vendor = String(decoding: bytes[p..<p + vendorLength], as: UTF8.self)
        p += vendorLength
        var entries: [String] = []
        for _ in 0..<(try u32()) {
            let length = try u32()
            entries.append(String(decoding: bytes[p..<p + length], as: UTF8.self))
            p += length
        }
        self.entries = entries
        end = p
    }

    /// Where the list ended (a framing bit or padding may follow).
    let end: Int
}

/// FLAC metadata blocks: (type, last flag, body), and where the audio starts.
struct FLACWalk {
    let blocks: [(type: UInt8, isLast: Bool, body: [UInt8])]
    let audioStart: Int

    init(_ data: [UInt8]) throws {
        guard Array(data[0..<4]) == Array("fLaC".utf8) else { throw ID3Reader.Failure(description: "no fLaC") }
        var blocks: [(type: UInt8, isLast: Bool, body: [UInt8])] = []
        var p = 4
        while true {
            let length = Int(data[p + 1]) << 16 | Int(data[p + 2]) << 8 | Int(data[p + 3])
            let isLast = data[p] & 0x80 != 0
            blocks.append((data[p] & 0x7F, isLast, Array(data[p + 4..<p + 4 + length])))
            p += 4 + length
            if isLast { break }
        }
        self.blocks = blocks
        audioStart = p
    }
}
