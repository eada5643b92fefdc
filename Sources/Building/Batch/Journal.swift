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
