import Foundation
import Hummingbird

/// What handlers check before they act: the bearer token, the body's size, an id's shape.
extension ServiceContext {
    /// The token's name. The scheme is matched case-insensitively (RFC 9110 §11.1); the token
    /// is hashed and looked up by digest, never compared as text.
    @discardableResult
    func authorize(_ request: Request) throws -> String {
        guard let header = request.headers[.authorization] else { throw APIError.unauthorized() }
        let parts = header.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw APIError.unauthorized() }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.utf8.count <= 512, let name = try store.tokenName(for: token) else {
            throw APIError(.unauthorized, "the bearer token is not valid (revoked, mistyped, or made for another data folder)",
                           headers: [.wwwAuthenticate: "Bearer realm=\"edition\", error=\"invalid_token\""])
        }
        return name
    }

    /// The request body, refused with 413 as soon as it passes `limit`: a declared length is
    /// checked before reading, and a streamed one while it is read, never after buffering it all.
    func body(of request: Request, limit: Int) async throws -> Data {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw APIError(.contentTooLarge, "the request body is \(declared) bytes; this server accepts at most \(limit) (--max-body)")
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "the request body is larger than \(limit) bytes, which this server accepts at most (--max-body)")
        }
    }

    /// A path parameter that must be an id of ours; anything else is simply not found.
    func id(_ context: some RequestContext, _ name: String, prefix: String) throws -> String {
        guard let value = context.parameters.get(name), Identifier.isWellFormed(Substring(value), prefix: prefix) else {
            throw APIError(.notFound, "no such \(prefix == "ep" ? "episode" : prefix == "job" ? "job" : "resource")")
        }
        return value
    }
}
