import ArgumentParser
import Building
import EditionCore
import Foundation
import Reading

struct Script: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print exactly what will be spoken: one sentence per line, '## <chapter>' before each chapter.")

    @Argument(help: ArgumentHelp("Article file, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var voice: VoiceOptions

    @Flag(name: .long, help: "Print the whole article model as JSON, removed lines and reasons included.")
    var json = false

    @Flag(name: .long, help: "Treat the input as a bare text fragment: no headline detection, no intro.")
    var fragment = false

    @Flag(name: .long, help: "Show each rewrite the normalizer made: span, class, spoken words, rule.")
    var explain = false

    @OptionGroup var introOptions: IntroOptions

    func validate() throws {
        if json && fragment { throw ValidationError("--json describes an article; it cannot be combined with --fragment.") }
    }

    func run() throws {
        let builder = ScriptBuilder(profile: try voice.profile(), intro: introOptions.template)
        let reader = ArticleReader()
        let outline: ScriptOutline
        if fragment {
            let decoded = try SourceText.decode(try reader.load(path: file), name: file == "-" ? "stdin" : file)
            outline = builder.fragmentOutline(decoded.text)
        } else {
            let article = try reader.read(path: file)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                print(String(decoding: try encoder.encode(article), as: UTF8.self))
                return
            }
            outline = builder.outline(for: article)
        }
        // Line by line, as narration does: a book-length text never sits in memory as chunks.
        for chapter in outline.chapters {
            if !fragment { print("## \(chapter.title)") }
            for line in chapter.lines {
                guard let sentence = builder.sentence(line) else { continue }
                print(sentence.spoken)
                if explain {
                    for line in builder.normalize(sentence.source).explain() { print("    \(line)") }
                }
            }
        }
    }
}
