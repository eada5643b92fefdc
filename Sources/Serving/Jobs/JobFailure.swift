import Foundation

/// The sentence a failed job reports. The narration's own error already names the problem
/// (unreadable article, unknown voice…); a full disk is recognised and said plainly, since its
/// symptoms (a write error deep in an encoder) do not tell a person what to do.
enum JobFailure {
    static func message(for error: Error, dataDirectory: URL) -> String {
        if isDiskFull(error) || freeBytes(dataDirectory).map({ $0 < 16 << 20 }) == true {
            let free = freeBytes(dataDirectory).map { " (\($0 >> 20) MiB free)" } ?? ""
            return "the disk holding the data folder is full\(free): free space, then post the article again; no partial file was left"
        }
        let text = error.localizedDescription
        return text.isEmpty ? "narration failed: \(error)" : text
    }

    static func isDiskFull(_ error: Error) -> Bool {
        var current: Error? = error
        var depth = 0
        while let e = current, depth < 8 {
            let ns = e as NSError
            if ns.domain == NSPOSIXErrorDomain && (ns.code == Int(ENOSPC) || ns.code == Int(EDQUOT)) { return true }
            if ns.domain == NSCocoaErrorDomain && ns.code == CocoaError.fileWriteOutOfSpace.rawValue { return true }
            let text = e.localizedDescription.lowercased()
            if text.contains("no space left") || text.contains("disk quota") || text.contains("out of space") { return true }
            current = (Mirror(reflecting: e).children.first { $0.label == "underlying" }?.value as? Error) ?? ns.userInfo[NSUnderlyingErrorKey] as? Error
            depth += 1
        }
        return false
    }

    static func freeBytes(_ directory: URL) -> Int? {
        var info = statvfs()
        guard statvfs(directory.path, &info) == 0 else { return nil }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }
}
