import ArgumentParser
import EditionCore

struct Voices: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the voice profiles, one per line.")

    @OptionGroup var options: VoiceOptions

    func run() throws {
        for profile in try options.library().all() {
            let name = profile.name.padding(toLength: 14, withPad: " ", startingAt: 0)
            let lang = profile.language.padding(toLength: 6, withPad: " ", startingAt: 0)
            print("\(name) \(lang) \(profile.engine.voiceName.padding(toLength: 14, withPad: " ", startingAt: 0)) \(profile.description)")
        }
    }
}
