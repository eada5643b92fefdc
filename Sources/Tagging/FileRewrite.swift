import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file atomically: the new version is written to a temporary file beside it (same
/// folder, so same file system), flushed to disk, given the original's permissions and renamed
/// over it. A failure at any point leaves the original untouched and removes the temporary file.
/// A symbolic link is followed, so the file it points to is replaced, not the link.
enum FileRewrite {
    static func replace(_ link: URL, write: (FileOutput) throws -> Void) throws {
        let url = link.resolvingSymlinksInPath()
        let path = link.path   // for messages: the name the caller gave
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw TaggingError.io(path: path, reason: "cannot read the file's attributes (\(error.localizedDescription))")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw TaggingError.io(path: path, reason: "cannot create a temporary file in its folder")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            let output = FileOutput(handle: handle, path: path)
            do {
                try write(output)
                try output.flush()
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            if let permissions = attributes[.posixPermissions] {
                try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, url.path) == 0 else {
                throw TaggingError.io(path: path, reason: "cannot replace it (\(String(cString: strerror(errno)))); it is unchanged")
            }
        } catch let error as TaggingError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw TaggingError.io(path: path, reason: "cannot write the new version (\(error.localizedDescription)); it is unchanged")
        }
    }

    /// Copies `input` from its current position to the end, a MiB at a time.
    static func copyRest(of input: FileInput, to output: FileOutput) throws {
        while let chunk = try input.read(upTo: 1 << 20), !chunk.isEmpty {
            try output.write(chunk)
        }
    }
}
