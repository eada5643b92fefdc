import Foundation
import Yams

/// One YAML config file, parsed with the line of every value kept, so that each check can say
/// `file:line: problem` and name the key it is about. Read it through `mapping(keys:)`, which
/// refuses keys it does not know (suggesting the nearest known one), then `ConfigMapping` and
/// `ConfigValue`, whose checks all word their messages the same way.
public struct ConfigDocument {
    /// The file as messages call it.
    public let file: String
    /// The top-level value; nil for an empty file.
    public let root: ConfigValue?

    /// Parses YAML text; a syntax error says where.
    public static func parse(yaml text: String, file: String) throws -> ConfigDocument {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw ConfigDocument.error(error, file: file)
        }
        return ConfigDocument(file: file, root: node.map { ConfigValue(node: $0, file: file, key: "") })
    }

    /// Reads and parses a file; `file` is how messages name it (by default its path, relative
    /// to the current folder when it lies under it).
    public static func load(_ url: URL, file: String? = nil) throws -> ConfigDocument {
        let label = file ?? displayPath(url)
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ConfigError(file: label, problem: "cannot be read (\(error.localizedDescription))")
        }
        return try parse(yaml: text, file: label)
    }

    /// A file's path as a message should show it: relative to the current folder when under it.
    public static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let here = FileManager.default.currentDirectoryPath
        if here.count > 1, path.hasPrefix(here + "/") { return String(path.dropFirst(here.count + 1)) }
        return path
    }

    /// The top level as a mapping whose keys are all among `keys`. `shape` shows what the file
    /// should look like when it is not a mapping (by default the first two keys).
    public func mapping(keys: [String], shape: String? = nil) throws -> ConfigMapping {
        guard let root, root.isMapping else {
            let shape = shape ?? keys.prefix(2).map { "`\($0): …`" }.joined(separator: ", ")
            throw ConfigError(file: file, problem: "must be a mapping of keys to values (\(shape))")
        }
        return try ConfigMapping(root, keys: keys, top: true)
    }

    /// The top level as a list.
    public func list(of what: String) throws -> [ConfigValue] {
        guard let root, case .sequence(let items) = root.node else {
            throw ConfigError(file: file, problem: "must be a list of \(what)")
        }
        return items.map { ConfigValue(node: $0, file: file, key: "") }
    }

    static func error(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ConfigError(file: file, line: mark.line, problem: "is not valid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, _):
            return ConfigError(file: file, problem: duplicates.sorted().map { "`\($0)`" }.joined(separator: ", ")
                               + (duplicates.count == 1 ? " is" : " are") + " given twice")
        default:
            return ConfigError(file: file, problem: "is not valid YAML: \(error)")
        }
    }
}

/// A mapping in a config file whose keys have been checked: each is a plain word, known, and
/// given once. A key with no value (`pauses:`) counts as missing.
public struct ConfigMapping {
    public let file: String
    /// The dotted path of this mapping ("pauses", "editions"); empty at the top level.
    public let key: String
    /// The line the mapping starts on; nil at the top level, where "missing" means the whole file.
    public let line: Int?
    /// The keys written, in order (those with no value too).
    public private(set) var keys: [String] = []
    private var values: [String: ConfigValue] = [:]
    private var keyLines: [String: Int] = [:]

    init(_ value: ConfigValue, keys known: [String]?, top: Bool = false) throws {
        guard case .mapping(let map) = value.node else { throw value.fail("`\(value.key)` must be a mapping") }
        file = value.file
        key = value.key
        line = top ? nil : value.line
        for (keyNode, valueNode) in map {
            guard keyNode.scalar != nil, let name = keyNode.string else {
                let example = known?.first.map { " such as `\($0)`" } ?? ""
                throw ConfigError(file: file, line: keyNode.mark?.line, problem: "keys must be plain words\(example)")
            }
            if let known, !known.contains(name) {
                throw ConfigError(file: file, line: keyNode.mark?.line, problem: unknown(name, among: known))
            }
            if keys.contains(name) {
                throw ConfigError(file: file, line: keyNode.mark?.line, problem: "`\(path(name))` is given twice")
            }
            keys.append(name)
            keyLines[name] = keyNode.mark?.line
            if valueNode.null == nil { values[name] = ConfigValue(node: valueNode, file: file, key: path(name)) }
        }
    }

    /// "unknown key `pauses.sentance`; did you mean `pauses.sentence`?", else the known keys.
    func unknown(_ name: String, among known: [String]) -> String {
        if let near = Spelling.nearest(to: name, among: known) { return "unknown key `\(path(name))`; did you mean `\(path(near))`?" }
        let listed = known.map { "`\($0)`" }
        if key.isEmpty { return "unknown key `\(name)`; the keys are \(listed.joined(separator: ", "))" }
        let all = listed.count > 1 ? listed.dropLast().joined(separator: ", ") + " and " + listed.last! : listed.joined()
        return "unknown key `\(path(name))`; `\(key)` has \(all)"
    }

