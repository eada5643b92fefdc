import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a worker holds each child's reply on its way to the parent: one mapping, reused for
/// every chunk and left out of every fork (MADV_DONTFORK). A fork makes every page the worker
/// shares with the child copy-on-write, so a fresh buffer per reply cost a page fault per 4 KB
/// in the worker (about 250 a chunk, a fifth of a build's system time); this one costs none.
/// The child streams its PCM as it is made (`PCMBlockWriter`); the worker passes it on as one
/// frame, header first, once the child has finished and exited cleanly.
final class RelayBuffer {
    private var base: UnsafeMutableRawPointer?
    private var capacity = 0
    /// Bytes of PCM held.
    private(set) var count = 0
    private(set) var header = Data()

    init() {}

    deinit { if let base { munmap(base, capacity) } }

    /// Reads one streamed reply (`PCMBlockWriter`'s blocks, then the header); false on end of
    /// stream before its first byte.
    func readStreamedReply(from fd: Int32, _ wait: FrameWait) throws -> Bool {
        count = 0
        header = Data()
        var first = true
        while true {
            guard let length = try readLength(fd, wait, allowEOF: first) else { return false }
            first = false
            if length == 0 { break }
            guard count + length <= Frame.maxPayload else { throw FrameError.malformed("payload too large") }
            try readBytes(length, fd, wait)
        }
        guard let headerLength = try readLength(fd, wait, allowEOF: false), headerLength <= Frame.maxHeader else {
            throw FrameError.malformed("header too large")
        }
        header = Data(count: headerLength)
        _ = try header.withUnsafeMutableBytes { try Frame.readExactly(fd, into: $0, wait) }
        return true
    }

    /// The reply as one frame: its header, then the PCM held.
    func write(to fd: Int32, _ wait: FrameWait = .forever) throws {
        try Frame.write(header: header, payload: UnsafeRawBufferPointer(start: base, count: count), to: fd, wait)
    }

    private func readLength(_ fd: Int32, _ wait: FrameWait, allowEOF: Bool) throws -> Int? {
        var bytes: UInt32 = 0
        let got = try withUnsafeMutableBytes(of: &bytes) { try Frame.readExactly(fd, into: $0, wait, allowEOF: allowEOF) }
        return got ? Int(UInt32(littleEndian: bytes)) : nil
    }

    private func readBytes(_ n: Int, _ fd: Int32, _ wait: FrameWait) throws {
        try reserve(count + n)
        _ = try Frame.readExactly(fd, into: UnsafeMutableRawBufferPointer(start: base! + count, count: n), wait)
        count += n
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
