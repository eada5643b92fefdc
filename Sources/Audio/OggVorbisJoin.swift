import Foundation

/// Lays Vorbis parts (`VorbisPartWriter`) end to end as one Ogg Vorbis stream: the
/// identification header alone on the first page, the comment header as given and the setup
/// header on the next, then every part's packets in order, each part's granule positions moved
/// to where the part starts in the programme. The last granule position is the programme's
/// length, so decoders drop the last block's padding.
public enum OggVorbisJoin {
    /// The stream's serial number: fixed, so the same programme gives the same bytes.
    static let serial: Int32 = 0x4564_566F

    /// `starts`: where each part's first sample is in the programme; `samples`: the programme's
    /// length; `headers`: the identification, comment and setup header packets.
    public static func join(_ parts: [String], starts: [Int], samples: Int, headers: [[UInt8]], into path: String) throws {
        guard headers.count == 3 else { throw AudioError.write(path, "a Vorbis stream has three header packets") }
        let stream = try OggStreamWriter(path: path, serial: serial)
        stream.add(headers[0], granule: 0, first: true, endPage: true)
        stream.add(headers[1], granule: 0)
        stream.add(headers[2], granule: 0, endPage: true)
        var end: Int64 = 0
        for (k, part) in parts.enumerated() {
            let packets = try VorbisPartWriter.packets(at: part)
            for (j, packet) in packets.enumerated() {
                end = Int64(starts[k]) + packet.granule
                stream.add(packet.bytes, granule: end, last: k == parts.count - 1 && j == packets.count - 1)
            }
        }
        try stream.close()
        guard end == Int64(samples) else { throw AudioError.write(path, "the Vorbis parts end at \(end), not \(samples)") }
    }
}
