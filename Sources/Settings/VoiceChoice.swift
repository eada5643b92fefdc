import EditionCore
import Foundation

extension VoiceLibrary {
    /// The voice a language is read with when no voice is named and several profiles speak it.
    /// Other languages get the first profile (by name) whose `language` is theirs.
    public static let defaultVoices = ["en": "en-us-news", "uk": "uk-news"]

    /// The one place a voice is chosen (narrate, build, script, serve): the named profile, else
    /// the default voice of the article's language, English when the language is unknown. A
    /// language with no profile is refused rather than read with another language's rules.
    public func profile(named name: String?, language: String?) throws -> VoiceProfile {
        if let name { return try profile(named: name) }
        let wanted = LanguageTag.primary(language ?? "en")
        let choices = try names()
        if let preferred = Self.defaultVoices[wanted], choices.contains(preferred) { return try profile(named: preferred) }
        if let speaker = try all().first(where: { LanguageTag.primary($0.language) == wanted }) { return speaker }
        throw VoiceProfileError.noVoice(language: language ?? "en", folder: directory.path, choices: choices)
    }
}
