/// One Ogg page (RFC 3533): a 27-byte header (`OggS`, version 0, header type, granule position,
/// serial number, sequence number, CRC, segment count), the lacing values, the body.
struct OggPage {
    /// Header type flags.
    static let continued: UInt8 = 0x01, beginOfStream: UInt8 = 0x02, endOfStream: UInt8 = 0x04
    /// Granule position of a page on which no packet ends.
    static let noGranule = UInt64.max

    var headerType: UInt8
    var granule: UInt64
    var serial: UInt32
    var sequence: UInt32
    /// Segment sizes; a value under 255 ends a packet.
    var lacing: [UInt8]
    var body: [UInt8]

    /// The page as bytes, with its CRC computed.
    func bytes() -> [UInt8] {
        var out = Array("OggS".utf8) + [0, headerType]
        for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(granule >> UInt64(shift) & 0xFF)) }
        out += serial.littleEndianBytes + sequence.littleEndianBytes + [0, 0, 0, 0]
        out.append(UInt8(lacing.count))
        out += lacing
        out += body
        let crc = OggCRC.checksum(out)
        out.replaceSubrange(22..<26, with: crc.littleEndianBytes)
        return out
    }

    /// The next page of `input`, or nil at the end of the file. Refuses a page whose CRC does
    /// not match: rewriting it with a fresh CRC would hide the damage.
    static func read(from input: FileInput) throws -> OggPage? {
        let start = input.offset
        guard let first = try input.read(upTo: 27), !first.isEmpty else { return nil }
        var header = first
        if header.count < 27 { header += try input.read(exactly: 27 - header.count, "an Ogg page header") }
        guard header[0...3] == [0x4F, 0x67, 0x67, 0x53] /* "OggS" */ else {
            throw TaggingError.corruptFile(path: input.path, reason: "no Ogg page starts at byte \(start)")
        }
        guard header[4] == 0 else {
            throw TaggingError.unsupportedFile(path: input.path, reason: "Ogg page version \(header[4]) at byte \(start)")
        }
        let lacing = try input.read(exactly: Int(header[26]), "an Ogg page's segment table")
        let body = try input.read(exactly: lacing.reduce(0) { $0 + Int($1) }, "an Ogg page")
        let page = OggPage(headerType: header[5],
                           granule: header[6...13].reversed().reduce(0) { $0 << 8 | UInt64($1) },
                           serial: UInt32.littleEndian(header, at: 14),
                           sequence: UInt32.littleEndian(header, at: 18),
                           lacing: lacing, body: body)
        var zeroed = header
        zeroed.replaceSubrange(22..<26, with: [0, 0, 0, 0])
        let crc = OggCRC.checksum(body, initial: OggCRC.checksum(lacing, initial: OggCRC.checksum(zeroed)))
        guard crc == UInt32.littleEndian(header, at: 22) else {
            throw TaggingError.corruptFile(path: input.path, reason: "Ogg page \(page.sequence) at byte \(start) fails its CRC check")
        }
        return page
    }

    /// Lays packets out on pages as libogg's flush does: up to 255 segments a page, a packet
    /// continued across pages (header flag 0x01), granule `granule` on pages where a packet ends
    /// and -1 where none does. The first page starts with the first packet.
    static func paginate(_ packets: [[UInt8]], serial: UInt32, firstSequence: UInt32, granule: UInt64) -> [OggPage] {
        var pages: [OggPage] = []
        var page = OggPage(headerType: 0, granule: noGranule, serial: serial, sequence: firstSequence, lacing: [], body: [])
        for packet in packets {
            let sizes = [Int](repeating: 255, count: packet.count / 255) + [packet.count % 255]
            var offset = 0
            for (index, size) in sizes.enumerated() {
                if page.lacing.count == 255 {
                    pages.append(page)
                    page = OggPage(headerType: index > 0 ? continued : 0, granule: noGranule, serial: serial,
                                   sequence: page.sequence + 1, lacing: [], body: [])
                }
                page.lacing.append(UInt8(size))
                page.body += packet[offset..<offset + size]
                offset += size
                if index == sizes.count - 1 { page.granule = granule }
            }
        }
        pages.append(page)
        return pages
    }
}
