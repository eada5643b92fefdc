import ArgumentParser
import Building
import EditionCore
import Foundation
import Publishing

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

    @Option(name: .long, help: ArgumentHelp(
        "Build only shard I of N (0 ≤ I < N; Slurm's $SLURM_ARRAY_TASK_ID, Kubernetes' $JOB_COMPLETION_INDEX). Articles are split by text length, the same way whatever order they are listed in; a plain build over the same sources then finishes: editions, the merged report, the feed.",
        valueName: "I/N"))
    var shard: String?

    @Option(name: .long, help: ArgumentHelp("Also write feed.xml into the output folder, from this podcast config (as `edition feed`).", valueName: "file"))
    var feedConfig: String?

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
        if let shard {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError(error.localizedDescription) }
            if feedConfig != nil { throw ValidationError("--feed-config belongs to the finishing build (the same command without --shard), once every shard is done.") }
        }
    }

    func run() throws {
        let items = try BuildPlan.items(from: sources)
        let library = try voice.library()
        let podcast = try feedConfig.map { try PodcastConfig.load(URL(fileURLWithPath: $0), warn: { Console.error("warning: \($0)") }) }
        let mastering = self.mastering
        var options = BuildOptions(outputDirectory: URL(fileURLWithPath: output), formats: mastering.chosenFormats,
                                   defaultVoice: voice.voice, library: library,
                                   mastering: { mastering.apply(to: $0) }, intro: introOptions.template, force: force)
        options.shard = try shard.map(Shard.init(parsing:))
        let display = BuildDisplay(mode: quiet ? .quiet : json ? .json : .automatic)
        let report = try workers.narrator(voices: library).build(items, options: options, events: display.show)
        if let podcast {
            let (target, count) = try Feed.write(podcast, directory: options.outputDirectory)
            if !quiet && !json { print("\(target.path)  \(count) episodes") }
        }
        if report.failed > 0 { throw ExitCode.failure }
    }
}
