import EditionCore

/// A sentence as planned, before its pause is known: its text and the part it plays.
struct PlannedLine {
    enum Role: Equatable {
        case intro, heading
        /// A sentence of a body block; `first` and `last` say where it sits in the block.
        case body(Block.Kind, first: Bool, last: Bool)
    }
    var text: String
    var role: Role

    var startsQuote: Bool { if case .body(.quote, true, _) = role { return true } else { return false } }
    var endsQuote: Bool { if case .body(.quote, _, true) = role { return true } else { return false } }

    /// The kind of block the line shows in, for the episode's text layout.
    var block: TextBlock.Kind {
        switch role {
        case .intro: return .intro
        case .heading: return .heading
        case .body(.paragraph, _, _): return .paragraph
        case .body(.quote, _, _): return .quote
        case .body(.listItem, _, _): return .listItem
        }
    }

    /// Intro sentences run together as one paragraph; a heading is a block of its own.
    var endsBlock: Bool {
        switch role {
        case .intro: return false
        case .heading: return true
        case .body(_, _, let last): return last
        }
    }
}

struct PlannedChapter {
    var title: String
    var lines: [PlannedLine]
}

/// The silence after every line, from the voice profile: after a sentence, a paragraph (any
/// block's last sentence), a heading, between chapters, nothing after the last line. A
/// quotation block is set off by the profile's `quote` pause on top of the pause before its
/// first sentence and after its last, however many sentences it has.
struct PausePlanner {
    let pauses: PausePlan

    func outline(_ planned: [PlannedChapter], title: String) -> ScriptOutline {
        let chapters = planned.filter { !$0.lines.isEmpty }
        return ScriptOutline(title: title, chapters: chapters.enumerated().map { c, chapter in
            let lines = chapter.lines.enumerated().map { l, line in
                let next = l + 1 < chapter.lines.count ? chapter.lines[l + 1] : nil
                let pause: Int
                if next == nil {
                    pause = c == chapters.count - 1 ? 0 : pauses.chapter
                } else {
                    pause = self.pause(after: line) + (next!.startsQuote || line.endsQuote ? pauses.quote : 0)
                }
                return ScriptOutline.Line(text: line.text, pauseAfter: pause, role: line.block, endsBlock: line.endsBlock)
            }
            return ScriptOutline.Chapter(title: chapter.title, lines: lines)
        })
    }

    private func pause(after line: PlannedLine) -> Int {
        switch line.role {
        case .intro: return pauses.sentence
        case .heading: return pauses.heading
        case .body(_, _, let last): return last ? pauses.paragraph : pauses.sentence
        }
    }
}
