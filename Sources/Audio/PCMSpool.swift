import EditionCore
import Foundation

/// Synthesized PCM parked on disk until the programme is complete. libsndfile needs every
/// marker before the first sample, and markers are known only at the end; spooling keeps
/// memory flat however long the programme is.
public final class PCMSpool: @unchecked Sendable {  // `count` and `handle` change only while one thread appends; readers open their own handles after
    public let url: URL
    private let handle: FileHandle
    public private(set) var count = 0

    public init(directory: URL) throws {
        (url, handle) = try ScratchFile.create(in: directory, extension: "pcm")
    }

    public func append(_ samples: [Int16]) throws {
        guard !samples.isEmpty else { return }
        try samples.withUnsafeBytes { try handle.write(contentsOf: $0) }
        count += samples.count
    }

    public func appendSilence(_ samples: Int) throws {
        var left = samples
        let block = [Int16](repeating: 0, count: 8192)
        while left > 0 {
            let n = min(left, block.count)
            try append(Array(block.prefix(n)))
            left -= n
        }
    }

    /// Streams the spooled samples back in blocks. Each call reads through its own descriptor at
    /// explicit offsets, so several encoders may read the same spool at once from different
    /// threads. `range` (in samples) reads only part of it, for encoders that work on segments.
    /// (pread into one buffer: FileHandle reads a file 4 KB per system call, 180,000 calls for
    /// 50 articles.)
    public func forEachBlock(in range: Range<Int>? = nil, _ body: (UnsafeBufferPointer<Int16>) throws -> Void) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let blockSamples = 1 << 17
        let block = UnsafeMutableBufferPointer<Int16>.allocate(capacity: blockSamples)
        defer { block.deallocate() }
        let stride = MemoryLayout<Int16>.stride
        var offset = (range?.lowerBound ?? 0) * stride
        var left = (range?.count ?? Int.max / stride) * stride
        while left > 0 {
            // Fill the block (a read may return less), ending on a whole sample.
            let want = min(blockSamples * stride, left)
            var got = 0
            while got < want {
                let n = pread(fd, UnsafeMutableRawPointer(block.baseAddress!) + got, want - got, off_t(offset + got))
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                if n == 0 { break }
                got += n
            }
            let samples = got / stride
            if samples == 0 { break }
            try body(UnsafeBufferPointer(rebasing: block[0..<samples]))
            offset += samples * stride
            left -= samples * stride
            if got < want { break }   // the end of the spool
        }
    }

    /// The samples at `range`, for looking at a short stretch (a pause to cut in).
    public func samples(in range: Range<Int>) throws -> [Int16] {
        var out: [Int16] = []
        out.reserveCapacity(range.count)
        try forEachBlock(in: range) { out.append(contentsOf: $0) }
        return out
    }

    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }

    deinit { discard() }
}
