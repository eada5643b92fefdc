import CEspeakNG
import EditionCore
import Foundation

/// How espeak-ng will say one word, and whether it knows the word or guessed it from spelling.
public struct Pronunciation: Sendable, Equatable {
    public var word: String
    /// espeak-ng's phonemes (its own notation, as lexicon entries write them inside `[[ ]]`).
    public var phonemes: String
    /// The word (or its stem) is in espeak-ng's dictionary; false: guessed by spelling rules.
    public var inDictionary: Bool
}

extension SpeechEngine {
    /// espeak-ng's reading of `word` in the voice of `settings`, from its translation trace.
    public func pronunciation(of word: String, settings: EngineSettings) throws -> Pronunciation {
        try apply(settings)
        var trace: UnsafeMutablePointer<CChar>?
        let phonemes = word.withCString { edition_espeak_trace_word($0, &trace) }
        defer { free(trace) }
        guard let phonemes else { throw SynthesisError.engine("espeak-ng could not translate \"\(word)\"") }
        let log = trace.map { String(cString: $0) } ?? ""
        // "Found: 'kyiv' [...]" names a dictionary entry. It counts for this word when it is the
        // word or its stem ("russians" from "russian"), not a letter espeak-ng spelled out of an
        // unpronounceable start ("Found: 'k'" in "Kvitnevyi").
        let lower = word.lowercased()
        let found = log.split(separator: "\n").contains { line in
            guard line.hasPrefix("Found: '"), let close = line.dropFirst(8).firstIndex(of: "'") else { return false }
            let entry = line[line.index(line.startIndex, offsetBy: 8)..<close]
            return entry.count >= 3 && entry.count >= lower.count - 3 && lower.hasPrefix(entry)
        }
        return Pronunciation(word: word, phonemes: String(cString: phonemes).trimmingCharacters(in: .whitespaces),
                             inDictionary: found)
    }
}
