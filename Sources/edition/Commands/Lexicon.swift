import ArgumentParser
import Building
import EditionCore
import Foundation
import Reading
import Synthesizing

struct Lexicon: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Help with the voice's pronunciation lexicon.",
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the words of articles that espeak-ng does not know and will guess from spelling.",
            discussion: """
                Each article is read and normalized as narration would (the voice's lexicon included); \
                a word that is in neither espeak-ng's dictionary (its translation trace tells) nor the \
                system word list is listed with how often it occurs and the phonemes espeak-ng would \
                use, so an editor can add lexicon entries before publishing. --yaml prints them as \
                lexicon entries to correct.
                """)

        @Argument(help: ArgumentHelp("Article files (text, Markdown or HTML).", valueName: "file"))
        var files: [String]

        @OptionGroup var voice: VoiceOptions

        @Flag(name: .long, help: "Print the words as lexicon entries (YAML) to fill in.")
        var yaml = false

        func run() throws {
            // One voice checks every file: the first readable article's language chooses it.
            let language = files.lazy.compactMap { try? ArticleReader().read(path: $0) }.first?.language
            let profile = try voice.profile(language: language)
            var check = LexiconCheck()
            var read = 0
            for file in files {
                do {
                    for line in try EpisodePlan.article(.file(file), profile: profile).script { check.add(spoken: line.sentence.spoken) }
                    read += 1
                } catch {
                    FileHandle.standardError.write(Data("edition: \(file): \(error.localizedDescription)\n".utf8))
                }
            }
            guard read > 0 else { throw ExitCode.failure }
            let entries = try check.guessedWords(engine: try SpeechEngine(), settings: profile.engine, language: profile.language)
            if yaml {
                print(LexiconCheck.yaml(entries, voice: profile.name, espeakVoice: profile.engine.voiceName), terminator: "")
            } else if entries.isEmpty {
                print("espeak-ng knows every word (voice \(profile.name)).")
            } else {
                let width = entries.map(\.word.count).max() ?? 4
                print("count  \("word".padding(toLength: width, withPad: " ", startingAt: 0))  espeak-ng's guess")
                for e in entries {
                    print("\(String(format: "%5d", e.count))  \(e.word.padding(toLength: width, withPad: " ", startingAt: 0))  [[\(e.phonemes)]]")
                }
                print("\(entries.count) \(entries.count == 1 ? "word" : "words") guessed from spelling; --yaml prints them as lexicon entries.")
            }
            if read < files.count { throw ExitCode.failure }
        }
    }
}

