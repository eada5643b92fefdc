import CLibXML2
import EditionCore
import Foundation

extension HTMLReader {
    /// The story as the walk reads it: sections of blocks, what was dropped and why, and the
    /// byline found above the body.
    struct Story {
        var sections = [Section()]
        var removed: [RemovedLine] = []
        var bylineAuthors: [String] = []
        var bylineDate: PublicationDate?

        var hasBody: Bool { sections.contains { !$0.blocks.isEmpty } }

        mutating func append(_ block: Block) { sections[sections.count - 1].blocks.append(block) }

        /// A run of text and inline elements: a paragraph, unless it is furniture, a byline or
        /// a bare date above the body.
        mutating func read(run nodes: [xmlNodePtr]) {
            let text = nodes.map(\.rawText).joined().collapsingWhitespace
            if text.isEmpty { return }
            if let reason = Furniture.reason(text) {
                removed.append(RemovedLine(text: text, reason: reason))
            } else if !hasBody, let lead = Byline.lead(text) {
                // "By A and B" or a date above the story is metadata, not story.
                if bylineAuthors.isEmpty { bylineAuthors = lead.authors }
                bylineDate = bylineDate ?? lead.date
                removed.append(RemovedLine(text: text, reason: lead.reason))
            } else if nodes.allSatisfy({ $0.tag == "time" || ($0.isText && !$0.hasVisibleText) }) {
                removed.append(RemovedLine(text: text, reason: "date line"))  // "<time>Nov 21</time>" on its own
            } else {
                append(Block(.paragraph, text))
            }
        }

        /// Whether the page's markup gave less than half the words of the JSON-LD body: the story
        /// is drawn by a script, hidden, or the finder chose wrongly.
        func lacks(_ linkedBody: String) -> Bool {
            let wanted = Self.words(linkedBody)
            guard wanted.count >= 30 else { return false }
            var have: [Substring: Int] = [:]
            for section in sections {
                for word in Self.words(([section.heading ?? ""] + section.blocks.map(\.text)).joined(separator: " ")) { have[word, default: 0] += 1 }
            }
            var found = 0
            for word in wanted where (have[word] ?? 0) > 0 {
                have[word]! -= 1
                found += 1
            }
            return found * 2 < wanted.count
        }

        /// Reads the JSON-LD body instead, one paragraph per line; what the markup gave is kept
        /// among the removed lines.
        mutating func useLinkedBody(_ body: String) {
            for block in sections.flatMap(\.blocks) {
                removed.append(RemovedLine(text: String(block.text.prefix(500)), reason: "not in the article body the page gives in JSON-LD"))
            }
            // Some publishers put markup and entities in the JSON string.
            let plain = HTMLEntities.decode(body.replacingOccurrences(of: #"<(?:p|br|div|h\d|li)\b[^>]*>"#, with: "\n", options: [.regularExpression, .caseInsensitive])
                .replacingOccurrences(of: #"<[^>]{0,500}>"#, with: "", options: .regularExpression))
            let paragraphs = plain.components(separatedBy: .newlines).map(\.collapsingWhitespace).filter { !$0.isEmpty }
            sections = [Section(blocks: paragraphs.map { Block(.paragraph, $0) })]
        }

        static func words(_ text: String) -> [Substring] {
            text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        }
    }
}
