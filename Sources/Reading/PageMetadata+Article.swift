import CLibXML2
import EditionCore
import Foundation

/// The page's signals cross-checked: each field from the source most likely to be right, with
/// a weaker one used only when the stronger says nothing.
extension PageMetadata {
    /// An `<h1>` that a structured title (JSON-LD, Open Graph, `<title>`) confirms; else the `<h1>`
    /// the publisher marks `itemprop="headline"` (the one the reader sees, where JSON-LD and Open
    /// Graph often carry a title written for search or sharing); else JSON-LD's headline; else
    /// the story's own `<h1>`; else Open Graph's title, any `<h1>`, `<title>`. An `<h1>` that is
    /// the site's name or links away (a logo, a teaser) is never the headline; nor is a caption.
    func headline(storyH1s: [String]) -> String? {
        let structured = [linkedData?.headline, openGraphTitle.map(HTMLReader.withoutSiteName), title.map(HTMLReader.withoutSiteName)]
            .compactMap { $0 }.filter { !isSiteName($0) }
        let pageH1s = h1s.map(\.text)
        let candidates = (storyH1s + pageH1s).filter { !$0.isEmpty && $0.wordCount <= 40 && !isSiteName($0) }
        if let confirmed = candidates.first(where: { h1 in structured.contains { Self.sameTitle(h1, $0) } }) { return confirmed }
        let ordered = [markedH1.flatMap { candidates.contains($0) ? $0 : nil }, linkedData?.headline, storyH1s.first { candidates.contains($0) },
                       openGraphTitle.map(HTMLReader.withoutSiteName), candidates.first, title.map(HTMLReader.withoutSiteName)]
        return ordered.compactMap { $0 }.first { !$0.isEmpty && !isSiteName($0) }
    }

    /// The `<h1>` whose text a structured title (JSON-LD, Open Graph, `<title>`) repeats.
    var confirmedH1: xmlNodePtr? {
        let structured = [linkedData?.headline, openGraphTitle, title].compactMap { $0 }.map(HTMLReader.withoutSiteName)
        return h1s.first { h1 in !isSiteName(h1.text) && structured.contains { Self.sameTitle(h1.text, $0) } }?.node
    }

    /// The names that sign the story: JSON-LD's authors, else `meta name=author`, else
    /// `rel=author` links, else the byline element. Never "By" alone, a URL or the site's name.
    var authors: [String] {
        var sources = [linkedData?.authors ?? [], metaAuthors, linkedAuthors]
        if let byline {
            if let parsed = Byline.parse(byline) {
                sources.append(parsed.authors)
            } else if byline.wordCount <= 8 && !byline.contains(where: \.isNumber) {
                sources.append(Byline.names(byline))
            }
        }
        for names in sources {
            let people = names.flatMap { Byline.names(Self.withoutBy($0)) }.filter(isPersonName)
            var unique: [String] = []
            for name in people where !unique.contains(name) { unique.append(name) }
            if !unique.isEmpty { return unique }
        }
        return []
    }

    func isPersonName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return name.contains(where: \.isLetter) && name.wordCount <= 6 && !lower.hasPrefix("http") && !lower.contains("@")
            && !lower.split(separator: " ").contains(where: Self.deskWords.contains) && !isSiteName(name)
    }

    /// Words that sign for a desk or a wire, not a person ("Jerusalem Post Staff", "News Desk").
    static let deskWords: Set<Substring> = ["by", "staff", "admin", "desk", "newsroom", "editorial", "editors", "team", "agencies", "wires"]

    /// Whether a text is the site's own name (Open Graph's site name, JSON-LD's publisher, or
    /// the tail of the `<title>` after its separator).
    func isSiteName(_ text: String) -> Bool {
        var names = [siteName, linkedData?.publisher].compactMap { $0 }
        if let title, let range = [" | ", " – ", " — ", " - ", " · "].lazy.compactMap({ title.range(of: $0, options: .backwards) }).first {
            names.append(String(title[range.upperBound...]))
        }
        return names.contains { Self.folded($0) == Self.folded(text) && !Self.folded(text).isEmpty }
    }

    var published: PublicationDate? {
        (linkedData?.datePublished ?? date ?? firstTime).map { PublicationDate(iso: $0) }
    }

    var url: String? { canonicalURL ?? openGraphURL ?? linkedData?.url }

    var articleLanguage: String? { language ?? linkedData?.language }

    var standfirst: String? { (linkedData?.description ?? description).map(\.collapsingWhitespace).flatMap(Self.nonEmpty) }

    /// Whether the page declares itself an article (JSON-LD type, `og:type`, `article:` tags or
    /// `itemprop=articleBody`): with any of these, a short story is still a story.
    var declaresArticle: Bool {
        linkedData != nil || openGraphType == "article" || hasArticleTags || !articleBodies.isEmpty
    }

    /// Two titles are the same when their words are, or one is the other with something added
    /// ("Headline" and "Headline: live updates").
    static func sameTitle(_ a: String, _ b: String) -> Bool {
        let x = folded(a), y = folded(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        if x == y { return true }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        return long.hasPrefix(short) && short.count * 10 >= long.count * 6
    }

    /// Lowercased letters and digits, one space between words.
    static func folded(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ")
    }
}
