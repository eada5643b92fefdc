/// Where a page's links point. A static site keeps everything in one folder with relative
/// links, so it works under any path on any static host; `edition serve` puts pages, media
/// and the player's files under their own routes.
public struct SiteLinks: Sendable {
    public var mediaPrefix: String
    public var pagePrefix: String
    public var pageSuffix: String
    public var assetPrefix: String
    public var index: String
    public var feed: String?
    /// The public address of the pages, for `<link rel="canonical">`; nil when unknown.
    public var canonicalPrefix: String?

    public init(mediaPrefix: String, pagePrefix: String, pageSuffix: String, assetPrefix: String,
                index: String, feed: String?, canonicalPrefix: String?) {
        self.mediaPrefix = mediaPrefix
        self.pagePrefix = pagePrefix
        self.pageSuffix = pageSuffix
        self.assetPrefix = assetPrefix
        self.index = index
        self.feed = feed
        self.canonicalPrefix = canonicalPrefix
    }

    /// A static site in one folder; `baseURL` is where it will be published, if known.
    public static func staticSite(baseURL: String?, feed: Bool) -> SiteLinks {
        let base = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        return SiteLinks(mediaPrefix: "", pagePrefix: "", pageSuffix: ".html", assetPrefix: "", index: "index.html",
                         feed: feed ? "feed.xml" : nil, canonicalPrefix: base)
    }

    /// The page of an episode, relative to the site's root: `<slug>.html`, except that an
    /// episode called "index" must not replace the episode list.
    public static func pageName(_ slug: String) -> String {
        slug == "index" ? "index-episode" : slug
    }

    func media(_ name: String) -> String { mediaPrefix + HTML.fileURL(name) }
    func page(_ slug: String) -> String { pagePrefix + HTML.fileURL(Self.pageName(slug)) + pageSuffix }
    func asset(_ name: String) -> String { assetPrefix + name }
    func canonical(_ slug: String?) -> String? {
        guard let canonicalPrefix else { return nil }
        return canonicalPrefix + (slug.map { HTML.fileURL(Self.pageName($0)) + pageSuffix } ?? "")
    }
}
