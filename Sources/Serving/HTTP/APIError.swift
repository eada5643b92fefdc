import Foundation
import Hummingbird

/// A request the service refuses: the status and a sentence for the person reading the log of
/// their CMS. Every refusal, Hummingbird's own included, reaches the client as
/// `{"error": "..."}` (see `JSONErrorMiddleware`).
struct APIError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(["error": message], status: status, headers: headers)
    }

    static func unauthorized() -> APIError {
        APIError(.unauthorized, "a bearer token is required: `Authorization: Bearer <token>` (make one with `edition token add NAME`)",
                 headers: [.wwwAuthenticate: "Bearer realm=\"edition\""])
    }
}

/// JSON bodies, encoded one way everywhere: sorted keys, snake_case names chosen by the types.
enum JSONBody {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"the response could not be encoded"}"#.utf8)
        return response(encoded: ByteBuffer(bytes: data), status: status, headers: headers)
    }

    /// A body already encoded.
    static func response(encoded body: ByteBuffer, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.contentLength] = String(body.readableBytes)
        return Response(status: status, headers: fields, body: .init(byteBuffer: body))
    }
}

/// Turns every error into `{"error": ...}` with its status: ours, Hummingbird's (404 for an
/// unknown route, 413 from a capped body), and — for a path that exists under another method
/// — 405 with `Allow`. Anything unexpected is logged and answered 500 without details.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            if error.status == .notFound {
                let allowed = routes.methods(forPath: request.uri.path)
                if !allowed.isEmpty, !allowed.contains(request.method) {
                    return JSONBody.response(["error": "\(request.method.rawValue) is not allowed here; use \(allowed.map(\.rawValue).joined(separator: ", "))"],
                                             status: .methodNotAllowed,
                                             headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")])
                }
                return JSONBody.response(["error": "no such resource: \(request.uri.path)"], status: .notFound)
            }
            if error.status == .contentTooLarge {
                return JSONBody.response(["error": "the request body is larger than this server accepts (--max-body)"], status: .contentTooLarge)
            }
            let status = error.status
            return JSONBody.response(["error": status.reasonPhrase.isEmpty ? "request refused" : status.reasonPhrase], status: status)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.error("unexpected error on \(request.method) \(request.uri.path): \(error)")
            return JSONBody.response(["error": "internal error; the server log has details"], status: .internalServerError)
        }
    }
}
