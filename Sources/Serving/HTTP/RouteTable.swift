import Hummingbird

/// Every route the service answers, as `METHOD /path/{param}`: the one list the router is
/// built from, that 405 answers consult, and that the OpenAPI document is tested against.
struct RouteTable: Sendable {
    struct Route: Sendable, Hashable {
        var method: HTTPRequest.Method
        var path: String
        var segments: [Substring] { path.split(separator: "/") }
    }
    var routes: [Route] = []

    mutating func add(_ method: HTTPRequest.Method, _ path: String) { routes.append(Route(method: method, path: path)) }

    /// Methods that some route with this path's shape answers.
    func methods(forPath path: String) -> [HTTPRequest.Method] {
        let parts = path.split(separator: "/")
        var methods: [HTTPRequest.Method] = []
        for route in routes where Self.matches(route.segments, parts) && !methods.contains(route.method) {
            methods.append(route.method)
        }
        return methods
    }

    static func matches(_ pattern: [Substring], _ parts: [Substring]) -> Bool {
        pattern.count == parts.count && zip(pattern, parts).allSatisfy { p, s in (p.hasPrefix("{") && p.hasSuffix("}")) || p == s }
    }

    /// Hummingbird's spelling of a pattern: `{id}` becomes `:id`.
    static func routerPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : segment
        }.joined(separator: "/")
    }
}
