import Foundation
import Yams

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

    public func all() throws -> [VoiceProfile] { try files().map(VoiceProfile.load) }

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
    public static func load(_ url: URL) throws -> VoiceProfile {
        let label = "Voices/\(url.lastPathComponent)"
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw VoiceProfileError.invalid(label, "cannot be read (\(error.localizedDescription))")
        }
        var profile: VoiceProfile
        do { profile = try YAMLDecoder().decode(VoiceProfile.self, from: text) } catch let DecodingError.keyNotFound(key, _) {
            throw VoiceProfileError.invalid(label, "`\(key.stringValue)` is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw VoiceProfileError.invalid(label, "`\(path)` has the wrong type")
        } catch {
            throw VoiceProfileError.invalid(label, "is not valid YAML (\(error))")
        }
        if profile.name.isEmpty { profile.name = url.deletingPathExtension().lastPathComponent }
        // Shared lexicons first; the profile's own entries come last and so win.
        var shared: [Lexicon.Entry] = []
        for file in profile.lexiconFiles {
            let lexiconURL = URL(fileURLWithPath: file, relativeTo: url.deletingLastPathComponent())
            guard let text = try? String(contentsOf: lexiconURL, encoding: .utf8) else {
                throw VoiceProfileError.invalid(label, "lexicon file `\(file)` cannot be read")
            }
            do { shared += try YAMLDecoder().decode([Lexicon.Entry].self, from: text) } catch {
                throw VoiceProfileError.invalid(label, "lexicon file `\(file)` is not a list of `word`/`say` entries")
            }
        }
        profile.lexicon.entries = shared + profile.lexicon.entries
        try profile.validate(label)
        return profile
    }

    /// Ranges are espeak-ng's own (see ENGINE-FACTS): outside them it clamps or misbehaves silently.
    public func validate(_ label: String) throws {
        func within(_ key: String, _ value: Int, _ range: ClosedRange<Int>) throws {
            guard range.contains(value) else {
                throw VoiceProfileError.invalid(label, "`\(key)` must be \(range.lowerBound)–\(range.upperBound) (got \(value))")
            }
        }
        try within("engine.rate", engine.rate, 80...449)
        try within("engine.pitch", engine.pitch, 0...99)
        try within("engine.range", engine.range, 0...99)
        try within("engine.volume", engine.volume, 0...199)
        for (key, value) in [("clause", pauses.clause), ("sentence", pauses.sentence), ("paragraph", pauses.paragraph),
                             ("heading", pauses.heading), ("chapter", pauses.chapter), ("quote", pauses.quote)] {
            try within("pauses.\(key)", value, 0...10_000)
        }
        guard (-40.0 ... -5.0).contains(mastering.loudness) else {
            throw VoiceProfileError.invalid(label, "`mastering.loudness` must be −40…−5 LUFS (got \(mastering.loudness))")
        }
        guard (-12.0 ... 0.0).contains(mastering.truePeak) else {
            throw VoiceProfileError.invalid(label, "`mastering.truePeak` must be −12…0 dBTP (got \(mastering.truePeak))")
        }
        guard [22050, 44100, 48000].contains(mastering.sampleRate) else {
            throw VoiceProfileError.invalid(label, "`mastering.sampleRate` must be 22050, 44100 or 48000 (got \(mastering.sampleRate))")
        }
        for entry in lexicon.entries where entry.word.trimmingCharacters(in: .whitespaces).isEmpty || entry.say.isEmpty {
            throw VoiceProfileError.invalid(label, "a lexicon entry has an empty `word` or `say`")
        }
    }
}

public enum VoiceProfileError: LocalizedError, Equatable {
    case unknown(String, choices: [String])
    case invalid(String, String)
    case noLibrary

    public var errorDescription: String? {
        switch self {
        case .unknown(let name, let choices):
            return "no voice named '\(name)'; choose one of: \(choices.joined(separator: ", "))"
        case .invalid(let label, let why): return "\(label): \(why)"
        case .noLibrary: return "no Voices/ folder found; set EDITION_VOICES or pass --voices DIR"
        }
    }
}
