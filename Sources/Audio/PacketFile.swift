import Foundation

/// A codec part's packets on disk, each behind its length (4 bytes) and granule position (8),
/// written as the part encodes and read back in order when the Ogg joins lay the parts end to end.
final class PacketFile {
    let path: String
    private var file: UnsafeMutablePointer<FILE>?

    init(path: String) throws {
        guard let file = fopen(path, "wb") else { throw AudioError.open(path, String(cString: strerror(errno))) }
        self.path = path
        self.file = file
    }

    deinit { if let file { fclose(file) } }

    func write(_ packet: UnsafeRawBufferPointer, granule: Int64) throws {
        guard let file else { throw AudioError.write(path, "the part is closed") }
        var header = (UInt32(packet.count).littleEndian, granule.littleEndian)
        guard fwrite(&header.0, 4, 1, file) == 1, fwrite(&header.1, 8, 1, file) == 1,
              fwrite(packet.baseAddress, 1, packet.count, file) == packet.count else {
            throw AudioError.write(path, String(cString: strerror(errno)))
        }
    }

    func close() throws {
        guard let file else { return }
        self.file = nil
        guard fclose(file) == 0 else { throw AudioError.write(path, String(cString: strerror(errno))) }
    }

    /// The packets of a closed part, in order, with their granule positions.
    static func read(_ path: String) throws -> [(bytes: [UInt8], granule: Int64)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var result: [(bytes: [UInt8], granule: Int64)] = []
        var at = data.startIndex
        while at < data.endIndex {
            guard at + 12 <= data.endIndex else { throw AudioError.write(path, "a truncated packet header") }
            let (length, granule) = data[at..<(at + 12)].withUnsafeBytes {
                (Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))),
                 Int64(littleEndian: $0.loadUnaligned(fromByteOffset: 4, as: Int64.self)))
            }
            at += 12
            guard at + length <= data.endIndex else { throw AudioError.write(path, "a truncated packet") }
            result.append(([UInt8](data[at..<(at + length)]), granule))
            at += length
        }
        return result
    }
}
