import Audio
import Foundation

/// Removes what a killed run left behind: temporary outputs and spools whose process is gone.
enum StaleFiles {
    static func sweep(_ directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".") {
            guard let pid = owner(of: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// The PID in ".x.wav.partial-123-ab12cd34", ".edition-spool-123-ab12cd34.pcm" or ".edition-journal.123.tmp".
    static func owner(of name: String) -> pid_t? {
        if let range = name.range(of: ".partial-") { return pid_t(name[range.upperBound...].split(separator: "-").first ?? "") }
        if name.hasPrefix(ScratchFile.prefix) { return pid_t(name.dropFirst(ScratchFile.prefix.count).split(separator: "-").first ?? "") }
        if name.hasPrefix(".edition-journal."), name.hasSuffix(".tmp") { return pid_t(name.split(separator: ".")[1]) }
        return nil
    }
}
