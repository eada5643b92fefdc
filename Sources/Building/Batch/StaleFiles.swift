import Audio
import EditionCore
import Foundation

/// Removes what a killed run left behind: temporary outputs and spools whose process is gone.
/// Only this machine's: a file of a process on another host sharing the folder is left alone.
enum StaleFiles {
    static func sweep(_ directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".") {
            guard let tag = tag(of: name), ProcessTag.isDead(tag) else { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// The process tag in ".x.wav.partial-<tag>", ".edition-spool-<tag>.pcm" or ".<record>.<tag>.tmp".
    static func tag(of name: String) -> Substring? {
        if let range = name.range(of: ".partial-") { return name[range.upperBound...] }
        if name.hasPrefix(ScratchFile.prefix) { return name.dropFirst(ScratchFile.prefix.count) }
        let parts = name.split(separator: ".")
        if name.hasSuffix(".tmp"), parts.count >= 3 { return parts[parts.count - 2] }
        return nil
    }
}
