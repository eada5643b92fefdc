import ArgumentParser
import Building
import EditionCore
import Foundation
import Synthesizing

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
    @OptionGroup var cache: CacheOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var output: String = "Output"

    @Option(name: .shortAndLong, help: "Worker processes for synthesis (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Rebuild items even when they are up to date.")
    var force = false

    @OptionGroup var introOptions: IntroOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Print machine-readable progress events, one JSON object per line.")
    var json = false

    @Option(name: .long, help: .hidden)
    var injectWorkerCrash: String?

    func validate() throws {
        if sources.isEmpty { throw ValidationError("Name at least one article, folder or manifest.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if quiet && json { throw ValidationError("--quiet and --json cannot be combined.") }
    }

    func run() throws {
        let items = try BuildPlan.items(from: sources)
        var environment: [String: String] = [:]
        if let injectWorkerCrash { environment[Synthesizing.Worker.crashTrigger] = injectWorkerCrash }
        let pool = WorkerPool(executable: Executable.path, jobs: jobs, environment: environment)
        let mastering = self.mastering
        let options = BuildOptions(outputDirectory: URL(fileURLWithPath: output), formats: mastering.chosenFormats,
                                   defaultVoice: voice.voice, library: try voice.library(),
                                   mastering: { mastering.apply(to: $0) }, intro: introOptions.template, force: force)
        let builder = Builder(producer: Producer(pool: pool, cache: try cache.open()), options: options)
        let display = BuildDisplay(mode: quiet ? .quiet : json ? .json : .automatic)
        let report = builder.run(items, events: display.show)
        if report.failed > 0 { throw ExitCode.failure }
    }
}
