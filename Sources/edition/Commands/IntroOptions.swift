import ArgumentParser
import Segmenting
import Building

/// How each article's spoken intro reads, shared by narrate, build and script.
struct IntroOptions: ParsableArguments {
    @Flag(name: .long, help: "Skip the spoken intro (headline, byline, date).")
    var noIntro = false

    @Option(name: .long, help: ArgumentHelp(
        "Intro sentences separated by '|', with {headline}, {authors} and {date}; a sentence whose value is missing is left out.",
        valueName: "template"))
    var intro: String = IntroTemplate.standard.sentences.joined(separator: "|")

    var template: IntroTemplate {
        let sentences = intro.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // The default speaks each article's language; a template of one's own is read as written.
        return noIntro ? .none : sentences == IntroTemplate.standard.sentences ? .standard : IntroTemplate(sentences: sentences)
    }
}
