import CEspeakNG  // pipe2
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The wire format between the parent and a worker, and between a worker and the child it
/// forks for each request: a JSON header and a binary payload, each preceded by its length
/// (UInt32, little-endian). PCM travels raw, never as JSON.
struct Frame {
    var header: Data
    var payload: Data

    static let maxHeader = 64 << 20
    static let maxPayload = 1 << 30

    /// Writes the whole frame. Throws `closed` when the other side has gone (EPIPE), and
    /// `timedOut`/`interrupted` as `wait` says.
    func write(to fd: Int32, _ wait: FrameWait = .forever) throws {
        try payload.withUnsafeBytes { try Self.write(header: header, payload: $0, to: fd, wait) }
    }

    /// Writes a frame whose payload is read in place: the PCM is never copied into a frame
    /// first (in a forked speaker each copy would cost a page fault per 4 KB).
    static func write(header: Data, payload: UnsafeRawBufferPointer, to fd: Int32, _ wait: FrameWait = .forever) throws {
        var prefix = Data(capacity: 8 + header.count)
        prefix.append(le(UInt32(header.count)))
        prefix.append(header)
        prefix.append(le(UInt32(payload.count)))
        try prefix.withUnsafeBytes { try writeAll($0, to: fd, wait) }
        try writeAll(payload, to: fd, wait)
    }

    static func writeAll(_ raw: UnsafeRawBufferPointer, to fd: Int32, _ wait: FrameWait) throws {
        var offset = 0
        while offset < raw.count {
            try wait.until(fd, isReadyFor: Int16(POLLOUT))
            let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw FrameError.closed(String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    /// Reads one frame; returns nil on a clean end of stream before the first byte. Every
    /// read waits as `wait` says, so a frame that stops halfway times out too.
    static func read(from fd: Int32, _ wait: FrameWait = .forever) throws -> Frame? {
        guard let headerLength = try readLength(fd, wait, allowEOF: true) else { return nil }
        guard headerLength <= maxHeader else { throw FrameError.malformed("header of \(headerLength) bytes") }
        let header = try readExactly(fd, headerLength, wait)
        guard let payloadLength = try readLength(fd, wait, allowEOF: false), payloadLength <= maxPayload else {
            throw FrameError.malformed("payload too large")
        }
        return Frame(header: header, payload: try readExactly(fd, payloadLength, wait))
    }

    private static func readLength(_ fd: Int32, _ wait: FrameWait, allowEOF: Bool) throws -> Int? {
        let bytes = try readExactly(fd, 4, wait, allowEOF: allowEOF)
        guard bytes.count == 4 else { return nil }
        return bytes.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
    }

    private static func readExactly(_ fd: Int32, _ count: Int, _ wait: FrameWait, allowEOF: Bool = false) throws -> Data {
        var data = Data(count: count)
        let got = try data.withUnsafeMutableBytes { try readExactly(fd, into: $0, wait, allowEOF: allowEOF) }
        return got ? data : Data()
    }

    /// Fills `buffer` from `fd`; false only on end of stream before the first byte, when allowed.
    static func readExactly(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, _ wait: FrameWait, allowEOF: Bool = false) throws -> Bool {
        var offset = 0
        while offset < buffer.count {
            try wait.until(fd, isReadyFor: Int16(POLLIN))
            let n = Glibc.read(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw FrameError.closed(String(cString: strerror(errno)))
            }
            if n == 0 {
                if allowEOF && offset == 0 { return false }
                throw FrameError.closed("end of stream after \(offset) of \(buffer.count) bytes")
            }
            offset += n
        }
        return true
    }

    static func le(_ value: UInt32) -> Data {
        withUnsafeBytes(of: value.littleEndian) { Data($0) }
    }
}

/// How long a frame's reads and writes may wait, and what else ends the wait: `watch` is a
/// descriptor whose readiness means "stop": in the parent, the pool's shutdown pipe (data or
/// end of stream); in a worker waiting for its child, the parent's pipe, where only its end
/// (`hangUpOnly`) means stop, since data there is the next request, queued ahead.
struct FrameWait {
    var deadline: ContinuousClock.Instant?
    var watch: Int32?
    var hangUpOnly = false

    static let forever = FrameWait(deadline: nil, watch: nil)

    /// Returns once `fd` is ready (or in error, which the read or write then reports).
    func until(_ fd: Int32, isReadyFor events: Int16) throws {
        while true {
            var fds = [pollfd(fd: fd, events: events, revents: 0)]
            // With no events asked for, poll still reports POLLHUP (and errors): the end alone.
            if let watch { fds.append(pollfd(fd: watch, events: hangUpOnly ? 0 : Int16(POLLIN), revents: 0)) }
            var timeout: Int32 = -1
            if let deadline {
                let left = deadline - ContinuousClock.now
                guard left > .zero else { throw FrameError.timedOut }
                let (seconds, attoseconds) = left.components
                timeout = Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            }
            let n = poll(&fds, nfds_t(fds.count), timeout)
            if n < 0 {
                if errno == EINTR { continue }
                throw FrameError.closed("poll: \(String(cString: strerror(errno)))")
            }
            if fds.count > 1 && fds[1].revents != 0 { throw FrameError.interrupted }
            if fds[0].revents != 0 { return }
        }
    }
}

enum FrameError: Error, CustomStringConvertible {
    case closed(String)
    case malformed(String)
    case timedOut
    case interrupted

    var description: String {
        switch self {
        case .closed(let why): return "pipe closed (\(why))"
        case .malformed(let why): return "malformed frame (\(why))"
        case .timedOut: return "timed out"
        case .interrupted: return "interrupted"
        }
    }
}

/// A pipe whose ends are close-on-exec from birth, so a process spawned by another thread in
/// the meantime cannot inherit them. nil with `errno` set on failure.
func closeOnExecPipe() -> (read: Int32, write: Int32)? {
    var fds: [Int32] = [-1, -1]
    guard pipe2(&fds, O_CLOEXEC) == 0 else { return nil }
    return (fds[0], fds[1])
}

/// Asks for a 1 MB pipe buffer (Linux's F_SETPIPE_SZ, 1031, which Glibc's module leaves out:
/// it needs _GNU_SOURCE). Best effort: an unprivileged process may get less, and 64 KB works.
func widenPipe(_ fd: Int32) {
    _ = fcntl(fd, 1031, Int32(1 << 20))
}
