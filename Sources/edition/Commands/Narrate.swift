import ArgumentParser
import Building
import EditionCore
import Foundation
import Mastering
import Synthesizing

struct Narrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Narrate articles into WAV files with chapters and sidecars.",
        discussion: """
            For each article writes <slug>.wav (16-bit PCM, named chapter markers), <slug>.chapters.json \
            (Podcasting 2.0 chapters) and <slug>.json (episode metadata) into the output folder. \
            Files appear only when complete. A failed article is reported and the others go on; \
            the exit status is non-zero if any failed.
            """)

    @Argument(help: ArgumentHelp("Article files (.txt, .md, .html), or - for standard input.", valueName: "file"))
    var files: [String]

    @OptionGroup var voice: VoiceOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var output: String = "Output"

    @Option(name: .shortAndLong, help: "Worker processes for synthesis (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var introOptions: IntroOptions

    @OptionGroup var mastering: MasteringOptions
    @OptionGroup var cache: CacheOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Option(name: .long, help: .hidden)
    var injectWorkerCrash: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one article file.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        var profile = try voice.profile()
        profile.mastering = mastering.apply(to: profile.mastering)
        var environment: [String: String] = [:]
        if let injectWorkerCrash { environment[Synthesizing.Worker.crashTrigger] = injectWorkerCrash }
        let narrator = Narrator(pool: WorkerPool(executable: Executable.path, jobs: jobs, environment: environment),
                                cache: try cache.open())
        let outputDirectory = URL(fileURLWithPath: output)
        let display = ProgressDisplay(enabled: !quiet)
        var failed = 0
        for file in files {
            do {
                let narration = try narrator.narrate(file, profile: profile, outputDirectory: outputDirectory,
                                                     formats: mastering.chosenFormats, intro: introOptions.template) { display.update(file, $0) }
                display.finish()
                for warning in narration.episode.warnings { Console.error("warning: \(warning)") }
                if !quiet {
                    let e = narration.episode
                    print("\(narration.files[0].path)  \(Timecode.string(e.duration))  \(e.chapters.count) chapters  \(e.loudness.map { "\($0) LUFS" } ?? "")")
                }
            } catch {
                display.finish()
                Console.error("error: \(error.localizedDescription)")
                failed += 1
            }
        }
        if failed > 0 { throw ExitCode.failure }
    }
}
