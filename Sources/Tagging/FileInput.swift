import Foundation

/// Sequential reads from the file being tagged, with errors that name it.
final class FileInput {
    let path: String
    private let handle: FileHandle
    /// Bytes consumed so far.
    private(set) var offset: UInt64 = 0

    init(_ url: URL) throws {
        path = url.path
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw TaggingError.io(path: url.path, reason: "cannot open it (\(error.localizedDescription))")
        }
    }

    deinit { try? handle.close() }

    /// Up to `count` bytes; empty at the end of the file.
    func read(upTo count: Int) throws -> [UInt8]? {
        do {
            let data = try handle.read(upToCount: count) ?? Data()
            offset += UInt64(data.count)
            return [UInt8](data)
        } catch {
            throw TaggingError.io(path: path, reason: "cannot read it (\(error.localizedDescription))")
        }
    }

    /// Exactly `count` bytes, or `corruptFile` naming `what` when the file ends first.
    func read(exactly count: Int, _ what: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            guard let chunk = try read(upTo: count - bytes.count), !chunk.isEmpty else {
                throw TaggingError.corruptFile(path: path, reason: "it ends inside \(what)")
            }
            bytes += chunk
        }
        return bytes
    }

    /// The file's length in bytes, for bounding lengths read from it before reading them.
    func size() throws -> UInt64 {
        do {
            let here = offset
            let end = try handle.seekToEnd()
            try seek(to: here)
            return end
        } catch let error as TaggingError {
            throw error
        } catch {
            throw TaggingError.io(path: path, reason: "cannot read it (\(error.localizedDescription))")
        }
    }

    func seek(to position: UInt64) throws {
        do {
            try handle.seek(toOffset: position)
            offset = position
        } catch {
            throw TaggingError.io(path: path, reason: "cannot read it (\(error.localizedDescription))")
        }
    }
}
