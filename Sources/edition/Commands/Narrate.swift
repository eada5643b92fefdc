import ArgumentParser
import Building
import EditionCore
import Foundation

struct Narrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Narrate articles into audio files with chapters and sidecars.",
        discussion: """
            For each article writes <slug>.wav (16-bit PCM, named chapter markers) and <slug>.mp3, \
            <slug>.chapters.json (Podcasting 2.0 chapters), word-timed transcripts and <slug>.json \
            (episode metadata) into the output folder. Always rebuilds (see `edition build` for \
            batches that skip what is up to date). Files appear only when complete. A failed \
            article is reported and the others go on; the exit status is non-zero if any failed.
            """)

    @Argument(help: ArgumentHelp("Article files (.txt, .md, .html), or - for standard input.", valueName: "file"))
    var files: [String]

    @OptionGroup var voice: VoiceOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var output: String = "Output"

    @OptionGroup var workers: WorkerOptions
    @OptionGroup var introOptions: IntroOptions
    @OptionGroup var mastering: MasteringOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one article file.") }
    }

    func run() throws {
        let library = try voice.library()
        if let name = voice.voice { _ = try library.profile(named: name) }   // an unknown voice is one error, not one per file
        let mastering = self.mastering
        let options = BuildOptions(outputDirectory: URL(fileURLWithPath: output), formats: mastering.chosenFormats,
                                   defaultVoice: voice.voice, library: library, mastering: { mastering.apply(to: $0) },
                                   intro: introOptions.template, force: true, journal: false)
        let display = NarrateDisplay(quiet: quiet, outputDirectory: options.outputDirectory)
        let report = try workers.narrator(voices: library).build(files.map { BuildItem.article($0) }, options: options,
                                                                events: display.show)
        if report.failed > 0 { throw ExitCode.failure }
    }
}

/// `edition narrate`'s display: a live bar per article on a terminal, then one line per file
/// written (path, duration, chapters, loudness) on standard output; warnings and errors on
/// standard error.
final class NarrateDisplay {
    private let quiet: Bool
    private let outputDirectory: URL
    private let progress: ProgressDisplay
    private var current = ""
    private var currentIndex = 0

    init(quiet: Bool, outputDirectory: URL) {
        self.quiet = quiet
        self.outputDirectory = outputDirectory
        progress = ProgressDisplay(enabled: !quiet)
    }

    func show(_ event: BuildEvent) {
        switch event {
        case .itemStarted(let i, let name): (currentIndex, current) = (i, name)
        // An item's last takes may be reported after the next item has started.
        case .progress(let i, let p): if i == currentIndex { progress.update(current, p) }
        case .itemFinished(_, let r, _):
            progress.finish()
            if r.status == .failed { Console.error("error: \(r.error ?? "failed")"); return }
            for warning in r.warnings { Console.error("warning: \(warning)") }
            if !quiet, let first = r.files.first {
                print("\(outputDirectory.appendingPathComponent(first).path)  \(Timecode.string(r.audioSeconds))  \(r.chapters ?? 0) chapters  \(r.loudness.map { "\($0) LUFS" } ?? "")")
            }
        case .started, .finished: break
        }
    }
}
