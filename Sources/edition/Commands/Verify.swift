import ArgumentParser
import EditionCore
import Building
import EditionCore
import Foundation

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read produced audio files back and check them before they ship.",
        discussion: """
            Reports format, duration, chapters, loudness and true peak, clipping and the longest \
            silence, and whether the chapters JSON, transcript and episode metadata beside each \
            file agree with it. Exits non-zero when any check fails.
            """)

    @Argument(help: ArgumentHelp("Audio files (.wav, .mp3, .flac, .opus, .ogg).", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: "Loudness target in LUFS.")
    var loudness: Double = -16

    @Option(name: .long, help: "Allowed distance from the loudness target, in LU.")
    var tolerance: Double = 1

    @Option(name: .long, help: "True-peak limit in dBTP.")
    var truePeak: Double = -1

    @Flag(name: .long, help: "Print the reports as JSON.")
    var json = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one audio file.") }
    }

    func run() throws {
        let verifier = Verifier(targetLoudness: loudness, loudnessTolerance: tolerance, truePeakLimit: truePeak)
        var reports: [Verifier.Report] = []
        var failed = false
        for file in files {
            do {
                let report = try verifier.verify(file)
                reports.append(report)
                failed = failed || !report.passed
                if !json { print(Self.text(report)) }
            } catch {
                Console.error("error: \(error.localizedDescription)")
                failed = true
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(reports), as: UTF8.self))
        }
        if failed { throw ExitCode.failure }
    }

    static func text(_ r: Verifier.Report) -> String {
        var lines = ["\(r.file)", "  format    \(r.format), \(r.sampleRate) Hz, \(Timecode.string(r.duration))"]
        lines.append("  chapters  \(r.chapters.count)")
        for c in r.chapters { lines.append("            \(Timecode.string(c.startTime))  \(c.title)") }
        for check in r.checks { lines.append("  \(check.passed ? "ok  " : "FAIL") \(check.name): \(check.detail)") }
        return lines.joined(separator: "\n")
    }
}
