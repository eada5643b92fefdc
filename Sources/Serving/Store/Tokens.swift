import Crypto
import EditionCore
import Foundation
import GRDB

/// Bearer tokens: shown once when made, stored only as a SHA-256 digest. A request's token is
/// hashed and looked up by digest, so no comparison ever runs over the secret itself.
extension ServiceStore {
    public struct TokenInfo: Sendable {
        public var name: String
        public var created: Date
    }

    /// Makes a token named `name` and returns it; the name must be new.
    public func addToken(named name: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100, !name.contains(where: \.isNewline) else {
            throw ServiceError.invalid("a token's name is 1 to 100 characters on one line")
        }
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }  // SystemRandomNumberGenerator: getrandom(2)
        let token = "edt_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        try pool.write { db in
            if try TokenRecord.fetchOne(db, key: name) != nil { throw ServiceError.invalid("a token named \"\(name)\" exists; revoke it first") }
            try TokenRecord(name: name, digest: Self.digest(token), createdAt: Date().timeIntervalSince1970).insert(db)
        }
        return token
    }

    public func tokens() throws -> [TokenInfo] {
        try pool.read { db in
            try TokenRecord.order(Column("createdAt")).fetchAll(db).map { TokenInfo(name: $0.name, created: Date(timeIntervalSince1970: $0.createdAt)) }
        }
    }

    /// Removes the token; false when there was none of that name.
    public func revokeToken(named name: String) throws -> Bool {
        try pool.write { db in try TokenRecord.deleteOne(db, key: name) }
    }

    /// The token's name, or nil when it is unknown or revoked.
    func tokenName(for token: String) throws -> String? {
        let digest = Self.digest(token)
        return try pool.read { db in try TokenRecord.filter(Column("digest") == digest).fetchOne(db)?.name }
    }

    static func digest(_ token: String) -> String { Hex.string(SHA256.hash(data: Data(token.utf8))) }
}
