import Building
import Foundation
import Publishing
import Synchronization

/// `/feed.xml`: the feed writer's XML over the media folder (the same assembler as
/// `edition feed`), with each item's guid the episode's own, so a corrected article stays one
/// item. Kept until an episode changes; a generation count keeps a feed assembled before a
/// change from being kept after it.
final class FeedCache: Sendable {
    let store: ServiceStore
    let config: URL?
    private let cached = Mutex<(generation: Int, feed: (xml: String, base: String)?)>((0, nil))

    init(store: ServiceStore, config: URL?) {
        self.store = store
        self.config = config
    }

    func invalidate() { cached.withLock { $0 = ($0.generation + 1, nil) } }

    func xml(publicURL: String) throws -> String {
        let (generation, hit) = cached.withLock { ($0.generation, $0.feed) }
        if let hit, hit.base == publicURL { return hit.xml }
        var podcast = try podcastConfig()
        podcast.baseURL = publicURL + "/media/"
        podcast.feedURL = publicURL + "/feed.xml"
        var problems: [String] = []
        try FileManager.default.createDirectory(at: store.mediaDirectory, withIntermediateDirectories: true)
        var items = try FeedAssembler(directory: store.mediaDirectory, format: .audio(.mp3)).items(problems: &problems)
        let guids = Dictionary(try store.episodes().map { ($0.id, $0.guid) }, uniquingKeysWith: { a, _ in a })
        items = items.compactMap { item in
            guard let guid = guids[item.episode.slug] else { return nil }  // files of a deleted episode
            var item = item
            item.guid = guid
            return item
        }
        let xml = FeedWriter.xml(podcast, items: items)
        cached.withLock { if $0.generation == generation { $0.feed = (xml, publicURL) } }
        return xml
    }

    func podcastConfig() throws -> PodcastConfig {
        if let config { return try PodcastConfig.load(config) }
        return try PodcastConfig.parse(yaml: Self.defaultConfig, file: "(built-in podcast config)")
    }

    /// Used without `--config`: enough for a valid feed; `edition feed init` writes a real one.
    static let defaultConfig = """
        title: Audio editions
        description: Narrated articles, made by edition serve.
        author: edition
        image: https://example.org/cover.jpg
        language: en-us
        categories:
          - News
        explicit: false
        baseURL: http://localhost/media/
        feedURL: http://localhost/feed.xml
        type: episodic
        """
}
