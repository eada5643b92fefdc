import COpus
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
        guard let file = fopen(path, "wb") else { throw AudioError.open(path, String(cString: strerror(errno))) }
        var stream = ogg_stream_state()
        guard ogg_stream_init(&stream, serial) == 0 else { fclose(file); throw AudioError.open(path, "libogg could not start") }
        defer { ogg_stream_clear(&stream) }
        var failed = false
        func writePages(flush: Bool) {
            var page = ogg_page()
            while (flush ? ogg_stream_flush(&stream, &page) : ogg_stream_pageout(&stream, &page)) != 0 {
                if fwrite(page.header, 1, page.header_len, file) != page.header_len
                    || fwrite(page.body, 1, page.body_len, file) != page.body_len { failed = true }
            }
        }
        var number: Int64 = 0
        func add(_ bytes: [UInt8], granule: Int64, first: Bool = false, last: Bool = false) {
            var bytes = bytes
            bytes.withUnsafeMutableBufferPointer { buffer in
                var packet = ogg_packet(packet: buffer.baseAddress, bytes: buffer.count, b_o_s: first ? 1 : 0, e_o_s: last ? 1 : 0,
                                        granulepos: granule, packetno: number)
                ogg_stream_packetin(&stream, &packet)
            }
            number += 1
        }
        // Each header ends its page (RFC 7845 §3).
        add(head(inputRate: inputRate), granule: 0, first: true)
        writePages(flush: true)
        add(tags, granule: 0)
        writePages(flush: true)

        let preSkip = Int64(OpusPartWriter.preSkip)
        let end = preSkip + Int64(samples)
        var decoded: Int64 = 0
        for (k, part) in parts.enumerated() {
            let packets = try OpusPartWriter.packets(at: part)
            for (j, packet) in packets.enumerated() {
                decoded += Int64(OpusPartWriter.frameSize)
                let last = k == parts.count - 1 && j == packets.count - 1
                add(packet, granule: last ? end : decoded, last: last)
                writePages(flush: false)
            }
        }
        writePages(flush: true)
        let closed = fclose(file) == 0
        guard !failed, closed else { throw AudioError.write(path, String(cString: strerror(errno))) }
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
