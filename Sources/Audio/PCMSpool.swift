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

    /// Streams the spooled samples back in blocks. Each call reads through its own handle,
    /// so several encoders may read the same spool at once from different threads.
    /// `range` (in samples) reads only part of it, for encoders that work on segments.
    public func forEachBlock(in range: Range<Int>? = nil, _ body: (UnsafeBufferPointer<Int16>) throws -> Void) throws {
        let reader = try FileHandle(forReadingFrom: url)
        defer { try? reader.close() }
        let stride = MemoryLayout<Int16>.stride
        var left = (range?.count ?? Int.max / stride) * stride
        if let start = range?.lowerBound, start > 0 { try reader.seek(toOffset: UInt64(start * stride)) }
        while left > 0, let data = try reader.read(upToCount: min(1 << 18, left)), !data.isEmpty {
            left -= data.count
            try data.withUnsafeBytes { raw in
                try body(raw.bindMemory(to: Int16.self))
            }
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
