import EditionCore
import Foundation

/// `.edition-journal/` in the output folder: one small record per item, `<digest of its
/// name>.json`, holding the build key and slug of its last successful build. An item whose key
/// is unchanged and whose files are all present is up to date. Each record is written under a
/// temporary name and renamed the moment the item's files are committed, so a crash loses at
/// most the items in hand, and builds on many hosts sharing one folder never write the same
/// file: an item belongs to one shard. (A `.edition-journal.json` of an earlier version is
/// still read.)
final class Journal: Sendable {
    struct Entry: Codable, Sendable {
        var key: String
        var slug: String
        var files: [String]
        /// The slug before a `-2` suffix made it unique: what the item is called when slugs are
        /// handed out again, without reading the article. Absent in records of earlier versions.
        var baseSlug: String?
        /// The language the article was read as, and from which bytes: a no-change rebuild picks
        /// the voice without parsing the article again (that was half of its time).
        var language: LanguageMemo?
    }

    /// What reading an article's bytes (by this version of the tool) said its language is.
    struct LanguageMemo: Codable, Sendable, Equatable {
        /// The tool's version and the digest of the source's bytes.
        var source: String
        var language: String?

        static func source(of bytes: Data) -> String { EditionVersion.current + " " + Digest.sha256(bytes) }
    }
    static let folderName = ".edition-journal"
    let folder: URL
    private let legacy: [String: Entry]

    init(directory: URL) {
        folder = directory.appendingPathComponent(Self.folderName)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = directory.appendingPathComponent(".edition-journal.json")
        legacy = (try? JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: old))) ?? [:]
        StaleFiles.sweep(folder)
    }

    struct Record: Codable { var name: String; var entry: Entry }

    func entry(_ name: String) -> Entry? {
        let url = folder.appendingPathComponent(Self.fileName(name))
        if let data = try? Data(contentsOf: url), let record = try? JSONDecoder().decode(Record.self, from: data), record.name == name {
            return record.entry
        }
        return legacy[name]
    }

    func upToDate(_ name: String, key: String, in directory: URL) -> Entry? {
        guard let entry = entry(name), entry.key == key else { return nil }
        let present = entry.files.allSatisfy { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
        return present ? entry : nil
    }

    func record(_ name: String, _ entry: Entry) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(Record(name: name, entry: entry)) else { return }
        let file = Self.fileName(name)
        let temp = folder.appendingPathComponent(".\(file).\(ProcessTag.make()).tmp")
        if (try? data.write(to: temp)) != nil, rename(temp.path, folder.appendingPathComponent(file).path) != 0 {
            try? FileManager.default.removeItem(at: temp)
        }
    }

    static func fileName(_ name: String) -> String { String(Digest.sha256(Data(name.utf8)).prefix(32)) + ".json" }
}
