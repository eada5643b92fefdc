import ArgumentParser
import Building
import EditionCore
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Narrate many articles, and editions, skipping what is up to date.",
        discussion: """
            SOURCE may be an article file, a folder (searched recursively for .txt, .md, .html) or a \
            YAML manifest listing articles (each with an optional voice, title, date and url) and \
            editions (several articles in one programme, one chapter per story). Synthesized chunks \
            are cached by content, so a re-run redoes only what changed, and a run killed midway \
            resumes where it stopped. Writes build-report.json into the output folder. The exit \
            status is non-zero if any item failed, after all the others are done.
            """)

    @Argument(help: ArgumentHelp("Articles, folders or manifests.", valueName: "source"))
    var sources: [String]

    @OptionGroup var voice: VoiceOptions
    @OptionGroup var mastering: MasteringOptions
    @OptionGroup var workers: WorkerOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var output: String = "Output"

    @Flag(name: .long, help: "Rebuild items even when they are up to date.")
    var force = false

    @OptionGroup var introOptions: IntroOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Print machine-readable progress events, one JSON object per line.")
    var json = false

    func validate() throws {
        if sources.isEmpty { throw ValidationError("Name at least one article, folder or manifest.") }
        if quiet && json { throw ValidationError("--quiet and --json cannot be combined.") }
    }

    func run() throws {
        let items = try BuildPlan.items(from: sources)
        let library = try voice.library()
        let mastering = self.mastering
        let options = BuildOptions(outputDirectory: URL(fileURLWithPath: output), formats: mastering.chosenFormats,
                                   defaultVoice: voice.voice, library: library,
                                   mastering: { mastering.apply(to: $0) }, intro: introOptions.template, force: force)
        let display = BuildDisplay(mode: quiet ? .quiet : json ? .json : .automatic)
        let report = try workers.narrator(voices: library).build(items, options: options, events: display.show)
        if report.failed > 0 { throw ExitCode.failure }
    }
}
