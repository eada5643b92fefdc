import Crypto
import EditionCore
import Foundation
import Synthesizing

/// A content-addressed store of synthesized chunks (and of encoded MP3 parts: see
/// `ChunkCache+EncodedParts`). The key covers everything that changes the
/// audio: the spoken text (after normalization and the lexicon, so a lexicon edit re-speaks just
/// the chunks it touches), the engine settings, the engine's version and this format's version.
/// Entries are written under a temporary name and renamed, so a crash never leaves a torn one.
public final class ChunkCache: Sendable {
    public let directory: URL
    /// 2: takes are spoken by a freshly forked engine, so they no longer depend on what the
    /// worker spoke before; entries from version 1 are never reused.
    static let formatVersion = 2
    static let magic = Array("EDTAKE1\n".utf8)

    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// `$EDITION_CACHE`, else `$XDG_CACHE_HOME/edition`, else `~/.cache/edition`.
    public static var defaultDirectory: URL {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["EDITION_CACHE"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appendingPathComponent("edition") }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/edition")
    }

    /// The settings enter as sorted-key JSON, so a new engine field changes every key rather
    /// than serving stale audio.
    public func key(text: String, settings: EngineSettings) -> String { keys(for: settings)([text]) }

    /// The key function for one voice's settings (encoded once, not per chunk), given a run's
    /// texts up to and including the chunk's own: a chunk spoken after others in one speaker
    /// sounds as it does after them (`SynthesisJob`), so they are part of its name. A chunk
    /// that opens its run has the key it had before runs existed: its take is the same.
    public func keys(for settings: EngineSettings) -> ([String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let engine = (try? encoder.encode(settings)).map { String(decoding: $0, as: UTF8.self) } ?? "\(settings)"
        var prefix = SHA256()
        for field in ["v\(Self.formatVersion)", SpeechEngine.version, engine] {
            prefix.update(data: Data(field.utf8))
            prefix.update(data: Data([0]))
        }
        return { texts in
            var hasher = prefix
            for text in texts {   // chunk texts hold no NUL: reading drops control characters
                hasher.update(data: Data(text.utf8))
                hasher.update(data: Data([0]))
            }
            return Hex.string(hasher.finalize())
        }
    }

    func url(_ key: String) -> URL {
        directory.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key + ".take")
    }

    public func load(_ key: String) -> Take? {
        let url = url(key)
        guard let data = try? Data(contentsOf: url), data.count > Self.magic.count + 4,
              Array(data.prefix(Self.magic.count)) == Self.magic else { return nil }
        let lengthAt = Self.magic.count
        let headerLength = data.subdata(in: lengthAt..<(lengthAt + 4)).withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
        let headerStart = lengthAt + 4
        guard headerStart + headerLength <= data.count,
              let header = try? JSONDecoder().decode(Header.self, from: data.subdata(in: headerStart..<(headerStart + headerLength))) else { return nil }
        let pcm = (headerStart + headerLength)..<data.count
        guard pcm.count == header.samples * 2 else { return nil }
        // Touch it, so pruning drops the least recently used entries first.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
        let samples = [Int16](unsafeUninitializedCapacity: header.samples) { buffer, count in
            data.withUnsafeBytes { raw in UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[pcm])) }
            count = header.samples
        }
        return Take(sampleRate: header.sampleRate, samples: samples, words: header.words)
    }

    public func store(_ take: Take, key: String) {
        let url = url(key)
        guard let header = try? JSONEncoder().encode(Header(sampleRate: take.sampleRate, samples: take.samples.count, words: take.words)) else { return }
        var prefix = Data(Self.magic)
        withUnsafeBytes(of: UInt32(header.count).littleEndian) { prefix.append(contentsOf: $0) }
        prefix.append(header)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(key).\(ProcessTag.make()).tmp")
        // The PCM is written from the take itself, not copied into one buffer with the header
        // first: that copy cost a page fault per 4 KB on every chunk a service speaks.
        func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }   // a cache that cannot be written is only slower
        let written = prefix.withUnsafeBytes { write(fd, $0) } && take.samples.withUnsafeBytes { write(fd, $0) }
        if close(fd) != 0 || !written || rename(temp.path, url.path) != 0 { unlink(temp.path) }
    }

    /// Entries and bytes on disk.
    public func size() -> (entries: Int, bytes: Int) {
        entries().reduce((0, 0)) { ($0.0 + 1, $0.1 + $1.bytes) }
    }

    /// Removes the least recently used entries until the cache is at most `maxBytes`.
    @discardableResult
    public func prune(maxBytes: Int) -> (removed: Int, freed: Int) {
        var all = entries().sorted { $0.used < $1.used }
        var total = all.reduce(0) { $0 + $1.bytes }
        var removed = 0, freed = 0
        while total > maxBytes, !all.isEmpty {
            let oldest = all.removeFirst()
            if (try? FileManager.default.removeItem(at: oldest.url)) != nil {
                total -= oldest.bytes; freed += oldest.bytes; removed += 1
            }
        }
        return (removed, freed)
    }

    /// Every entry with its size and last use, read with readdir and fstatat: Foundation's
    /// enumerator with resource values cost about 0.1 ms an entry, a quarter of a second for a
    /// few thousand.
    private func entries() -> [(url: URL, bytes: Int, used: Date)] {
        var result: [(URL, Int, Date)] = []
        for shard in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
            let folder = directory.appendingPathComponent(shard)
            guard let dir = opendir(folder.path) else { continue }
            defer { closedir(dir) }
            let fd = dirfd(dir)
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name.hasSuffix(".take") || name.hasSuffix(Self.partSuffix), !name.hasPrefix(".") else { continue }
                var info = stat()
                guard fstatat(fd, name, &info, 0) == 0 else { continue }
                let used = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
                result.append((folder.appendingPathComponent(name), Int(info.st_size), used))
            }
        }
        return result
    }

    struct Header: Codable {
        var sampleRate: Int
        var samples: Int
        var words: [WordEvent]
    }
}
