import COgg
import Foundation

/// Lays Opus parts (`OpusPartWriter`) end to end as one Ogg Opus stream (RFC 7845): the
/// identification header, the comment header as given, then every part's packets in order on
/// pages numbered and timed for the whole stream. The last page's granule position says where
/// the programme ends, so players drop the final frame's padding and the decoded stream has the
/// programme's exact length.
public enum OggOpusJoin {
    /// The stream's serial number: fixed, so the same programme gives the same bytes.
    static let serial: Int32 = 0x4564_4F70

    /// `samples`: the programme's length at 48 kHz; `inputRate`: the rate the encoder was fed
    /// (RFC 7845 §5.1: informational, but libsndfile and opusdec decode at the Opus rate nearest
    /// it, so 22.05 kHz would make them give 24 kHz); `tags`: the whole OpusTags packet.
    public static func join(_ parts: [String], samples: Int, inputRate: Int, tags: [UInt8], into path: String) throws {
        let stream = try OggStreamWriter(path: path, serial: serial)
        // Each header ends its page (RFC 7845 §3).
        stream.add(head(inputRate: inputRate), granule: 0, first: true, endPage: true)
        stream.add(tags, granule: 0, endPage: true)

        let preSkip = Int64(OpusPartWriter.preSkip)
        let end = preSkip + Int64(samples)
        var decoded: Int64 = 0
        for (k, part) in parts.enumerated() {
            let packets = try OpusPartWriter.packets(at: part)
            for (j, packet) in packets.enumerated() {
                decoded += Int64(OpusPartWriter.frameSize)
                let last = k == parts.count - 1 && j == packets.count - 1
                stream.add(packet, granule: last ? end : decoded, last: last)
            }
        }
        try stream.close()
        guard decoded >= end else { throw AudioError.write(path, "the Opus parts hold \(decoded) samples, fewer than \(end)") }
    }

    /// OpusHead: version 1, mono, the encoder's pre-skip, the input rate, no gain, mapping family 0.
    static func head(inputRate: Int) -> [UInt8] {
        var bytes = Array("OpusHead".utf8) + [1, 1]
        bytes += withUnsafeBytes(of: UInt16(OpusPartWriter.preSkip).littleEndian, Array.init)
        bytes += withUnsafeBytes(of: UInt32(inputRate).littleEndian, Array.init)
        bytes += [0, 0, 0]
        return bytes
    }
}
