import Building
import Foundation
import Publishing

/// `/feed.xml`: the feed writer's XML over the media folder (the same assembler as
/// `edition feed`), with each item's guid the episode's own, so a corrected article stays one
/// item. Kept until an episode changes.
final class FeedCache: Sendable {
    let store: ServiceStore
    let config: URL?
    private let cached = ChangeCache<String>(capacity: 8)

    init(store: ServiceStore, config: URL?) {
        self.store = store
        self.config = config
    }

    func invalidate() { cached.invalidate() }

    func xml(publicURL: String) throws -> String {
        try cached.value(publicURL) { try assemble(publicURL: publicURL) }!
    }

    private func assemble(publicURL: String) throws -> String {
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
        return FeedWriter.xml(podcast, items: items)
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
