import EditionCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The timed words (or sentences) of a programme, appended while it is recorded and read back
/// in order when the transcripts are written. They live in a file, not in memory: a book-length
/// programme has hundreds of thousands of words. The file is unlinked as soon as it is opened,
/// so it vanishes with the log, or with the process if it is killed. Positions are the recording's.
public final class TimedTextLog: TimedTextSource, @unchecked Sendable {  // appended by one thread, then only read: no lock needed
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var written = 0
    public private(set) var count = 0

    public init(directory: URL) throws {
        let path = directory.appendingPathComponent("\(ScratchFile.prefix)\(ProcessTag.make()).log").path
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ScratchFile.failure(path) }
        unlink(path)
    }

    deinit { close(descriptor) }

    /// Record: start and end (Int64, little-endian), UTF-8 length (UInt32), UTF-8 bytes.
    public func append(_ item: TimedText) throws {
        Self.put(UInt64(bitPattern: Int64(item.start)), 8, into: &buffer)
        Self.put(UInt64(bitPattern: Int64(item.end)), 8, into: &buffer)
        let utf8 = item.text.utf8
        Self.put(UInt64(utf8.count), 4, into: &buffer)
        buffer.append(contentsOf: utf8)
        count += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func flush() throws {
        try buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(written + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                done += n
            }
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Every item in order. Reads at explicit offsets, so it never disturbs the writer.
    public func forEach(_ body: (TimedText) throws -> Void) throws {
        try flush()
        var pending: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 18)
        var offset = 0
        while offset < written {
            let n = block.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, off_t(offset)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += n
            pending.append(contentsOf: block[0..<n])
            var at = 0
            while pending.count - at >= 20 {
                let length = Int(Self.get(pending, at + 16, 4))
                guard pending.count - at >= 20 + length else { break }
                let text = String(decoding: pending[(at + 20)..<(at + 20 + length)], as: UTF8.self)
                try body(TimedText(text: text, start: Int(Int64(bitPattern: Self.get(pending, at, 8))),
                                   end: Int(Int64(bitPattern: Self.get(pending, at + 8, 8)))))
                at += 20 + length
            }
            pending.removeFirst(at)
        }
    }

    private static func put(_ value: UInt64, _ bytes: Int, into buffer: inout [UInt8]) {
        for i in 0..<bytes { buffer.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }

    private static func get(_ buffer: [UInt8], _ at: Int, _ bytes: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<bytes { value |= UInt64(buffer[at + i]) << (8 * UInt64(i)) }
        return value
    }
}
