import Building
import Settings
import Foundation
import Logging
import NIOCore
import Synchronization

/// How `edition serve` runs; every field has the CLI's default.
public struct ServiceOptions: Sendable {
    public var dataDirectory: URL
    public var host: String = "127.0.0.1"
    /// 0 picks a free port (tests); `ServiceContext.publicURL` then tells which.
    public var port: Int = 8080
    /// Where clients reach the service (behind a proxy: its https address); default http://host:port.
    public var publicURL: String?
    public var podcastConfig: URL?
    /// Synthesis worker processes.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Narrations run at once (they share the workers chunk by chunk).
    public var concurrentJobs: Int = 2
    public var maxBody: Int = 10 << 20
    public var allowLoopbackWebhooks = false
    public var cacheMax: Int = 2 << 30
    /// Finished job records are forgotten after this long (episodes stay).
    public var jobRetention: TimeInterval = 7 * 86_400
    /// A running job's lease; the runner renews it every third of it.
    public var lease: TimeInterval = 30
    /// On SIGTERM, running jobs have this long to finish before they are re-queued.
    public var drainTimeout: TimeInterval = 60
    /// A job interrupted more often than this (its server died each time) fails.
    public var maxAttempts = 3
    public var workerExecutable: String
    public var voices: VoiceLibrary?
    public var workerEnvironment: [String: String] = [:]
    public var webhookBackoff: [Duration] = [.seconds(1), .seconds(4), .seconds(15), .seconds(60), .seconds(300)]

    public init(dataDirectory: URL, workerExecutable: String) {
        self.dataDirectory = dataDirectory
        self.workerExecutable = workerExecutable
    }
}

/// What every route and the job runner share: the store, the narrator, the feed, webhooks
/// and metrics, made once when the server starts.
final class ServiceContext: Sendable {
    let options: ServiceOptions
    let store: ServiceStore
    let narrator: Narrator
    let voiceNames: Set<String>
    let metrics = ServiceMetrics()
    let webhooks: WebhookSender
    let feed: FeedCache
    let site: SitePages
    /// `GET /v1/episodes/{id}`'s body, and each ready episode's file names for media requests.
    let episodeViews = ChangeCache<ByteBuffer>()
    let episodeFiles = ChangeCache<Set<String>>()
    let cacheKeeper: CacheKeeper
    let logger: Logger
    private let boundURL = Mutex<String?>(nil)

    init(options: ServiceOptions, store: ServiceStore, logger: Logger) throws {
        self.options = options
        self.store = store
        self.logger = logger
        let cache = store.cacheDirectory
        narrator = try Narrator(.init(workerExecutable: options.workerExecutable, jobs: options.jobs, cacheDirectory: cache,
                                      voices: options.voices, workerEnvironment: options.workerEnvironment))
        voiceNames = Set(try narrator.voices.names())
        webhooks = WebhookSender(store: store, allowLocal: options.allowLoopbackWebhooks, backoff: options.webhookBackoff, logger: logger)
        feed = FeedCache(store: store, config: options.podcastConfig)
        site = SitePages(store: store, feed: feed)
        cacheKeeper = CacheKeeper(cache: narrator.producer.cache, maxBytes: options.cacheMax)
    }

    /// The address clients use: `--public-url`, else where the server is listening.
    var publicURL: String {
        if let url = options.publicURL { return url.hasSuffix("/") ? String(url.dropLast()) : url }
        return boundURL.withLock { $0 } ?? "http://\(options.host):\(options.port)"
    }

    /// An episode was made, remade or deleted: the feed and the pages show it from now on.
    func episodesChanged() {
        feed.invalidate()
        site.invalidate()
        episodeViews.invalidate()
        episodeFiles.invalidate()
    }

    func listening(host: String, port: Int) {
        let shown = host.contains(":") ? "[\(host)]" : host
        boundURL.withLock { $0 = "http://\(shown):\(port)" }
    }
}
