import ArgumentParser
import Settings
import EditionCore
import Foundation

/// `--voice` and `--voices`, shared by every command that speaks.
struct VoiceOptions: ParsableArguments {
    @Option(name: .long, help: "Voice profile to read with (see `edition voices`; default: the voice of the article's language, en-us-news for English, uk-news for Ukrainian).")
    var voice: String?

    @Option(name: .long, help: ArgumentHelp("Folder of voice profiles (default: ./Voices, or the one beside the binary).", valueName: "dir"))
    var voices: String?

    func library() throws -> VoiceLibrary {
        if let voices { return VoiceLibrary(directory: URL(fileURLWithPath: voices)) }
        guard let library = VoiceLibrary.locate(executable: Executable.path) else { throw VoiceProfileError.noLibrary }
        return library
    }

    /// The named profile, else the default voice of `language` (see `VoiceLibrary.profile(named:language:)`).
    func profile(language: String?) throws -> VoiceProfile { try library().profile(named: voice, language: language) }
}

enum Executable {
    /// This binary, re-run as `edition worker` for synthesis.
    static var path: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
