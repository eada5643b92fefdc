import Crypto
import EditionCore
import Foundation
import GRDB
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Delivers `episode.ready` and `job.failed` to every registered URL: a JSON body signed
/// `X-Edition-Signature: sha256=<hex HMAC-SHA256 of the raw body with the hook's secret>`,
/// retried with exponential backoff until a 2xx. Deliveries live in memory: a restart loses
/// the retries in flight (the job's state, which the receiver can poll, is what is durable).
final class WebhookSender: Sendable {
    let store: ServiceStore
    let allowLocal: Bool
    /// Waits before each retry.
    let backoff: [Duration]
    let logger: Logger
    private let session: URLSession

    init(store: ServiceStore, allowLocal: Bool, backoff: [Duration] = [.seconds(1), .seconds(4), .seconds(15), .seconds(60), .seconds(300)],
         logger: Logger) {
        self.store = store
        self.allowLocal = allowLocal
        self.backoff = backoff
        self.logger = logger
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        session = URLSession(configuration: configuration)
    }

    /// Registers a hook after checking where it points.
    func register(url text: String, secret: String) throws -> WebhookRecord {
        let url = try WebhookAddress.check(text, allowLocal: allowLocal)
        guard !secret.isEmpty, secret.utf8.count <= 1024 else {
            throw APIError(.unprocessableContent, "`secret` must be 1 to 1024 bytes: it keys the HMAC that signs each event")
        }
        let hook = WebhookRecord(id: Identifier.make("wh"), url: url.absoluteString, secret: secret, createdAt: Date().timeIntervalSince1970)
        try store.pool.write { db in try hook.insert(db) }
        return hook
    }

    static func signature(of body: Data, secret: String) -> String {
        "sha256=" + Hex.string(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8))))
    }

    /// Sends the event to every hook, each on its own task.
    func send(type: String, payload: [String: JSONValue]) {
        guard let hooks = try? store.pool.read({ db in try WebhookRecord.fetchAll(db) }), !hooks.isEmpty else { return }
        var event = payload
        let id = Identifier.make("evt")
        event["id"] = .string(id)
        event["type"] = .string(type)
        event["created"] = .string(ISO8601DateFormatter().string(from: Date()))
        guard let body = try? JSONBody.encoder.encode(event) else { return }
        for hook in hooks {
            Task { await self.deliver(body, type: type, eventId: id, to: hook) }
        }
    }

    private func deliver(_ body: Data, type: String, eventId: String, to hook: WebhookRecord) async {
        for attempt in 0...backoff.count {
            if attempt > 0 { try? await Task.sleep(for: backoff[attempt - 1]) }
            guard let url = try? WebhookAddress.check(hook.url, allowLocal: allowLocal) else {
                logger.warning("webhook \(hook.id): \(hook.url) now resolves to a refused address; event \(eventId) dropped")
                return
            }
            var request = URLRequest(url: url)
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue(Self.signature(of: body, secret: hook.secret), forHTTPHeaderField: "X-Edition-Signature")
            request.setValue(type, forHTTPHeaderField: "X-Edition-Event")
            request.setValue(eventId, forHTTPHeaderField: "X-Edition-Delivery")
            request.setValue(EditionVersion.generator, forHTTPHeaderField: "User-Agent")
            do {
                let (_, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (200..<300).contains(status) { return }
                logger.info("webhook \(hook.id): \(type) answered \(status) (attempt \(attempt + 1))")
            } catch {
                logger.info("webhook \(hook.id): \(type) failed: \(error.localizedDescription) (attempt \(attempt + 1))")
            }
        }
        logger.warning("webhook \(hook.id): \(type) event \(eventId) given up after \(backoff.count + 1) attempts")
    }
}

/// A JSON value for bodies assembled from parts (events, API views).
enum JSONValue: Encodable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .number(let n): try container.encode(n)
        case .bool(let b): try container.encode(b)
        case .null: try container.encodeNil()
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
}
