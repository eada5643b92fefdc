import Settings
import EditionCore
import Foundation
import Mastering
import Segmenting

/// How a build runs.
public struct BuildOptions: Sendable {
    public var outputDirectory: URL
    public var formats: [AudioFormat]
    /// The voice for items that name none; nil chooses by each article's language.
    public var defaultVoice: String?
    public var library: VoiceLibrary
    /// Command-line mastering overrides, applied over each item's profile.
    public var mastering: @Sendable (MasteringPlan) -> MasteringPlan
    public var intro: IntroTemplate
    /// Speaking rate relative to each voice's own (OpenAI's `speed`; 1 is the voice's rate).
    public var speed: Double = 1
    /// Rebuild even what is up to date.
    public var force: Bool
    /// Keep the journal (skip what is up to date, resume a killed run) and write
    /// `build-report.json`. `edition narrate` and the library's `narrate` do neither: they
    /// always rebuild.
    public var journal: Bool
    /// Build only this shard's articles (`--shard I/N`); a plain build finishes a sharded one.
    public var shard: Shard?

    public init(outputDirectory: URL, formats: [AudioFormat] = [.wav, .mp3], defaultVoice: String? = nil,
                library: VoiceLibrary, mastering: @escaping @Sendable (MasteringPlan) -> MasteringPlan = { $0 },
                intro: IntroTemplate = .standard, force: Bool = false, journal: Bool = true) {
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.defaultVoice = defaultVoice
        self.library = library
        self.mastering = mastering
        self.intro = intro
        self.force = force
        self.journal = journal
    }
}

/// An item's failure, naming the item once: "story.txt: espeak-ng failed to …". Messages of
/// the stages that already name the input (a reading error) are kept as they are, and hidden
/// temporary file names are replaced by the names the user will see.
public struct ItemError: LocalizedError {
    public var item: String
    public var underlying: Error

    public var errorDescription: String? {
        let message = AtomicOutput.finalNames(in: underlying.localizedDescription)
        return message.hasPrefix(item) ? message : "\(item): \(message)"
    }
}
