import Settings
import EditionCore
import Foundation

/// One thing a build produces: an article's episode, or an edition joining several articles.
public struct BuildItem: Sendable {
    public enum Kind: Sendable {
        case article(ArticleSource, overrides: ArticleOverrides)
        case edition(Manifest.EditionEntry, base: URL)
    }
    public var kind: Kind
    public var voice: String?
    /// Source bytes, to order the work and estimate the time left.
    public var weight: Int

    public init(kind: Kind, voice: String? = nil, weight: Int = 0) {
        self.kind = kind
        self.voice = voice
        self.weight = weight
    }

    /// An article file (or "-" for standard input), as `edition narrate` and `build` take it.
    public static func article(_ path: String, voice: String? = nil, overrides: ArticleOverrides = ArticleOverrides()) -> BuildItem {
        BuildItem(kind: .article(.file(path), overrides: overrides), voice: voice, weight: BuildPlan.size(path))
    }

    /// A stable name for reports and the journal: the article's path as given.
    public var name: String {
        switch kind {
        case .article(.file(let path), _): return path
        case .article(let source, _): return source.name
        case .edition(let e, _): return "edition: \(e.title)"
        }
    }

    /// How messages name it: as `name`, but standard input is "stdin".
    var displayName: String { name == "-" ? "stdin" : name }
}

/// Turns the command line's sources — files, folders (searched recursively by extension) and
/// YAML manifests — into the list of items to build.
public enum BuildPlan {
    public static let articleExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm"]
    public static let manifestExtensions: Set<String> = ["yaml", "yml"]

    public static func items(from sources: [String]) throws -> [BuildItem] {
        var items: [BuildItem] = []
        var seen = Set<String>()
        func addArticle(_ path: String, voice: String? = nil, overrides: ArticleOverrides = ArticleOverrides()) {
            guard seen.insert(path).inserted else { return }
            items.append(.article(path, voice: voice, overrides: overrides))
        }
        for source in sources {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
                // A missing article is reported per item, so the rest still build.
                addArticle(source)
                continue
            }
            if isDirectory.boolValue {
                for file in try articles(in: source) { addArticle(file) }
            } else if manifestExtensions.contains(URL(fileURLWithPath: source).pathExtension.lowercased()) {
                let url = URL(fileURLWithPath: source)
                let manifest = try Manifest.load(url)
                let base = url.deletingLastPathComponent()
                for entry in manifest.articles {
                    addArticle(resolve(entry.path, base), voice: entry.voice ?? manifest.voice,
                               overrides: ArticleOverrides(title: entry.title, date: entry.date, url: entry.url, language: entry.language))
                }
                for edition in manifest.editions {
                    let weight = edition.articles.reduce(0) { $0 + size(resolve($1.path, base)) }
                    items.append(BuildItem(kind: .edition(edition, base: base), voice: edition.voice ?? manifest.voice, weight: weight))
                }
            } else {
                addArticle(source)
            }
        }
        if items.isEmpty { throw BuildError.nothingToBuild }
        return items
    }

    static func resolve(_ path: String, _ base: URL) -> String {
        path.hasPrefix("/") ? path : base.appendingPathComponent(path).standardizedFileURL.path
    }

    static func articles(in folder: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: URL(fileURLWithPath: folder), includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var found: [String] = []
        for case let url as URL in walker where articleExtensions.contains(url.pathExtension.lowercased()) {
            found.append(url.path)
        }
        return found.sorted()
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
