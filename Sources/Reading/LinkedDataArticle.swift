import Foundation

/// What a page's JSON-LD (`<script type="application/ld+json">`) says about its article:
/// schema.org's NewsArticle, Article, BlogPosting and kin, found at the top level, in a list,
/// in `@graph` or as a page's `mainEntity`. Publishers write it for search engines, so it is
/// usually right about headline, authors and date, and sometimes carries the whole body.
struct LinkedDataArticle: Equatable {
    var headline: String?
    var description: String?
    var authors: [String] = []
    var datePublished: String?
    var articleBody: String?
    var url: String?
    var language: String?
    var publisher: String?

    /// schema.org types that are one article (not a page, a list or an organization).
    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting", "techarticle", "report", "scholarlyarticle",
        "socialmediaposting", "posting", "review", "satiricalarticle", "advertisercontentarticle", "medicalscholarlyarticle",
    ]

    /// Big enough for a long article's body; beyond it a script is not metadata.
    static let maximumScriptLength = 4_000_000

    /// The first article described by the scripts' JSON, or nil. Malformed JSON is skipped.
    static func find(inScripts scripts: [String]) -> LinkedDataArticle? {
        for script in scripts where script.utf8.count <= maximumScriptLength {
            // Some sites wrap the JSON in an HTML comment or CDATA, or leave a trailing `;`.
            var json = script.trimmingCharacters(in: .whitespacesAndNewlines)
            for wrapper in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")] where json.hasPrefix(wrapper.0) {
                json = String(json.dropFirst(wrapper.0.count))
                if json.hasSuffix(wrapper.1) { json = String(json.dropLast(wrapper.1.count)) }
            }
            while json.hasSuffix(";") { json.removeLast() }
            guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]),
                  let found = article(in: object) else { continue }
            return found
        }
        return nil
    }

    /// Searches breadth first, a bounded number of objects: the article is near the top.
    static func article(in root: Any) -> LinkedDataArticle? {
        var queue: [Any] = [root]
        var index = 0
        while index < queue.count, index < 2_000 {
            let item = queue[index]
            index += 1
            if let list = item as? [Any] { queue.append(contentsOf: list); continue }
            guard let object = item as? [String: Any] else { continue }
            if types(object).contains(where: articleTypes.contains) { return LinkedDataArticle(object) }
            for key in ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"] {
                if let value = object[key] { queue.append(value) }
            }
        }
        return nil
    }

    static func types(_ object: [String: Any]) -> [String] {
        let raw = object["@type"]
        let names = (raw as? [Any])?.compactMap { $0 as? String } ?? (raw as? String).map { [$0] } ?? []
        // "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
        return names.map { $0.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init)?.lowercased() ?? "" }
    }

    init(_ object: [String: Any]) {
        headline = Self.text(object["headline"]) ?? Self.text(object["name"])
        description = Self.text(object["description"])
        datePublished = Self.text(object["datePublished"]) ?? Self.text(object["dateCreated"])
        articleBody = Self.text(object["articleBody"]) ?? Self.text(object["text"])
        url = Self.text(object["url"]) ?? Self.text((object["mainEntityOfPage"] as? [String: Any])?["@id"])
            ?? Self.text(object["mainEntityOfPage"])
        language = Self.text(object["inLanguage"])
        publisher = Self.name(object["publisher"]).first
        authors = Self.name(object["author"] ?? object["creator"])
    }

    /// A string value, or the first of a list; blank is nil.
    static func text(_ value: Any?) -> String? {
        let string = (value as? String) ?? ((value as? [Any])?.first as? String)
        guard let trimmed = string?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Names of people or organizations: "Jane Doe", {"name": "Jane Doe"}, or a list of those.
    static func name(_ value: Any?) -> [String] {
        if let list = value as? [Any] { return list.flatMap { name($0) } }
        if let object = value as? [String: Any] { return text(object["name"]).map { [$0] } ?? [] }
        return text(value).map { [$0] } ?? []
    }
}
