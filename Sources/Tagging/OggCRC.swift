/// The CRC-32 of an Ogg page (RFC 3533): polynomial 0x04C11DB7, initial value 0, no bit
/// reflection, no final XOR, computed over the whole page with its CRC field set to zero.
/// (Not zlib's CRC-32, which reflects its bits.)
enum OggCRC {
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index) << 24
        for _ in 0..<8 { crc = crc & 0x8000_0000 != 0 ? crc << 1 ^ 0x04C1_1DB7 : crc << 1 }
        return crc
    }

    static func checksum<S: Sequence>(_ bytes: S, initial: UInt32 = 0) -> UInt32 where S.Element == UInt8 {
        var crc = initial
        for byte in bytes { crc = crc << 8 ^ table[Int(crc >> 24 ^ UInt32(byte))] }
        return crc
    }
}
