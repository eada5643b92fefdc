import Foundation

/// What every temporary file name carries: "<pid>-<random>-<host>". Many processes on many
/// hosts may share an output folder and a chunk cache on a shared file system; the random part
/// keeps their names apart, and the host lets a sweep tell a dead local process's leftovers
/// from a live process's files on another machine (whose pid means nothing here).
public enum ProcessTag {
    /// This machine, as 8 hex digits (FNV-1a of its host name).
    public static let host: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        let name = gethostname(&buffer, buffer.count) == 0 ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "unknown"
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return String(hash, radix: 16).leftPadded(8)
    }()

    public static func make() -> String {
        "\(getpid())-\(UUID().uuidString.prefix(8).lowercased())-\(host)"
    }

    /// The process a tag names, when it ran on this machine; nil for another host's tag. A
    /// "<pid>-<random>" tag of an earlier version counts as local.
    public static func localProcess(_ tag: Substring) -> pid_t? {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, let pid = pid_t(first) else { return nil }
        if parts.count >= 3 && parts[2].prefix(8) != host { return nil }
        return pid
    }

    /// Whether a tag's process is known to be gone: made here, and no such process exists.
    public static func isDead(_ tag: Substring) -> Bool {
        guard let pid = localProcess(tag), pid != getpid() else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}

extension String {
    /// Zero-padded on the left to `width` characters.
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
