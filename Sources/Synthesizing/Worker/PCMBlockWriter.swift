import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a forked speaker sends its reply while it speaks: PCM in blocks of up to 64 KB, each
/// preceded by its length (UInt32, little-endian), then a zero length, then the header's length
/// and the header. The worker (`RelayBuffer`) turns it into an ordinary frame for the parent.
/// Samples are copied once, into the block, and written with one system call a block.
final class PCMBlockWriter {
    private let fd: Int32
    private let capacity = 64 << 10
    private let block: UnsafeMutableRawPointer   // 4 bytes of length, then the samples
    private var filled = 0
    /// False once a write failed (the worker is gone); later writes are skipped.
    private(set) var ok = true

    init(fd: Int32) {
        self.fd = fd
        block = .allocate(byteCount: 4 + capacity, alignment: 8)
    }

    deinit { block.deallocate() }

    func write(_ samples: UnsafeBufferPointer<Int16>) {
        var raw = UnsafeRawBufferPointer(samples)
        while !raw.isEmpty {
            let n = min(raw.count, capacity - filled)
            (block + 4 + filled).copyMemory(from: raw.baseAddress!, byteCount: n)
            filled += n
            raw = UnsafeRawBufferPointer(rebasing: raw[n...])
            if filled == capacity { flush() }
        }
    }

    /// The PCM still buffered, the end mark and the header.
    func finish(header: Data) {
        flush()
        var tail = Data()
        for value in [UInt32(0), UInt32(header.count)] { withUnsafeBytes(of: value.littleEndian) { tail.append(contentsOf: $0) } }
        tail.append(header)
        tail.withUnsafeBytes { send($0) }
    }

    private func flush() {
        guard filled > 0 else { return }
        block.storeBytes(of: UInt32(filled).littleEndian, as: UInt32.self)
        send(UnsafeRawBufferPointer(start: block, count: 4 + filled))
        filled = 0
    }

    private func send(_ bytes: UnsafeRawBufferPointer) {
        guard ok else { return }
        ok = (try? Frame.writeAll(bytes, to: fd, .forever)) != nil
    }
}
