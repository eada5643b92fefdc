/// The LAME/Info frame LAME writes first in an MP3 (LAME 3.100's layout: the Xing "Info" header,
/// then the LAME extension with the encoder delay and padding, the music length and two CRCs).
/// An MP3 encoded in segments and joined has the first segment's frame: this rewrites the
/// totals, the last segment's padding and both CRCs, so decoders still cut the stream back to
/// the exact samples (gapless) and trust the tag.
public enum LameTag {
    /// CRC-16 as LAME computes it (polynomial 0x8005 reflected, starting at 0).
    public static func crc16<S: Sequence>(_ bytes: S, crc start: UInt16 = 0) -> UInt16 where S.Element == UInt8 {
        var crc = start
        for byte in bytes { crc = (crc >> 8) ^ table[Int((crc ^ UInt16(byte)) & 0xFF)] }
        return crc
    }

    private static let table: [UInt16] = (0..<256).map { n in
        var c = UInt16(n)
        for _ in 0..<8 { c = c & 1 == 1 ? (c >> 1) ^ 0xA001 : c >> 1 }
        return c
    }

    /// Rewrites `frame` (the whole Info frame) for a stream of `frames` frames and `bytes` bytes
    /// (the Info frame included) whose last segment ends with `padding` samples and whose audio
    /// after the Info frame has CRC `musicCRC`. False if the frame is not a LAME Info frame.
    public static func patch(_ frame: inout [UInt8], frames: UInt32, bytes: UInt32, padding: Int, musicCRC: UInt16) -> Bool {
        guard let info = (0..<min(64, frame.count - 4)).first(where: { i in
            frame[i..<(i + 4)].elementsEqual("Info".utf8) || frame[i..<(i + 4)].elementsEqual("Xing".utf8)
        }) else { return false }
        let flags = UInt32(bigEndianAt: info + 4, in: frame)
        guard flags & 0xF == 0xF else { return false }  // frames, bytes, TOC and quality all present
        let lame = info + 120
        let tagCRC = lame + 34
        guard tagCRC + 2 <= frame.count, frame[lame..<(lame + 4)].elementsEqual("LAME".utf8), padding >= 0, padding < 4096 else { return false }
        put(frames, at: info + 8, in: &frame)
        put(bytes, at: info + 12, in: &frame)
        // Delay (12 bits) then padding (12 bits): the delay stays, the padding is the last segment's.
        frame[lame + 22] = (frame[lame + 22] & 0xF0) | UInt8(padding >> 8)
        frame[lame + 23] = UInt8(padding & 0xFF)
        put(bytes, at: lame + 28, in: &frame)
        frame[lame + 32] = UInt8(musicCRC >> 8); frame[lame + 33] = UInt8(musicCRC & 0xFF)
        let crc = crc16(frame[0..<tagCRC])
        frame[tagCRC] = UInt8(crc >> 8); frame[tagCRC + 1] = UInt8(crc & 0xFF)
        return true
    }

    private static func put(_ value: UInt32, at i: Int, in frame: inout [UInt8]) {
        frame[i] = UInt8(value >> 24); frame[i + 1] = UInt8((value >> 16) & 0xFF)
        frame[i + 2] = UInt8((value >> 8) & 0xFF); frame[i + 3] = UInt8(value & 0xFF)
    }
}

extension UInt32 {
    init(bigEndianAt i: Int, in bytes: [UInt8]) {
        self = UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
    }
}
