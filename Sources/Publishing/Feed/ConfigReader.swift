import Settings
import Foundation

/// Turns the config's checked mapping into a `PodcastConfig`, each check naming its key and line.
struct ConfigReader {
    let map: ConfigMapping
    let warn: (String) -> Void

    func read() throws -> PodcastConfig {
        let descriptionNode = try map.required("description")
        let description = try descriptionNode.text()
        if description.utf8.count > PodcastConfig.descriptionLimit {
            throw descriptionNode.fail("`description` is \(description.utf8.count) bytes; Apple cuts it at \(PodcastConfig.descriptionLimit)")
        }
        return PodcastConfig(
            title: try text("title"), description: description, author: try text("author"),
            owner: try owner(), image: try url("image"), language: try language(),
            categories: try categories(), explicit: try map.required("explicit").flag(), baseURL: try url("baseURL"),
            feedURL: try url("feedURL"), copyright: try map["copyright"]?.text(),
            type: try showType(), disclosure: try map["disclosure"]?.text(),
            link: try map["link"] == nil ? nil : try url("link"),
            locked: try map["locked"]?.flag() ?? false)
    }

    func text(_ key: String) throws -> String { try map.required(key).text() }

    func url(_ key: String) throws -> String {
        let node = try map.required(key)
        let value = try node.text()
        guard !value.contains(where: \.isWhitespace), let url = URL(string: value),
              let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = url.host, !host.isEmpty else {
            throw node.fail("`\(key)` must be an absolute http(s) URL such as https://example.org/… (got \(value))")
        }
        if scheme == "http" { warn("\(map.file): `\(key)` is http:; Podcasting 2.0 apps want https: URLs") }
        return value
    }

    func language() throws -> String {
        let node = try map.required("language")
        let value = try node.text()
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        let ok = (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLetter }
            && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        guard ok else { throw node.fail("`language` must be an ISO 639 code such as en or en-gb (got \(value))") }
        return value.lowercased()
    }

    func showType() throws -> String {
        guard let node = map["type"] else { return "episodic" }
        let value = try node.text()
        guard ["episodic", "serial"].contains(value) else { throw node.fail("`type` must be episodic or serial (got \(value))") }
        return value
    }

    func owner() throws -> PodcastConfig.Owner? {
        guard let node = map["owner"] else { return nil }
        guard node.isMapping else { throw node.fail("`owner` must have `name` and `email` under it") }
        let owner = try node.mapping(keys: nil)
        for key in owner.keys where !["name", "email"].contains(key) {
            throw owner.fail("unknown key `owner.\(key)`; `owner` has `name` and `email`", at: key)
        }
        let name = try owner.required("name").text()
        let emailNode = try owner.required("email")
        let email = try emailNode.text()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(where: \.isWhitespace) else {
            throw emailNode.fail("`owner.email` must be an email address (got \(email))")
        }
        return .init(name: name, email: email)
    }

    /// One "Category" or "Category > Subcategory", or a list of them, each checked against
    /// Apple's list and spelt as Apple spells it; repeats dropped.
    func categories() throws -> [String] {
        let node = try map.required("categories")
        let entries: [ConfigValue]
        if node.isScalar { entries = [node] } else if node.isList { entries = try node.list() } else {
            throw node.fail("`categories` must be a list such as [News > Daily News, Technology]")
        }
        guard !entries.isEmpty else { throw node.fail("`categories` is empty; name at least one, e.g. News > Daily News") }
        var result: [String] = []
        for entry in entries {
            guard entry.isScalar else {
                throw entry.fail("`categories`: write each entry as \"Category\" or \"Category > Subcategory\"")
            }
            switch AppleCategories.check(try entry.text()) {
            case .success(let category): if !result.contains(category) { result.append(category) }
            case .failure(let problem): throw entry.fail("`categories`: \(problem.message)")
            }
        }
        return result
    }
}
