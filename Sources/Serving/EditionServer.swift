import Foundation
import Hummingbird
import Logging
import NIOCore

/// `edition serve`: the HTTP service and its job runner over one data folder. The folder is
/// locked while the server runs, so a second server cannot share its jobs; every job left
/// `running` in the database at start therefore belongs to a server that died, and is re-queued.
public final class EditionServer: Sendable {
    let service: ServiceContext
    let runner: JobRunner
    let routes: RouteTable
    private let responder: RouterResponder<BasicRequestContext>
    private let lock: FolderLock

    public init(options: ServiceOptions, logger: Logger) throws {
        lock = try FolderLock(options.dataDirectory)
        let store = try ServiceStore(dataDirectory: options.dataDirectory)
        try FileManager.default.createDirectory(at: store.mediaDirectory, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: store.dataDirectory.appendingPathComponent("tmp"))  // speech left by a crash
        // Files a killed server was writing (their complete versions were never renamed into place).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: store.mediaDirectory.path)) ?? []
        where name.hasPrefix(".") && name.contains(".partial-") {
            try? FileManager.default.removeItem(at: store.mediaDirectory.appendingPathComponent(name))
        }
        service = try ServiceContext(options: options, store: store, logger: logger)
        runner = JobRunner(service: service)
        let router = Router(context: BasicRequestContext.self)
        // Middleware first: Hummingbird wraps each route with the middleware added before it.
        let table = APIRoutes.table(service: service, runner: runner)
        router.middlewares.add(MetricsMiddleware(metrics: service.metrics))
        router.middlewares.add(JSONErrorMiddleware(routes: table))
        var registered = RouteTable()
        APIRoutes(service: service, runner: runner).register(on: router, table: &registered)
        routes = registered
        responder = router.buildResponder()
    }

    /// Every route as `METHOD /path/{param}` (for the OpenAPI test).
    public var routeList: [(method: String, path: String)] { routes.routes.map { ($0.method.rawValue, $0.path) } }

    /// Where clients reach it (known once it listens).
    public var publicURL: String { service.publicURL }

    /// Serves until SIGTERM or SIGINT (then drains), or until the task is cancelled (a server
    /// inside another program, such as a test, passes `signals: false`). `onListening` gets
    /// the port actually bound.
    public func run(signals: Bool = true, onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let service = self.service
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(service.options.host, port: service.options.port), serverName: "edition"),
            services: [runner],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? service.options.port
                service.listening(host: service.options.host, port: port)
                onListening(port)
            },
            logger: service.logger)
        defer { service.narrator.shutdown() }
        try await app.runService(gracefulShutdownSignals: signals ? [.sigterm, .sigint] : [])
    }
}

/// An exclusive lock on the data folder for the life of the server (flock: released by the
/// kernel when the process dies, even by kill -9).
final class FolderLock: Sendable {
    let descriptor: Int32

    init(_ directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ServiceError.dataDirectory(directory.path, error.localizedDescription)
        }
        let path = directory.appendingPathComponent(".serve.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ServiceError.dataDirectory(directory.path, String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw ServiceError.inUse(directory.path)
        }
    }

    deinit { close(descriptor) }
}
