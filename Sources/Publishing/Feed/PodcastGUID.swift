import Crypto
import EditionCore
import Foundation

/// Podcasting 2.0 `podcast:guid`: a UUIDv5 in the namespace ead4c236-bf58-58c6-a2c6-a6b28d128cb6
/// of the feed URL without its scheme and trailing slashes.
enum PodcastGUID {
    static let namespace: [UInt8] = [0xea, 0xd4, 0xc2, 0x36, 0xbf, 0x58, 0x58, 0xc6, 0xa2, 0xc6, 0xa6, 0xb2, 0x8d, 0x12, 0x8c, 0xb6]

    static func of(feedURL: String) -> String {
        var s = feedURL
        if let range = s.range(of: "://") { s = String(s[range.upperBound...]) }
        while s.hasSuffix("/") { s.removeLast() }
        return uuid5(s)
    }

    static func uuid5(_ name: String, namespace: [UInt8] = namespace) -> String {
        var hasher = Insecure.SHA1()
        hasher.update(data: namespace)
        hasher.update(data: Data(name.utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Hex.string(bytes)
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.map(String.init).joined(separator: "-")
    }
}
