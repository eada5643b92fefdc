import Foundation
import Publishing

/// `/` and `/episodes/{id}`: the pages `edition site` writes, made by the same generator over
/// the service's media folder, with links into the service's routes. Kept until an episode changes.
final class SitePages: Sendable {
    let store: ServiceStore
    let feed: FeedCache
    private let cached = ChangeCache<String>()

    init(store: ServiceStore, feed: FeedCache) {
        self.store = store
        self.feed = feed
    }

    func invalidate() { cached.invalidate() }

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
        try cached.value(publicURL + " " + key) { try make(generator(publicURL: publicURL)) }
    }

    private func generator(publicURL: String) throws -> SiteGenerator {
        let links = SiteLinks(mediaPrefix: publicURL + "/media/", pagePrefix: publicURL + "/episodes/", pageSuffix: "",
                              assetPrefix: publicURL + "/site/", index: publicURL + "/", feed: publicURL + "/feed.xml",
                              canonicalPrefix: publicURL + "/episodes/")
        return SiteGenerator(directory: store.mediaDirectory, site: SiteInfo(podcast: try feed.podcastConfig()), links: links)
    }
}
