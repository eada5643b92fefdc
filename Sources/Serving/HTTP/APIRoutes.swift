import Foundation
import Hummingbird
import Publishing

/// The service's routes. Each is declared once, here, with its handler; `RouteTable` collects
/// the list for 405 answers and for the OpenAPI test.
struct APIRoutes {
    let service: ServiceContext
    let runner: JobRunner
    let media = MediaResponder()

    /// The routes alone (for middleware that must exist before the routes are registered).
    static func table(service: ServiceContext, runner: JobRunner) -> RouteTable {
        var table = RouteTable()
        APIRoutes(service: service, runner: runner).register(on: nil, table: &table)
        return table
    }

    func register(on router: Router<BasicRequestContext>?, table: inout RouteTable) {
        func on(_ method: HTTPRequest.Method, _ path: String,
                _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response) {
            table.add(method, path)
            router?.on(RouterPath(RouteTable.routerPath(path)), method: method, use: handler)
        }
        let service = self.service, runner = self.runner, media = self.media

        on(.get, "/healthz") { _, _ in
            _ = try service.store.jobCounts()  // the database answers
            return JSONBody.response(["status": "ok"])
        }
        on(.get, "/metrics") { _, _ in
            let text = service.metrics.text(jobs: try service.store.jobCounts())
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        on(.get, "/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .accessControlAllowOrigin: "*"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        on(.get, "/feed.xml") { _, _ in
            let xml = try service.feed.xml(publicURL: service.publicURL)
            return Response(status: .ok, headers: [.contentType: "application/rss+xml; charset=utf-8", .accessControlAllowOrigin: "*"],
                            body: .init(byteBuffer: ByteBuffer(string: xml)))
        }
        on(.get, "/") { _, _ in
            Self.html(try service.site.index(publicURL: service.publicURL))
        }
        on(.get, "/episodes/{id}") { _, context in
            let id = try service.id(context, "id", prefix: "ep")
            guard let html = try service.site.episode(id, publicURL: service.publicURL) else {
                throw APIError(.notFound, "no such episode, or it is not ready yet")
            }
            return Self.html(html)
        }
        on(.get, "/site/{file}") { _, context in
            guard let asset = PlayerAssets.files.first(where: { $0.name == context.parameters.get("file") }) else {
                throw APIError(.notFound, "no such file")
            }
            return Response(status: .ok, headers: [.contentType: asset.type, .cacheControl: "public, max-age=300"],
                            body: .init(byteBuffer: ByteBuffer(string: asset.body)))
        }

        on(.post, "/v1/articles") { request, _ in
            try service.authorize(request)
            let body = try await service.body(of: request, limit: service.options.maxBody)
            let article = try ArticleRequest.decode(body, voices: service.voiceNames)
            switch try service.store.submit(article) {
            case .existing(let job, done: true):
                return JSONBody.response(Views.job(job, sourceId: article.sourceId), status: .ok)
            case .existing(let job, done: false), .queued(let job):
                runner.doorbell.ring()
                return JSONBody.response(Views.job(job, sourceId: article.sourceId), status: .accepted,
                                         headers: [.location: "/v1/jobs/\(job.id)"])
            }
        }
        on(.get, "/v1/jobs/{id}") { _, context in
            let id = try service.id(context, "id", prefix: "job")
            guard let job = try service.store.job(id) else { throw APIError(.notFound, "no such job (finished jobs are forgotten after the retention time)") }
            let sourceId = try service.store.episode(job.episodeId)?.sourceId
            return JSONBody.response(Views.job(job, sourceId: sourceId))
        }
        on(.get, "/v1/episodes") { _, _ in
            let episodes = try service.store.episodes().map { Views.episode($0, publicURL: service.publicURL) }
            return JSONBody.response(JSONValue.object(["episodes": .array(episodes)]))
        }
        on(.get, "/v1/episodes/{id}") { _, context in
            let id = try service.id(context, "id", prefix: "ep")
            let base = service.publicURL
            guard let body = try service.episodeViews.value(base + " " + id, make: {
                try service.store.episode(id).map { ByteBuffer(bytes: try JSONBody.encoder.encode(Views.episode($0, publicURL: base))) }
            }) else { throw APIError(.notFound, "no such episode") }
            return JSONBody.response(encoded: body)
        }
        on(.delete, "/v1/episodes/{id}") { request, context in
            try service.authorize(request)
            let id = try service.id(context, "id", prefix: "ep")
            guard let files = try service.store.deleteEpisode(id) else { throw APIError(.notFound, "no such episode") }
            for name in files where MediaFile(name: name, episodeId: id) != nil {
                try? FileManager.default.removeItem(at: service.store.mediaDirectory.appendingPathComponent(name))
            }
            service.episodesChanged()
            return Response(status: .noContent)
        }
        on(.post, "/v1/webhooks") { request, _ in
            try service.authorize(request)
            let body = try await service.body(of: request, limit: 64 << 10)
            let hook = try WebhookRequest.decode(body)
            let record = try service.webhooks.register(url: hook.url, secret: hook.secret)
            return JSONBody.response(JSONValue.object(["id": .string(record.id), "url": .string(record.url),
                                                       "events": .array([.string("episode.ready"), .string("job.failed")])]),
                                     status: .created)
        }
        on(.post, "/v1/audio/speech") { request, _ in
            try service.authorize(request)
            let body = try await service.body(of: request, limit: 64 << 10)
            return try await SpeechRoute(service: service).respond(to: body)
        }
        for method in [HTTPRequest.Method.get, .head] {
            on(method, "/media/{file}") { request, context in
                guard let name = context.parameters.get("file"), let file = MediaFile(name: name),
                      let names = try service.episodeFiles.value(file.episodeId, make: { try service.store.episode(file.episodeId).map { Set($0.fileNames) } }),
                      names.contains(file.name) else {
                    throw APIError(.notFound, "no such file")
                }
                let path = service.store.mediaDirectory.appendingPathComponent(file.name).path
                return try await media.respond(path: path, contentType: file.kind.contentType, request: request, context: context)
            }
        }
    }
}

extension APIRoutes {
    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// `POST /v1/webhooks`: where to send events, and the secret that signs them.
struct WebhookRequest: Decodable {
    var url: String
    var secret: String

    static func decode(_ data: Data) throws -> WebhookRequest {
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw APIError(.badRequest, "the body must be a JSON object: {\"url\": \"https://…\", \"secret\": \"…\"}")
        }
        do {
            return try JSONDecoder().decode(WebhookRequest.self, from: data)
        } catch {
            throw APIError(.unprocessableContent, "`url` and `secret` are required strings")
        }
    }
}