    /// `key` written in full: "pauses.sentence".
    public func path(_ name: String) -> String { key.isEmpty ? name : "\(key).\(name)" }

    /// The value of `name`, or nil when it is absent or empty.
    public subscript(_ name: String) -> ConfigValue? { values[name] }

    /// The value of `name`, or "`name` is missing".
    public func required(_ name: String) throws -> ConfigValue {
        guard let value = values[name] else { throw fail("`\(path(name))` is missing") }
        return value
    }

    /// An error at this mapping's line (none at the top level).
    public func fail(_ problem: String) -> ConfigError { ConfigError(file: file, line: line, problem: problem) }

    /// An error at the line where `name` is written.
    public func fail(_ problem: String, at name: String) -> ConfigError {
        ConfigError(file: file, line: keyLines[name] ?? line, problem: problem)
    }
}

/// One value in a config file, with its key and line, and checked conversions whose errors
/// name both.
public struct ConfigValue {
    let node: Node
    public let file: String
    /// The dotted path of the value ("engine.rate"); list items share their list's key.
    public let key: String

    init(node: Node, file: String, key: String) {
        self.node = node
        self.file = file
        self.key = key
    }

    public var line: Int? { node.mark?.line }
    public var isScalar: Bool { node.scalar != nil }
    public var isList: Bool { node.sequence != nil }
    public var isMapping: Bool { node.mapping != nil }
    /// The scalar as written, or nil for a list or mapping.
    public var scalar: String? { node.scalar?.string }

    /// An error at this value's line.
    public func fail(_ problem: String) -> ConfigError { ConfigError(file: file, line: line, problem: problem) }

    /// What was written, for "(got …)": the text in quotes, "a list" or "a mapping".
    public var written: String {
        switch node {
        case .scalar(let scalar): return "\"\(scalar.string)\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// Any scalar as text, as written (it may be empty).
    public func string() throws -> String {
        guard let scalar else { throw fail("`\(key)` must be text") }
        return scalar
    }

    /// A scalar as text, trimmed; empty text is refused.
    public func text() throws -> String {
        let trimmed = try string().trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw fail("`\(key)` is empty") }
        return trimmed
    }

    /// `true` or `false` (YAML's yes/no/on/off too, but not quoted text).
    public func flag() throws -> Bool {
        guard let value = node.bool else { throw fail("`\(key)` must be true or false (got \(written))") }
        return value
    }

    /// A whole number, within `range` when given.
    public func integer(in range: ClosedRange<Int>? = nil) throws -> Int {
        guard let value = node.int else { throw fail("`\(key)` must be a whole number (got \(written))") }
        if let range, !range.contains(value) {
            throw fail("`\(key)` must be \(range.lowerBound)–\(range.upperBound) (got \(scalar ?? "\(value)"))")
        }
        return value
    }

    /// A whole number among `choices`.
    public func integer(among choices: [Int]) throws -> Int {
        let value = try integer()
        guard choices.contains(value) else {
            let listed = choices.map(String.init)
            let all = listed.count > 1 ? listed.dropLast().joined(separator: ", ") + " or " + listed.last! : listed.joined()
            throw fail("`\(key)` must be \(all) (got \(scalar ?? "\(value)"))")
        }
        return value
    }

    /// A number, within `range`; `described` words the range for the message ("−40…−5 LUFS").
    public func number(in range: ClosedRange<Double>, described: String) throws -> Double {
        guard let value = node.float else { throw fail("`\(key)` must be a number (got \(written))") }
        guard range.contains(value) else { throw fail("`\(key)` must be \(described) (got \(scalar ?? "\(value)"))") }
        return value
    }

    /// A list; each item keeps this key for its messages.
    public func list() throws -> [ConfigValue] {
        guard case .sequence(let items) = node else { throw fail("`\(key)` must be a list (got \(written))") }
        return items.map { ConfigValue(node: $0, file: file, key: key) }
    }

    /// A mapping whose keys are all among `keys` (nil: any keys, for the caller to check).
    public func mapping(keys: [String]?) throws -> ConfigMapping {
        guard isMapping else {
            let example = keys.map { " such as " + $0.prefix(2).map { "`\($0): …`" }.joined(separator: ", ") } ?? ""
            throw fail("`\(key)` must be a mapping of keys to values\(example) (got \(written))")
        }
        return try ConfigMapping(self, keys: keys)
    }
}
