import EditionCore
import Foundation

/// Working files parked beside the output while a programme is made: PCM, timed words.
/// The name carries the PID so a later run can tell a dead run's leftovers from a live one's
/// (`StaleFiles.sweep`), and the leading dot keeps them out of listings.
public enum ScratchFile {
    public static let prefix = ".edition-spool-"

    /// Creates an empty scratch file and opens it for writing.
    public static func create(in directory: URL, extension ext: String) throws -> (URL, FileHandle) {
        let url = directory.appendingPathComponent("\(prefix)\(ProcessTag.make()).\(ext)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw failure(url.path) }
        return (url, try FileHandle(forUpdating: url))
    }

    /// The error of the last failed system call on `path`, as the system named it (ENOSPC is
    /// "No space left on device", not "no permission").
    public static func failure(_ path: String) -> Error {
        let code = errno
        return CocoaError(.fileWriteUnknown, userInfo: [
            NSFilePathErrorKey: path,
            NSLocalizedDescriptionKey: "cannot write a working file in \((path as NSString).deletingLastPathComponent): \(String(cString: strerror(code)))",
            NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO),
        ])
    }
}
