import Foundation
import Publishing
import Synchronization

/// `/` and `/episodes/{id}`: the pages `edition site` writes, made by the same generator over
/// the service's media folder, with links into the service's routes. Kept until an episode
/// changes (a generation count keeps a page made before a change from being kept after it).
final class SitePages: Sendable {
    let store: ServiceStore
    let feed: FeedCache
    private let cached = Mutex<(generation: Int, pages: [String: String])>((0, [:]))

    init(store: ServiceStore, feed: FeedCache) {
        self.store = store
        self.feed = feed
    }

    func invalidate() { cached.withLock { $0 = ($0.generation + 1, [:]) } }

    func index(publicURL: String) throws -> String {
        try page("index", publicURL: publicURL) { generator -> String? in
            try FileManager.default.createDirectory(at: store.mediaDirectory, withIntermediateDirectories: true)
            let known = Set(try store.episodes().filter { $0.readyAt != nil }.map(\.id))
            return generator.indexPage(try SiteEpisode.all(in: store.mediaDirectory).filter { known.contains($0.slug) })
        } ?? ""
    }

    /// Nil when there is no such ready episode.
    func episode(_ id: String, publicURL: String) throws -> String? {
        guard try store.episode(id)?.readyAt != nil else { return nil }
        return try page("episode " + id, publicURL: publicURL) { generator in
            try SiteEpisode.find(id, in: store.mediaDirectory).map(generator.episodePage)
        }
    }

    private func page(_ key: String, publicURL: String, make: (SiteGenerator) throws -> String?) throws -> String? {
        let key = publicURL + " " + key
        let (generation, hit) = cached.withLock { ($0.generation, $0.pages[key]) }
        if let hit { return hit }
        let links = SiteLinks(mediaPrefix: publicURL + "/media/", pagePrefix: publicURL + "/episodes/", pageSuffix: "",
                              assetPrefix: publicURL + "/site/", index: publicURL + "/", feed: publicURL + "/feed.xml",
                              canonicalPrefix: publicURL + "/episodes/")
        let generator = SiteGenerator(directory: store.mediaDirectory, site: SiteInfo(podcast: try feed.podcastConfig()), links: links)
        guard let html = try make(generator) else { return nil }
        cached.withLock { if $0.generation == generation { $0.pages[key] = html } }
        return html
    }
}
