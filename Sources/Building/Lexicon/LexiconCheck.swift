import EditionCore
import Foundation
import Normalizing
import Synthesizing

/// The words of a script that espeak-ng will guess from spelling: not in its dictionary, not in
/// the system word list (so regular English it spells out right), and not already in the voice's
/// lexicon. Those are the names and loanwords an editor should check before publishing.
public struct LexiconCheck {
    public struct Entry: Sendable, Equatable {
        public var word: String
        public var phonemes: String
        public var count: Int
    }

    private var counts: [String: (form: String, count: Int)] = [:]
    private var order: [String] = []

    public init() {}

    /// Counts the words of one spoken sentence; `[[phonemes]]` from the lexicon are skipped.
    public mutating func add(spoken: String) {
        var word = ""
        var inPhonemes = false
        let scalars = Array(spoken.unicodeScalars)
        func flush() {
            var w = word
            word = ""
            while let last = w.last, last == "'" || last == "’" { w.removeLast() }
            if w.hasSuffix("'s") || w.hasSuffix("’s") { w.removeLast(2) }
            guard w.unicodeScalars.count >= 2 else { return }
            let key = w.lowercased()
            if let seen = counts[key] { counts[key] = (seen.form, seen.count + 1) }
            else { counts[key] = (w, 1); order.append(key) }
        }
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "[", i + 1 < scalars.count, scalars[i + 1] == "[" { flush(); inPhonemes = true; i += 2; continue }
            if s == "]", i + 1 < scalars.count, scalars[i + 1] == "]" { inPhonemes = false; i += 2; continue }
            if !inPhonemes, s.properties.isAlphabetic || ((s == "'" || s == "’") && !word.isEmpty) {
                word.unicodeScalars.append(s)
            } else {
                flush()
            }
            i += 1
        }
        flush()
    }

    /// The words espeak-ng would guess, most frequent first, with the phonemes it would use.
    public func guessedWords(engine: SpeechEngine, settings: EngineSettings, language: String) throws -> [Entry] {
        var entries: [Entry] = []
        for key in order {
            let (form, count) = counts[key]!
            if language.hasPrefix("en"), Normalizer.isDictionaryWord(key) { continue }
            let reading = try engine.pronunciation(of: form, settings: settings)
            if reading.inDictionary { continue }
            entries.append(Entry(word: form, phonemes: reading.phonemes, count: count))
        }
        return entries.sorted { ($0.count, $1.word) > ($1.count, $0.word) }
    }

    /// The entries as lexicon YAML (the format of Voices/lexicons), to correct and add.
    public static func yaml(_ entries: [Entry], voice: String, espeakVoice: String) -> String {
        var out = "# Words espeak-ng will guess from spelling (voice \(voice)). Listen to each guess\n"
        out += "# (espeak-ng -v \(espeakVoice) \"[[phonemes]]\"), correct the phonemes, and add the entry to a\n"
        out += "# lexicon file of the voice (lexiconFiles in its profile).\n"
        for e in entries {
            let word = e.word.contains(where: { ":#'\"".contains($0) }) ? "\"\(e.word.replacingOccurrences(of: "\"", with: "\\\""))\"" : e.word
            out += "- word: \(word)\n  say: \"[[\(e.phonemes.replacingOccurrences(of: "\"", with: "\\\""))]]\"  # \(e.count) \(e.count == 1 ? "time" : "times")\n"
        }
        return out
    }
}
