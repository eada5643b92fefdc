import Foundation

/// Buffered writes to the temporary file (Ogg pages are a few KiB each).
final class FileOutput {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []

    init(handle: FileHandle, path: String) {
        self.handle = handle
        self.path = path
        buffer.reserveCapacity(1 << 20)
    }

    func write<C: Collection>(_ bytes: C) throws where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw TaggingError.io(path: path, reason: "cannot write the new version (\(error.localizedDescription))")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
