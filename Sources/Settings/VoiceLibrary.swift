import EditionCore
import Foundation

/// Finds and loads the voice profiles in a `Voices/` folder (one YAML file per profile).
public struct VoiceLibrary: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The first `Voices/` folder found: `$EDITION_VOICES`, then `./Voices`, then beside the
    /// executable or any folder above it (so a built binary finds the repository's profiles).
    public static func locate(executable: String = CommandLine.arguments.first ?? "") -> VoiceLibrary? {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["EDITION_VOICES"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Voices"))
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            candidates.append(dir.appendingPathComponent("Voices"))
            candidates.append(dir.appendingPathComponent("share/edition/Voices"))
            dir.deleteLastPathComponent()
        }
        let found = candidates.first { url in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
        }
        return found.map(VoiceLibrary.init(directory:))
    }

    /// The profile files, sorted by name.
    public func files() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    public func names() throws -> [String] { try files().map { $0.deletingPathExtension().lastPathComponent } }

    public func all() throws -> [VoiceProfile] { try files().map { try VoiceProfile.load($0) } }

    /// Loads a profile by name; an unknown name lists the choices.
    public func profile(named name: String) throws -> VoiceProfile {
        let choices = try names()
        guard let file = try files().first(where: { $0.deletingPathExtension().lastPathComponent == name }) else {
            throw VoiceProfileError.unknown(name, choices: choices)
        }
        return try VoiceProfile.load(file)
    }
}

extension VoiceProfile {
    /// Every key a profile may hold, and those of its blocks.
    public static let keys = ["name", "description", "language", "engine", "pauses", "mastering", "lexiconFiles", "lexicon"]
    static let engineKeys = ["voice", "variant", "rate", "pitch", "range", "volume", "wordGap"]
    static let pauseKeys = ["clause", "sentence", "paragraph", "heading", "chapter", "quote"]
    static let masteringKeys = ["loudness", "truePeak", "sampleRate", "introAudio", "outroAudio", "normalize"]
    static let entryKeys = ["word", "say", "caseSensitive"]

    /// Reads a profile file. Only `engine.voice` is required; everything else has a newsreader's
    /// default. Ranges are espeak-ng's own (see ENGINE-FACTS): outside them it clamps or
    /// misbehaves silently, so they are refused here. Errors are `ConfigError`s naming the file
    /// (`file`, by default its path), the line and the key; an unknown key suggests the nearest.
    public static func load(_ url: URL, file: String? = nil) throws -> VoiceProfile {
        let document = try ConfigDocument.load(url, file: file)
        var profile = try read(document, lexiconFolder: url.deletingLastPathComponent())
        if profile.name.isEmpty { profile.name = url.deletingPathExtension().lastPathComponent }
        return profile
    }

    /// Parses profile text; `lexiconFolder` is where `lexiconFiles` are found.
    public static func parse(yaml text: String, file: String, lexiconFolder: URL? = nil) throws -> VoiceProfile {
        try read(try ConfigDocument.parse(yaml: text, file: file), lexiconFolder: lexiconFolder)
    }

    static func read(_ document: ConfigDocument, lexiconFolder: URL?) throws -> VoiceProfile {
        let map = try document.mapping(keys: keys, shape: "`engine:` with `voice:` under it")
        var profile = VoiceProfile(name: try map["name"]?.string().trimmingCharacters(in: .whitespaces) ?? "",
                                   description: try map["description"]?.string() ?? "",
                                   language: try map["language"]?.text() ?? "en-US",
                                   engine: try engine(try map.required("engine").mapping(keys: engineKeys)))
        if let pauses = try map["pauses"]?.mapping(keys: pauseKeys) {
            func pause(_ key: String, _ value: inout Int) throws {
                if let given = try pauses[key]?.integer(in: 0...10_000) { value = given }
            }
            try pause("clause", &profile.pauses.clause)
            try pause("sentence", &profile.pauses.sentence)
            try pause("paragraph", &profile.pauses.paragraph)
            try pause("heading", &profile.pauses.heading)
            try pause("chapter", &profile.pauses.chapter)
            try pause("quote", &profile.pauses.quote)
        }
        if let mastering = try map["mastering"]?.mapping(keys: masteringKeys) {
            var plan = MasteringPlan()
            if let value = try mastering["loudness"]?.number(in: -40 ... -5, described: "−40…−5 LUFS") { plan.loudness = value }
            if let value = try mastering["truePeak"]?.number(in: -12 ... 0, described: "−12…0 dBTP") { plan.truePeak = value }
            if let value = try mastering["sampleRate"]?.integer(among: [22050, 44100, 48000]) { plan.sampleRate = value }
            plan.introAudio = try mastering["introAudio"]?.text()
            plan.outroAudio = try mastering["outroAudio"]?.text()
            plan.normalize = try mastering["normalize"]?.flag() ?? true
            profile.mastering = plan
        }
        // Shared lexicons first; the profile's own entries come last and so win.
        var shared: [Lexicon.Entry] = []
        if let files = try map["lexiconFiles"]?.list() {
            for file in files {
                let name = try file.text()
                profile.lexiconFiles.append(name)
                let url = URL(fileURLWithPath: name, relativeTo: lexiconFolder).absoluteURL
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    throw file.fail("`lexiconFiles`: `\(name)` cannot be read")
                }
                let lexicon = try ConfigDocument.parse(yaml: text, file: ConfigDocument.displayPath(url))
                shared += try lexicon.list(of: "`word`/`say` entries").map(entry)
            }
        }
        profile.lexicon.entries = shared + (try map["lexicon"]?.list().map(entry) ?? [])
        return profile
    }

    static func engine(_ map: ConfigMapping) throws -> EngineSettings {
        var engine = EngineSettings(voice: try map.required("voice").text())
        engine.variant = try map["variant"]?.text()
        if let value = try map["rate"]?.integer(in: 80...449) { engine.rate = value }
        if let value = try map["pitch"]?.integer(in: 0...99) { engine.pitch = value }
        if let value = try map["range"]?.integer(in: 0...99) { engine.range = value }
        if let value = try map["volume"]?.integer(in: 0...199) { engine.volume = value }
        if let value = try map["wordGap"]?.integer(in: 0...50) { engine.wordGap = value }
        return engine
    }

    /// One lexicon entry: `word`, `say` and optionally `caseSensitive`.
    static func entry(_ value: ConfigValue) throws -> Lexicon.Entry {
        let map = try value.mapping(keys: entryKeys)
        return Lexicon.Entry(word: try map.required("word").text(), say: try map.required("say").text(),
                             caseSensitive: try map["caseSensitive"]?.flag() ?? false)
    }
}

public enum VoiceProfileError: LocalizedError, Equatable {
    case unknown(String, choices: [String])
    case noLibrary
    /// No profile speaks the article's language (`folder` is where profiles were looked for).
    case noVoice(language: String, folder: String, choices: [String])

    public var errorDescription: String? {
        switch self {
        case .unknown(let name, let choices):
            return "no voice named '\(name)'; choose one of: \(choices.joined(separator: ", "))"
        case .noLibrary: return "no Voices/ folder found; set EDITION_VOICES or pass --voices DIR"
        case .noVoice(let language, let folder, let choices):
            return "the article is in \(LanguageTag.name(language)), and no voice profile in \(folder) speaks it, so it is not read with another "
                + "language's rules. Add a profile with `language: \(LanguageTag.primary(language))` there, or pass --voice NAME to read it with one of: "
                + choices.joined(separator: ", ")
        }
    }
}
