import Audio
import Foundation
import Mastering

/// The cache also keeps encoded MP3 parts (`Master.keptParts`): a corrected article then encodes
/// again only the parts its correction touched. An entry is the part's joining facts as JSON,
/// then its MP3 bytes; it shares the takes' folders, least-recently-used order and size cap.
extension ChunkCache: EncodedPartStore {
    static let partMagic = Array("EDMP3P1\n".utf8)
    static let partSuffix = ".mp3part"

    func partURL(_ key: String) -> URL {
        directory.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key + Self.partSuffix)
    }

    public func loadPart(_ key: String, to path: String) -> MP3Part? {
        let url = partURL(key)
        guard let data = try? Data(contentsOf: url), data.count > Self.partMagic.count + 4,
              Array(data.prefix(Self.partMagic.count)) == Self.partMagic else { return nil }
        let headerStart = Self.partMagic.count + 4
        let headerLength = data.subdata(in: Self.partMagic.count..<headerStart).withUnsafeBytes {
            Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)))
        }
        guard headerStart + headerLength < data.count,
              let facts = try? JSONDecoder().decode(PartFacts.self, from: data.subdata(in: headerStart..<(headerStart + headerLength))),
              FileManager.default.createFile(atPath: path, contents: data.subdata(in: (headerStart + headerLength)..<data.count)) else { return nil }
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
        return MP3Part(path: path, encodedFrames: facts.encodedFrames, padding: facts.padding, tagFrame: facts.tagFrame)
    }

    public func storePart(_ part: MP3Part, key: String) {
        let url = partURL(key)
        guard let bytes = try? Data(contentsOf: URL(fileURLWithPath: part.path)),
              let header = try? JSONEncoder().encode(PartFacts(encodedFrames: part.encodedFrames, padding: part.padding, tagFrame: part.tagFrame))
        else { return }
        var entry = Data(Self.partMagic)
        withUnsafeBytes(of: UInt32(header.count).littleEndian) { entry.append(contentsOf: $0) }
        entry.append(header)
        entry.append(bytes)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written whole under a temporary name and renamed: a crash never leaves a torn entry.
        try? entry.write(to: url, options: .atomic)
    }

    /// What joining a kept part needs besides its bytes.
    struct PartFacts: Codable {
        var encodedFrames: Int
        var padding: Int
        var tagFrame: [UInt8]
    }
}
