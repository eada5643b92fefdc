/// Byte orders the tag formats need: ID3 and FLAC headers are big-endian, Vorbis comments and
/// Ogg pages little-endian.
extension UInt32 {
    var bigEndianBytes: [UInt8] {
        [UInt8(self >> 24), UInt8((self >> 16) & 0xFF), UInt8((self >> 8) & 0xFF), UInt8(self & 0xFF)]
    }

    var littleEndianBytes: [UInt8] {
        [UInt8(self & 0xFF), UInt8((self >> 8) & 0xFF), UInt8((self >> 16) & 0xFF), UInt8(self >> 24)]
    }

    /// Reads four bytes at `offset`.
    static func bigEndian<C: RandomAccessCollection>(_ bytes: C, at offset: C.Index) -> UInt32
    where C.Element == UInt8, C.Index == Int {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func littleEndian<C: RandomAccessCollection>(_ bytes: C, at offset: C.Index) -> UInt32
    where C.Element == UInt8, C.Index == Int {
        bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}
