import EditionCore
import Foundation
import Normalizing
import Segmenting

/// How the intro chapter is read. Placeholders: {headline}, {authors}, {date}; a sentence
/// whose placeholder has no value is left out.
public struct IntroTemplate: Sendable, Equatable {
    public var sentences: [String]
    public static let standard = IntroTemplate(sentences: ["{headline}.", "By {authors}.", "Published {date}."])
    public static let none = IntroTemplate(sentences: [])

    public init(sentences: [String]) { self.sentences = sentences }
}

/// Article → Script: chapters from the article's structure, sentences from the segmenter,
/// spoken words from the normalizer and the voice's lexicon, pauses from the profile.
public struct ScriptBuilder: Sendable {
    public let profile: VoiceProfile
    public var intro: IntroTemplate
    /// Title of the body chapter when the article has no section headings.
    public var storyTitle = "Story"
    private let normalizer: Normalizer
    private let splitter = SentenceSplitter()
    private let chunker: ChunkSplitter

    public init(profile: VoiceProfile, intro: IntroTemplate = .standard) {
        self.profile = profile
        self.intro = intro
        normalizer = Normalizer(language: profile.language, lexicon: profile.lexicon)
        chunker = ChunkSplitter(clausePause: profile.pauses.clause)
    }

    public func script(for article: Article) -> Script { script(from: outline(for: article)) }

    /// The chapters and sentences of an article, before normalizing.
    public func outline(for article: Article) -> ScriptOutline {
        var chapters: [PlannedChapter] = []
        let introLines = introSentences(article).map { PlannedLine(text: $0, role: .intro) }
        if !introLines.isEmpty { chapters.append(PlannedChapter(title: article.headline, lines: introLines)) }
        for section in article.sections where !section.blocks.isEmpty || section.heading != nil {
            let lines = lines(for: section)
            let bodyStarted = chapters.count > (introLines.isEmpty ? 0 : 1)
            if let heading = section.heading ?? (bodyStarted ? nil : storyTitle) {
                chapters.append(PlannedChapter(title: heading, lines: lines))
            } else if !chapters.isEmpty {
                chapters[chapters.count - 1].lines += lines   // an unheaded section continues the chapter
            }
        }
        return outline(chapters, title: article.headline)
    }

    /// Several articles in one programme: an optional spoken intro, one chapter per story titled
    /// with its headline (read first), an optional outro. Stories are set apart by the chapter pause.
    public func edition(title: String, intro: String?, outro: String?, stories: [Article]) -> ScriptOutline {
        var chapters: [PlannedChapter] = []
        if let intro, !intro.isEmpty {
            chapters.append(PlannedChapter(title: title, lines: sentences(intro, role: .intro)))
        }
        for story in stories {
            var lines = [PlannedLine(text: story.headline, role: .heading)]
            for section in story.sections { lines += self.lines(for: section) }
            chapters.append(PlannedChapter(title: story.headline, lines: lines))
        }
        if let outro, !outro.isEmpty {
            chapters.append(PlannedChapter(title: "Closing", lines: sentences(outro, role: .intro)))
        }
        return outline(chapters, title: title)
    }

    func lines(for section: Section) -> [PlannedLine] {
        var lines: [PlannedLine] = []
        if let heading = section.heading { lines.append(PlannedLine(text: heading, role: .heading)) }
        for block in section.blocks {
            let sentences = splitter.split(block.text)
            for (i, s) in sentences.enumerated() {
                lines.append(PlannedLine(text: s, role: i == sentences.count - 1 ? .blockEnd(block.kind) : .sentence))
            }
        }
        return lines
    }

    func sentences(_ text: String, role: PlannedLine.Role) -> [PlannedLine] {
        splitter.split(text).map { PlannedLine(text: $0, role: role) }
    }

    /// A bare text fragment: no headline detection, no intro.
    public func fragment(_ text: String) -> Script { script(from: fragmentOutline(text)) }

