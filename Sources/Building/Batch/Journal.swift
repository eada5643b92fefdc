import EditionCore
import Foundation
import Synchronization

/// `.edition-journal.json` in the output folder: for each item, the build key and slug of its
/// last successful build. An item whose key is unchanged and whose files are all present is
/// up to date. Rewritten atomically the moment an item's files are committed (from whichever
/// thread finished it), so a crash loses at most the items in hand.
final class Journal: Sendable {
    struct Entry: Codable { var key: String; var slug: String; var files: [String] }
    let url: URL
    private let entries: Mutex<[String: Entry]>

    init(directory: URL) {
        url = directory.appendingPathComponent(".edition-journal.json")
        entries = Mutex((try? JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: url))) ?? [:])
    }

    func upToDate(_ name: String, key: String, in directory: URL) -> Entry? {
        guard let entry = entries.withLock({ $0[name] }), entry.key == key else { return nil }
        let present = entry.files.allSatisfy { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
        return present ? entry : nil
    }

    func record(_ name: String, _ entry: Entry) {
        entries.withLock { entries in
            entries[name] = entry
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            guard let data = try? encoder.encode(entries) else { return }
            let temp = url.deletingLastPathComponent().appendingPathComponent(".edition-journal.\(getpid()).tmp")
            if (try? data.write(to: temp)) != nil { rename(temp.path, url.path) }
        }
    }
}

/// Removes what a killed run left behind: temporary outputs and spools whose process is gone.
enum StaleFiles {
    static func sweep(_ directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".") {
            guard let pid = owner(of: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// The PID in ".x.wav.partial-123", ".edition-spool-123-ab12cd34.pcm" or ".edition-journal.123.tmp".
    static func owner(of name: String) -> pid_t? {
        if let range = name.range(of: ".partial-") { return pid_t(name[range.upperBound...]) }
        if name.hasPrefix(ScratchFile.prefix) { return pid_t(name.dropFirst(ScratchFile.prefix.count).split(separator: "-").first ?? "") }
        if name.hasPrefix(".edition-journal."), name.hasSuffix(".tmp") { return pid_t(name.split(separator: ".")[1]) }
        return nil
    }
}
