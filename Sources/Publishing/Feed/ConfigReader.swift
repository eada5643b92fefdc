import Foundation
import Yams

/// Turns the config's YAML nodes into a `PodcastConfig`, each check naming its key and line.
struct ConfigReader {
    let file: String
    let warn: (String) -> Void

    func fail(_ problem: String, _ node: Node? = nil) -> FeedError {
        .config(file: file, line: node?.mark?.line, problem: problem)
    }

    func yamlError(_ error: YamlError) -> FeedError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .config(file: file, line: mark.line, problem: "is not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, _):
            return .config(file: file, line: nil, problem: duplicates.sorted().map { "`\($0)`" }.joined(separator: ", ")
                           + (duplicates.count == 1 ? " is" : " are") + " given twice")
        default:
            return .config(file: file, line: nil, problem: "is not valid YAML: \(error)")
        }
    }

    func read(_ map: Node.Mapping) throws -> PodcastConfig {
        var values: [String: Node] = [:]
        for (keyNode, value) in map {
            guard keyNode.scalar != nil, let key = keyNode.string else { throw fail("keys must be plain words such as `title`", keyNode) }
            guard PodcastConfig.keys.contains(key) else {
                let hint = AppleCategories.suggestion(for: key, among: PodcastConfig.keys).map { "; did you mean `\($0)`?" }
                    ?? "; the keys are \(PodcastConfig.keys.map { "`\($0)`" }.joined(separator: ", "))"
                throw fail("unknown key `\(key)`\(hint)", keyNode)
            }
            if values[key] != nil { throw fail("`\(key)` is given twice", keyNode) }
            if value.null == nil { values[key] = value }   // `key:` with nothing is as good as missing
        }
        let fields = Fields(reader: self, values: values)
        let description = try fields.text("description")
        if description.utf8.count > PodcastConfig.descriptionLimit {
            throw fail("`description` is \(description.utf8.count) bytes; Apple cuts it at \(PodcastConfig.descriptionLimit)",
                       values["description"])
        }
        return PodcastConfig(
            title: try fields.text("title"), description: description, author: try fields.text("author"),
            owner: try fields.owner(), image: try fields.url("image"), language: try fields.language(),
            categories: try fields.categories(), explicit: try fields.flag("explicit"), baseURL: try fields.url("baseURL"),
            feedURL: try fields.url("feedURL"), copyright: try fields.optional("copyright") { try fields.text($0) },
            type: try fields.showType(), disclosure: try fields.optional("disclosure") { try fields.text($0) },
            link: try fields.optional("link") { try fields.url($0) },
            locked: try fields.optional("locked") { try fields.flag($0) } ?? false)
    }

    struct Fields {
        let reader: ConfigReader
        let values: [String: Node]

        func fail(_ problem: String, _ node: Node? = nil) -> FeedError { reader.fail(problem, node) }

        func required(_ key: String) throws -> Node {
            guard let node = values[key] else { throw fail("`\(key)` is missing") }
            return node
        }

        func optional<T>(_ key: String, _ read: (String) throws -> T) throws -> T? {
            values[key] == nil ? nil : try read(key)
        }

        func text(_ key: String, in node: Node? = nil) throws -> String {
            let node = try node ?? required(key)
            guard node.scalar != nil, let string = node.string else { throw fail("`\(key)` must be text", node) }
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { throw fail("`\(key)` is empty", node) }
            return trimmed
        }

        func url(_ key: String) throws -> String {
            let value = try text(key)
            guard !value.contains(where: \.isWhitespace), let url = URL(string: value),
                  let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
                  let host = url.host, !host.isEmpty else {
                throw fail("`\(key)` must be an absolute http(s) URL such as https://example.org/… (got \(value))", values[key])
            }
            if scheme == "http" { reader.warn("\(reader.file): `\(key)` is http:; Podcasting 2.0 apps want https: URLs") }
            return value
        }

        func flag(_ key: String) throws -> Bool {
            let node = try required(key)
            guard let value = node.bool else {
                throw fail("`\(key)` must be true or false (got \(node.string.map { "\"\($0)\"" } ?? "a list"))", node)
            }
            return value
        }

        func language() throws -> String {
            let value = try text("language")
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            let ok = (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLetter }
                && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
            guard ok else { throw fail("`language` must be an ISO 639 code such as en or en-gb (got \(value))", values["language"]) }
            return value.lowercased()
        }

        func showType() throws -> String {
            guard values["type"] != nil else { return "episodic" }
            let value = try text("type")
            guard ["episodic", "serial"].contains(value) else {
                throw fail("`type` must be episodic or serial (got \(value))", values["type"])
            }
            return value
        }

        func owner() throws -> PodcastConfig.Owner? {
            guard let node = values["owner"] else { return nil }
            guard let map = node.mapping else { throw fail("`owner` must have `name` and `email` under it", node) }
            for (key, _) in map where !["name", "email"].contains(key.string ?? "") {
                throw fail("unknown key `owner.\(key.string ?? "?")`; `owner` has `name` and `email`", key)
            }
            guard let nameNode = map["name"], nameNode.null == nil else { throw fail("`owner.name` is missing", node) }
            guard let emailNode = map["email"], emailNode.null == nil else { throw fail("`owner.email` is missing", node) }
            let name = try text("owner.name", in: nameNode)
            let email = try text("owner.email", in: emailNode)
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(where: \.isWhitespace) else {
                throw fail("`owner.email` must be an email address (got \(email))", emailNode)
            }
            return .init(name: name, email: email)
        }

        /// One "Category" or "Category > Subcategory", or a list of them, each checked against
        /// Apple's list and spelt as Apple spells it; repeats dropped.
        func categories() throws -> [String] {
            let node = try required("categories")
            let entries: [Node]
            switch node {
            case .scalar: entries = [node]
            case let .sequence(list): entries = Array(list)
            default: throw fail("`categories` must be a list such as [News > Daily News, Technology]", node)
            }
            guard !entries.isEmpty else { throw fail("`categories` is empty; name at least one, e.g. News > Daily News", node) }
            var result: [String] = []
            for entry in entries {
                guard entry.scalar != nil else {
                    throw fail("`categories`: write each entry as \"Category\" or \"Category > Subcategory\"", entry)
                }
                switch AppleCategories.check(try text("categories", in: entry)) {
                case .success(let category): if !result.contains(category) { result.append(category) }
                case .failure(let problem): throw fail("`categories`: \(problem.message)", entry)
                }
            }
            return result
        }
    }
}