    public func fragmentOutline(_ text: String) -> ScriptOutline {
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var lines: [PlannedLine] = []
        for paragraph in paragraphs where !paragraph.isEmpty {
            let sentences = splitter.split(paragraph.replacingOccurrences(of: "\n", with: " "))
            for (i, s) in sentences.enumerated() {
                lines.append(PlannedLine(text: s, role: i == sentences.count - 1 ? .blockEnd(.paragraph) : .sentence))
            }
        }
        return outline([PlannedChapter(title: "Fragment", lines: lines)], title: "Fragment")
    }

    /// The normalized form of one sentence, for `--explain`.
    public func normalize(_ sentence: String) -> NormalizedText { normalizer.normalize(sentence) }

    func introSentences(_ article: Article) -> [String] {
        let headline = article.headline.trimmingCharacters(in: .whitespaces)
        let values: [String: String?] = [
            "{headline}": headline.isEmpty ? nil : headline.trimmingCharacters(in: CharacterSet(charactersIn: ".!?:;")),
            "{authors}": article.authors.isEmpty ? nil : Self.list(article.authors),
            "{date}": article.published.map(Self.spokenDate),
        ]
        return intro.sentences.compactMap { template in
            var sentence = template
            for (key, value) in values where sentence.contains(key) {
                guard let value else { return nil }
                sentence = sentence.replacingOccurrences(of: key, with: value)
            }
            return sentence
        }
    }

    /// Every chunk of every line, all at once: for `edition script` and tests. Production speaks
    /// the outline line by line instead (`sentence(_:)`), so a long text is never held whole.
    public func script(from outline: ScriptOutline) -> Script {
        Script(title: outline.title, chapters: outline.chapters.compactMap { chapter in
            let sentences = chapter.lines.compactMap(sentence)
            return sentences.isEmpty ? nil : ScriptChapter(title: chapter.title, sentences: sentences)
        })
    }

    /// One line normalized, with the voice's lexicon, and cut into chunks the engine can speak;
    /// nil when nothing in it is spoken.
    public func sentence(_ line: ScriptOutline.Line) -> Sentence? {
        let normalized = normalizer.normalize(line.text)
        let chunks = chunker.chunks(text: normalized.spoken, tokens: normalized.tokens, pauseAfter: line.pauseAfter)
        return chunks.isEmpty ? nil : Sentence(source: line.text, chunks: chunks)
    }

    /// Pauses from the profile: after a sentence, a paragraph, a heading, around a quotation,
    /// between chapters; nothing after the last line.
    private func outline(_ planned: [PlannedChapter], title: String) -> ScriptOutline {
        let pauses = profile.pauses
        var chapters: [ScriptOutline.Chapter] = []
        for (c, chapter) in planned.enumerated() where !chapter.lines.isEmpty {
            var lines: [ScriptOutline.Line] = []
            for (l, line) in chapter.lines.enumerated() {
                let lastInChapter = l == chapter.lines.count - 1
                var pause: Int
                switch line.role {
                case .intro, .sentence: pause = pauses.sentence
                case .heading: pause = pauses.heading
                case .blockEnd(let kind): pause = kind == .quote ? max(pauses.paragraph, pauses.quote) : pauses.paragraph
                }
                // A quotation block is set off before it too.
                if l + 1 < chapter.lines.count, case .blockEnd(.quote) = chapter.lines[l + 1].role, line.role != .heading {
                    pause = max(pause, pauses.quote)
                }
                if lastInChapter { pause = c == planned.count - 1 ? 0 : pauses.chapter }
                lines.append(ScriptOutline.Line(text: line.text, pauseAfter: pause))
            }
            chapters.append(ScriptOutline.Chapter(title: chapter.title, lines: lines))
        }
        return ScriptOutline(title: title, chapters: chapters)
    }

    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }

    /// "March 19, 2024" when the date parsed; the source's own words otherwise.
    static func spokenDate(_ date: PublicationDate) -> String {
        guard let parsed = date.date else { return date.text }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMMM d, yyyy"
        return formatter.string(from: parsed)
    }
}

struct PlannedChapter {
    var title: String
    var lines: [PlannedLine]
}

struct PlannedLine {
    enum Role: Equatable { case intro, heading, sentence, blockEnd(Block.Kind) }
    var text: String
    var role: Role
}
