import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a worker holds each child's reply on its way to the parent: one mapping, reused for
/// every chunk and left out of every fork (MADV_DONTFORK). A fork makes every page the worker
/// shares with the child copy-on-write, so a fresh buffer per reply cost a page fault per 4 KB
/// in the worker (about 250 a chunk, a fifth of a build's system time); this one costs none.
final class RelayBuffer {
    private var base: UnsafeMutableRawPointer?
    private var capacity = 0
    /// Bytes of the frame held: both lengths, the header and the payload, as on the wire.
    private(set) var count = 0

    init() {}

    deinit { if let base { munmap(base, capacity) } }

    /// Reads one whole frame from `fd` as it is; false on end of stream before its first byte.
    func readFrame(from fd: Int32, _ wait: FrameWait) throws -> Bool {
        count = 0
        guard let headerLength = try readLength(fd, wait, allowEOF: true) else { return false }
        guard headerLength <= Frame.maxHeader else { throw FrameError.malformed("header of \(headerLength) bytes") }
        try readBytes(headerLength, fd, wait)
        guard let payloadLength = try readLength(fd, wait, allowEOF: false), payloadLength <= Frame.maxPayload else {
            throw FrameError.malformed("payload too large")
        }
        try readBytes(payloadLength, fd, wait)
        return true
    }

    func write(to fd: Int32, _ wait: FrameWait = .forever) throws {
        try Frame.writeAll(UnsafeRawBufferPointer(start: base, count: count), to: fd, wait)
    }

    private func readLength(_ fd: Int32, _ wait: FrameWait, allowEOF: Bool) throws -> Int? {
        let at = count
        guard try readBytes(4, fd, wait, allowEOF: allowEOF) else { return nil }
        return Int(UInt32(littleEndian: base!.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }

    @discardableResult
    private func readBytes(_ n: Int, _ fd: Int32, _ wait: FrameWait, allowEOF: Bool = false) throws -> Bool {
        try reserve(count + n)
        let got = try Frame.readExactly(fd, into: UnsafeMutableRawBufferPointer(start: base! + count, count: n), wait, allowEOF: allowEOF)
        if got { count += n }
        return got
    }

    /// Grows the mapping (doubling) to hold `needed` bytes, keeping what it holds.
    private func reserve(_ needed: Int) throws {
        guard needed > capacity else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var size = max(capacity * 2, 4 << 20)
        while size < needed { size *= 2 }
        size = (size + page - 1) / page * page
        let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let mapped, mapped != MAP_FAILED else { throw FrameError.closed("mmap of \(size) bytes: \(String(cString: strerror(errno)))") }
        _ = madvise(mapped, size, MADV_DONTFORK)
        if let base {
            mapped.copyMemory(from: base, byteCount: count)
            munmap(base, capacity)
        }
        base = mapped
        capacity = size
    }
}
