import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a webhook may point. A service that POSTs wherever a client says can be turned on the
/// network it runs in (SSRF), so loopback, private, link-local and unspecified addresses are
/// refused unless the operator allows them (`--allow-loopback-webhooks`, for tests and for a
/// receiver on the same host). The check runs when the hook is registered and again, on a fresh
/// resolution, before each delivery.
enum WebhookAddress {
    static func check(_ text: String, allowLocal: Bool) throws -> URL {
        guard text.utf8.count <= 2048, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            throw APIError(.unprocessableContent, "`url` must be an absolute http or https URL")
        }
        if allowLocal { return url }
        let addresses = resolve(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
        guard !addresses.isEmpty else {
            throw APIError(.unprocessableContent, "`url`: the host \"\(host.prefix(100))\" does not resolve")
        }
        if let local = addresses.first(where: isLocal) {
            throw APIError(.unprocessableContent, "`url` points at \(local), a loopback or private address; the server refuses those unless started with --allow-loopback-webhooks")
        }
        return url
    }

    /// The host's addresses, as text (numeric hosts resolve to themselves).
    static func resolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                addresses.append(String(cString: buffer))
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }

    /// Loopback, private (RFC 1918, ULA), link-local, CGNAT, unspecified or multicast.
    static func isLocal(_ address: String) -> Bool {
        let lower = address.lowercased()
        if lower.contains(":") {
            if let v4 = lower.split(separator: ":").last, v4.contains(".") { return isLocal(String(v4)) }  // ::ffff:a.b.c.d
            return lower == "::1" || lower == "::" || lower.hasPrefix("fe8") || lower.hasPrefix("fe9") || lower.hasPrefix("fea")
                || lower.hasPrefix("feb") || lower.hasPrefix("fc") || lower.hasPrefix("fd") || lower.hasPrefix("ff")
        }
        let octets = address.split(separator: ".").compactMap { Int($0) }
        guard octets.count == 4 else { return true }
        switch (octets[0], octets[1]) {
        case (0, _), (10, _), (127, _), (169, 254), (192, 168): return true
        case (172, 16...31), (100, 64...127): return true
        case (224...255, _): return true
        default: return false
        }
    }
}
