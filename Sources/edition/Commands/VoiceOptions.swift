import ArgumentParser
import Settings
import EditionCore
import Foundation

/// `--voice` and `--voices`, shared by every command that speaks.
struct VoiceOptions: ParsableArguments {
    @Option(name: .long, help: "Voice profile to read with (see `edition voices`).")
    var voice: String = "en-us-news"

    @Option(name: .long, help: ArgumentHelp("Folder of voice profiles (default: ./Voices, or the one beside the binary).", valueName: "dir"))
    var voices: String?

    func library() throws -> VoiceLibrary {
        if let voices { return VoiceLibrary(directory: URL(fileURLWithPath: voices)) }
        guard let library = VoiceLibrary.locate(executable: Executable.path) else { throw VoiceProfileError.noLibrary }
        return library
    }

    func profile() throws -> VoiceProfile { try library().profile(named: voice) }
}

enum Executable {
    /// This binary, re-run as `edition worker` for synthesis.
    static var path: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
