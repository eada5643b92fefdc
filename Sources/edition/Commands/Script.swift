import ArgumentParser
import Building
import EditionCore
import Foundation
import Normalizing
import Reading

struct Script: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print exactly what will be spoken: one sentence per line, '## <chapter>' before each chapter.",
        discussion: """
            The same script that narration speaks, made by the same steps (reading, chapter and \
            pause planning, normalizing with the voice's lexicon, chunking), sentence by sentence.
            """)

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
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            // Written as encoded: a 20 MB page's JSON is not copied into a String to be printed.
            FileHandle.standardOutput.write(try encoder.encode(try ArticleReader().read(path: file)) + Data("\n".utf8))
            return
        }
        let plan: EpisodePlan
        if fragment {
            let name = file == "-" ? "stdin" : file
            let text = try SourceText.decode(try ArticleReader().load(path: file), name: name).text
            plan = .fragment(text, profile: try voice.profile(language: LanguageSniffer.language(of: text)))
        } else {
            let language = voice.voice == nil ? try ArticleReader().read(path: file).language : nil
            plan = try .article(.file(file), profile: try voice.profile(language: language), intro: introOptions.template)
        }
        let normalizer = plan.normalizer
        // Sentence by sentence, as narration speaks it: a book-length text never sits in memory as chunks.
        for line in plan.script {
            if let chapter = line.chapter, !fragment { print("## \(chapter)") }
            print(line.sentence.spoken)
            if explain {
                for rewrite in normalizer.normalize(line.sentence.source).explain() { print("    \(rewrite)") }
            }
        }
    }
}
