import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The wire format between the parent and a worker: a JSON header and a binary payload,
/// each preceded by its length (UInt32, little-endian). PCM travels raw, never as JSON.
struct Frame {
    var header: Data
    var payload: Data

    static let maxHeader = 64 << 20
    static let maxPayload = 1 << 30

    /// Writes the whole frame; throws when the other side has gone (EPIPE).
    func write(to fd: Int32) throws {
        var out = Data(capacity: 8 + header.count + payload.count)
        out.append(Self.le(UInt32(header.count)))
        out.append(header)
        out.append(Self.le(UInt32(payload.count)))
        out.append(payload)
        try out.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FrameError.closed(String(cString: strerror(errno)))
                }
                offset += n
            }
        }
    }

    /// Reads one frame; returns nil on a clean end of stream before the first byte.
    static func read(from fd: Int32) throws -> Frame? {
        guard let headerLength = try readLength(fd, allowEOF: true) else { return nil }
        guard headerLength <= maxHeader else { throw FrameError.malformed("header of \(headerLength) bytes") }
        let header = try readExactly(fd, headerLength)
        guard let payloadLength = try readLength(fd, allowEOF: false), payloadLength <= maxPayload else {
            throw FrameError.malformed("payload too large")
        }
        return Frame(header: header, payload: try readExactly(fd, payloadLength))
    }

    private static func readLength(_ fd: Int32, allowEOF: Bool) throws -> Int? {
        let bytes = try readExactly(fd, 4, allowEOF: allowEOF)
        guard bytes.count == 4 else { return nil }
        return bytes.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
    }

    private static func readExactly(_ fd: Int32, _ count: Int, allowEOF: Bool = false) throws -> Data {
        var data = Data(count: count)
        var offset = 0
        try data.withUnsafeMutableBytes { raw in
            while offset < count {
                let n = Glibc.read(fd, raw.baseAddress! + offset, count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FrameError.closed(String(cString: strerror(errno)))
                }
                if n == 0 {
                    if allowEOF && offset == 0 { return }
                    throw FrameError.closed("end of stream after \(offset) of \(count) bytes")
                }
                offset += n
            }
        }
        return offset == count ? data : Data()
    }

    private static func le(_ value: UInt32) -> Data {
        withUnsafeBytes(of: value.littleEndian) { Data($0) }
    }
}

enum FrameError: Error, CustomStringConvertible {
    case closed(String)
    case malformed(String)

    var description: String {
        switch self {
        case .closed(let why): return "pipe closed (\(why))"
        case .malformed(let why): return "malformed frame (\(why))"
        }
    }
}
