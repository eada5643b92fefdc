import EditionCore

/// An episode's page: headline, byline, date, the player with its chapters, downloads, and the
/// text as it was read, one element per transcript word carrying the second it is spoken at.
/// An episode that cannot play gets the same page with a note where the player would be.
enum EpisodePage {
    static func html(_ item: SiteEpisode, site: SiteInfo, links: SiteLinks) -> String {
        let title = item.title
        var body = "<main>\n<p class=\"edition-home\"><a href=\"\(HTML.escape(links.index))\">\(HTML.escape(site.title))</a></p>\n"
        // A story in another language than the site's says so, for screen readers and translators.
        let language = item.episode?.language.flatMap { LanguageTag.same($0, site.language) ? nil : $0 }
        let lang = language.map { " lang=\"\(HTML.escape($0))\"" } ?? ""
        body += "<article class=\"edition-episode\"\(lang)>\n<header>\n<h1>\(HTML.escape(title))</h1>\n"
        if let episode = item.episode {
            if !episode.authors.isEmpty {
                body += "<p class=\"edition-byline\">By \(HTML.escape(episode.authors.joined(separator: ", ")))</p>\n"
            }
            let meta = [PageFrame.time(episode), PageFrame.duration(episode.duration)].compactMap { $0 }.filter { !$0.isEmpty }
            body += "<p class=\"edition-meta\">\(meta.joined(separator: " · "))</p>\n"
        }
        body += "</header>\n"
        if let episode = item.episode, item.playable, let audio = item.audio {
            body += player(episode, audio: audio, slug: item.slug, links: links)
            body += downloads(episode, audio: audio, slug: item.slug, links: links)
            body += "<div id=\"edition-text\" class=\"edition-text\">\n\(text(item, chapters: episode.chapters))</div>\n"
        } else {
            body += "<p class=\"edition-note\" role=\"note\">This episode cannot be played: \(HTML.escape(item.problems.joined(separator: "; "))).</p>\n"
        }
        body += "</article>\n</main>\n"
        let description = item.episode?.standfirst
        return PageFrame.html(site: site, links: links, title: title, canonical: links.canonical(item.slug),
                              description: description, body: body)
    }

    static func player(_ episode: Episode, audio: String, slug: String, links: SiteLinks) -> String {
        var out = "<edition-player src=\"\(HTML.escape(links.media(audio)))\" chapters=\"\(HTML.escape(links.media(slug + ".chapters.json")))\""
        out += " transcript=\"\(HTML.escape(links.media(slug + ".transcript.json")))\" article=\"edition-text\""
        out += " duration=\"\(Seconds.string(episode.duration))\" label=\"\(HTML.escape("Listen: " + episode.title))\">\n"
        out += "<audio controls preload=\"metadata\" src=\"\(HTML.escape(links.media(audio)))\"></audio>\n"
        if !episode.chapters.isEmpty {
            out += "<ol class=\"edition-chapters\" aria-label=\"Chapters\">\n"
            for chapter in episode.chapters {
                out += "<li><button type=\"button\" data-chapter-start=\"\(Seconds.string(chapter.startTime))\">\(HTML.escape(chapter.title))</button></li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</edition-player>\n"
    }

    static func downloads(_ episode: Episode, audio: String, slug: String, links: SiteLinks) -> String {
        var items = ["<a href=\"\(HTML.escape(links.media(audio)))\" download>Download audio (\(audio.split(separator: ".").last!.uppercased()))</a>"]
        let transcripts = [("vtt", "WebVTT"), ("srt", "SRT")].filter { ext, _ in episode.files.contains("\(slug).\(ext)") }
        for (ext, name) in transcripts {
            items.append("<a href=\"\(HTML.escape(links.media("\(slug).\(ext)")))\" download>Transcript (\(name))</a>")
        }
        return "<p class=\"edition-downloads\">\(items.joined(separator: " · "))</p>\n"
    }

    /// The words in their blocks. Without a layout that matches the transcript (an episode
    /// made by an earlier version), each chapter is one paragraph under its title.
    static func text(_ item: SiteEpisode, chapters: [Episode.ChapterEntry]) -> String {
        let words = item.words
        var blocks: [(kind: TextBlock.Kind, heading: String?, words: ArraySlice<Transcripts.Segment>)] = []
        if let layout = item.episode?.layout, layout.reduce(0, { $0 + $1.words }) == words.count {
            var start = 0
            for block in layout {
                blocks.append((block.kind, nil, words[start..<start + block.words]))
                start += block.words
            }
        } else {
            var start = 0
            for (c, chapter) in chapters.enumerated() {
                let next = c + 1 < chapters.count ? chapters[c + 1].startTime : .infinity
                var end = start
                while end < words.count && words[end].startTime < next - 0.0005 { end += 1 }
                blocks.append((.paragraph, chapter.title, words[start..<end]))
                start = end
            }
            if start < words.count || blocks.isEmpty { blocks.append((.paragraph, nil, words[start...])) }
        }
        var out = ""
        var inList = false
        for block in blocks {
            if inList && block.kind != .listItem { out += "</ul>\n"; inList = false }
            if let heading = block.heading { out += "<h2>\(HTML.escape(heading))</h2>\n" }
            let spans = block.words.map { "<span class=\"edition-word\" data-start=\"\(Seconds.string($0.startTime))\">\(HTML.escape($0.body))</span>" }
                .joined(separator: " ")
            switch block.kind {
            case .intro: out += "<p class=\"edition-intro\">\(spans)</p>\n"
            case .heading: out += "<h2>\(spans)</h2>\n"
            case .paragraph: out += "<p>\(spans)</p>\n"
            case .quote: out += "<blockquote><p>\(spans)</p></blockquote>\n"
            case .listItem:
                if !inList { out += "<ul>\n"; inList = true }
                out += "<li>\(spans)</li>\n"
            }
        }
        if inList { out += "</ul>\n" }
        return out
    }
}
