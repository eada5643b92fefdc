import EditionCore

/// Article → ScriptOutline: chapters from the article's structure (an intro, then one per
/// section heading, or one "Story" chapter), sentences from the splitter, pauses from the
/// voice profile. The words are normalized later, sentence by sentence, as `Script` is read.
public struct ScriptPlanner: Sendable {
    public var pauses: PausePlan
    public var intro: IntroTemplate
    /// Title of the body chapter when the article has no section headings (default: the
    /// article's language's word, "Story" in English).
    public var storyTitle: String?
    private let splitter = SentenceSplitter()

    public init(pauses: PausePlan, intro: IntroTemplate = .standard) {
        self.pauses = pauses
        self.intro = intro
    }

    /// The chapters and sentences of an article.
    public func outline(for article: Article) -> ScriptOutline {
        var chapters: [PlannedChapter] = []
        let introLines = intro.sentences(for: article).map { PlannedLine(text: $0, role: .intro) }
        if !introLines.isEmpty { chapters.append(PlannedChapter(title: article.headline, lines: introLines)) }
        for section in article.sections where !section.blocks.isEmpty || section.heading != nil {
            let lines = lines(for: section)
            let bodyStarted = chapters.count > (introLines.isEmpty ? 0 : 1)
            if let heading = section.heading ?? (bodyStarted ? nil : storyTitle ?? SpokenPhrases.of(article.language).storyTitle) {
                chapters.append(PlannedChapter(title: heading, lines: lines))
            } else if !chapters.isEmpty {
                chapters[chapters.count - 1].lines += lines   // an unheaded section continues the chapter
            }
        }
        return PausePlanner(pauses: pauses).outline(chapters, title: article.headline)
    }

    /// Several articles in one programme: an optional spoken intro, one chapter per story titled
    /// with its headline (read first), an optional outro. Stories are set apart by the chapter pause.
    public func edition(title: String, intro: String?, outro: String?, stories: [Article]) -> ScriptOutline {
        var chapters: [PlannedChapter] = []
        if let intro, !intro.isEmpty {
            chapters.append(PlannedChapter(title: title, lines: splitter.split(intro).map { PlannedLine(text: $0, role: .intro) }))
        }
        for story in stories {
            var lines = [PlannedLine(text: story.headline, role: .heading)]
            for section in story.sections { lines += self.lines(for: section) }
            chapters.append(PlannedChapter(title: story.headline, lines: lines))
        }
        if let outro, !outro.isEmpty {
            chapters.append(PlannedChapter(title: SpokenPhrases.of(stories.first?.language).closingTitle, lines: splitter.split(outro).map { PlannedLine(text: $0, role: .intro) }))
        }
        return PausePlanner(pauses: pauses).outline(chapters, title: title)
    }

    /// A bare text fragment: no headline detection, no intro; blank lines part paragraphs.
    public func fragment(_ text: String) -> ScriptOutline {
        let blocks = text.components(separatedBy: "\n\n")
            .map { $0.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { Block(.paragraph, $0) }
        let lines = lines(for: Section(blocks: blocks))
        return PausePlanner(pauses: pauses).outline([PlannedChapter(title: "Fragment", lines: lines)], title: "Fragment")
    }

    func lines(for section: Section) -> [PlannedLine] {
        var lines: [PlannedLine] = []
        if let heading = section.heading { lines.append(PlannedLine(text: heading, role: .heading)) }
        for block in section.blocks {
            let sentences = splitter.split(block.text)
            for (i, s) in sentences.enumerated() {
                lines.append(PlannedLine(text: s, role: .body(block.kind, first: i == 0, last: i == sentences.count - 1)))
            }
        }
        return lines
    }
}
