import ArgumentParser
import EditionCore
import Mastering

extension AudioFormat: ExpressibleByArgument {}

/// Output formats and mastering overrides, shared by every command that writes audio.
struct MasteringOptions: ParsableArguments {
    @Option(name: .customLong("format"),
            help: ArgumentHelp("Output format, repeatable: \(AudioFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: wav and mp3).", valueName: "format"))
    var formats: [AudioFormat] = []

    @Option(name: .long, help: "Output sample rate: 44100 or 48000 (default: the profile's; Opus is always 48000).")
    var sampleRate: Int?

    @Option(name: .long, help: "Integrated loudness target in LUFS (default: the profile's, usually -16).")
    var loudness: Double?

    @Option(name: .long, help: "True-peak ceiling in dBTP (default: the profile's).")
    var truePeak: Double?

    @Option(name: .long, help: ArgumentHelp("Audio file (WAV/FLAC) played before the narration.", valueName: "file"))
    var introAudio: String?

    @Option(name: .long, help: ArgumentHelp("Audio file (WAV/FLAC) played after the narration.", valueName: "file"))
    var outroAudio: String?

    @Flag(name: .long, help: "Keep the engine's levels: no loudness normalization, no limiter.")
    var noMastering = false

    var chosenFormats: [AudioFormat] {
        var seen = Set<AudioFormat>()
        return (formats.isEmpty ? [.wav, .mp3] : formats).filter { seen.insert($0).inserted }
    }

    func validate() throws {
        if let sampleRate, ![22050, 44100, 48000].contains(sampleRate) {
            throw ValidationError("--sample-rate must be 44100 or 48000 (or 22050, the engine's own rate).")
        }
        if let loudness, !(-40 ... -5).contains(loudness) { throw ValidationError("--loudness must be between -40 and -5 LUFS.") }
        if let truePeak, !(-12 ... 0).contains(truePeak) { throw ValidationError("--true-peak must be between -12 and 0 dBTP.") }
    }

    func apply(to plan: MasteringPlan) -> MasteringPlan {
        var plan = plan
        if let sampleRate { plan.sampleRate = sampleRate }
        if let loudness { plan.loudness = loudness }
        if let truePeak { plan.truePeak = truePeak }
        if let introAudio { plan.introAudio = introAudio }
        if let outroAudio { plan.outroAudio = outroAudio }
        if noMastering { plan.normalize = false }
        return plan
    }
}
