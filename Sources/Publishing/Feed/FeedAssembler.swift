import EditionCore
import Foundation

/// The audio format of a feed's enclosures, and how to make one from an episode's WAV master
/// (Mastering's transcoder, passed in by the composer: Publishing does not encode audio).
public struct EnclosureFormat: Sendable {
    public var fileExtension: String
    public var mimeType: String
    public var encode: @Sendable (_ master: String, _ path: String, _ chapters: [Chapter], _ tags: EpisodeTags) throws -> Void

    public init(fileExtension: String, mimeType: String,
                encode: @escaping @Sendable (_ master: String, _ path: String, _ chapters: [Chapter], _ tags: EpisodeTags) throws -> Void) {
        self.fileExtension = fileExtension
        self.mimeType = mimeType
        self.encode = encode
    }
}

/// Gathers the episodes in an output folder into feed items: reads each `<slug>.json`, finds
/// the enclosure in the podcast format — creating it from the episode's master WAV when it is
/// missing — and notes which sidecars are there. A malformed episode is reported and skipped.
public struct FeedAssembler: Sendable {
    public var directory: URL
    public var format: EnclosureFormat

    public init(directory: URL, format: EnclosureFormat) {
        self.directory = directory
        self.format = format
    }

    public func items(problems: inout [String]) throws -> [FeedItem] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var items: [FeedItem] = []
        for name in names where EpisodeJSON.isMetadataName(name) {
            let url = directory.appendingPathComponent(name)
            guard let episode = try? EpisodeJSON.read(url) else {
                problems.append("\(name): not an episode's metadata; skipped")
                continue
            }
            do {
                items.append(try item(for: episode, names: Set(names)))
            } catch {
                problems.append("\(name): \(error.localizedDescription); skipped")
            }
        }
        problems += FeedItem.makeGUIDsUnique(&items)
        return items
    }

    func item(for episode: Episode, names: Set<String>) throws -> FeedItem {
        let enclosure = "\(episode.slug).\(format.fileExtension)"
        let path = directory.appendingPathComponent(enclosure).path
        if !FileManager.default.fileExists(atPath: path) {
            let master = directory.appendingPathComponent("\(episode.slug).wav").path
            guard FileManager.default.fileExists(atPath: master) else {
                throw FeedError.episode(enclosure, "missing, and there is no \(episode.slug).wav master to make it from")
            }
            let temp = directory.appendingPathComponent(".\(enclosure).partial-\(ProcessTag.make())").path
            do {
                let chapters = episode.chapters.map { Chapter(title: $0.title, start: Int(($0.startTime * Double(episode.sampleRate)).rounded())) }
                let tags = EpisodeTags(title: episode.title, artist: episode.authors.isEmpty ? nil : episode.authors.joined(separator: ", "),
                                       date: episode.publishedISO.map { String($0.prefix(10)) }, comment: episode.url,
                                       software: episode.generator)
                try format.encode(master, temp, chapters, tags)
                guard rename(temp, path) == 0 else { throw FeedError.episode(enclosure, "cannot be moved into place") }
            } catch {
                try? FileManager.default.removeItem(atPath: temp)
                throw error
            }
        }
        let bytes = ((try FileManager.default.attributesOfItem(atPath: path))[.size] as? NSNumber)?.intValue ?? 0
        let date = episode.publishedISO.flatMap { ISO8601DateFormatter().date(from: $0) }
        return FeedItem(episode: episode, enclosure: (enclosure, bytes, format.mimeType), date: date, sidecars: names)
    }
}
