/// The episode list, newest first: each with its date and duration, or a note saying why it
/// cannot be played.
enum IndexPage {
    static func html(_ items: [SiteEpisode], site: SiteInfo, links: SiteLinks) -> String {
        var body = "<main class=\"edition-index\">\n<header>\n<h1>\(HTML.escape(site.title))</h1>\n"
        if let description = site.description, !description.isEmpty {
            body += "<p class=\"edition-standfirst\">\(HTML.escape(description))</p>\n"
        }
        if let feed = links.feed {
            body += "<p class=\"edition-feed\"><a href=\"\(HTML.escape(feed))\">Podcast feed (RSS)</a></p>\n"
        }
        body += "</header>\n"
        if items.isEmpty {
            body += "<p class=\"edition-note\">No episodes yet.</p>\n"
        } else {
            body += "<ol class=\"edition-list\">\n"
            for item in items { body += "<li>\(entry(item, links: links))</li>\n" }
            body += "</ol>\n"
        }
        body += "</main>\n"
        return PageFrame.html(site: site, links: links, title: site.title, canonical: links.canonical(nil),
                              description: site.description, body: body)
    }

    static func entry(_ item: SiteEpisode, links: SiteLinks) -> String {
        guard let episode = item.episode else {
            return "<span class=\"edition-title\">\(HTML.escape(item.slug))</span> <span class=\"edition-note\">Not playable: \(HTML.escape(item.problems.joined(separator: "; "))).</span>"
        }
        var out = "<a href=\"\(HTML.escape(links.page(item.slug)))\">\(HTML.escape(episode.title))</a>"
        let meta = [PageFrame.time(episode), "<span class=\"edition-duration\">\(PageFrame.duration(episode.duration))</span>"].compactMap { $0 }
        out += " <span class=\"edition-meta\">\(meta.joined(separator: " · "))</span>"
        if !item.playable {
            out += " <span class=\"edition-note\">Not playable: \(HTML.escape(item.problems.joined(separator: "; "))).</span>"
        }
        return out
    }
}
