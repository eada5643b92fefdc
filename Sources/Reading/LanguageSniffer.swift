import EditionCore
import Foundation

/// Tells the language of a text from its letters, for sources that do not say: the script
/// (Latin or Cyrillic) by counting letters, and within Cyrillic the language by the letters only
/// it uses (і ї є ґ are Ukrainian; ы э ъ ё are Russian). Latin text is left undecided: its letters
/// do not tell English from French, and undecided text keeps today's default, English.
/// Another language joins by adding a `Signature`.
public enum LanguageSniffer {
    /// Letters that mark a language within its script.
    struct Signature {
        var language: String
        var script: Script
        var letters: Set<Character>
    }

    public enum Script: String, Sendable { case latin, cyrillic }

    static let signatures = [
        Signature(language: "uk", script: .cyrillic, letters: ["і", "ї", "є", "ґ"]),
        Signature(language: "ru", script: .cyrillic, letters: ["ы", "э", "ъ", "ё"]),
    ]

    public struct Finding: Sendable, Equatable {
        /// The language, when the letters tell it ("uk", "ru"); nil for Latin or too little text.
        public var language: String?
        /// The script most letters are in.
        public var script: Script
        /// The share of letters in the other script, 0…1: a large one means mixed text.
        public var minorityShare: Double
        public var letters: Int
    }

    /// Fewer letters than this say nothing reliable.
    static let minimumLetters = 12

    public static func sniff(_ text: String) -> Finding? {
        var latin = 0, cyrillic = 0
        var marks: [String: Int] = [:]
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            case 0x400...0x52F:
                cyrillic += 1
                let letter = Character(String(scalar).lowercased())
                for signature in signatures where signature.letters.contains(letter) { marks[signature.language, default: 0] += 1 }
            default: break
            }
        }
        let letters = latin + cyrillic
        guard letters >= minimumLetters else { return nil }
        let script: Script = cyrillic > latin ? .cyrillic : .latin
        let minority = Double(min(latin, cyrillic)) / Double(letters)
        var language: String?
        if script == .cyrillic {
            // The marks of the language used most; a Ukrainian text quoting one Russian word stays Ukrainian.
            language = marks.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        }
        return Finding(language: language, script: script, minorityShare: minority, letters: letters)
    }

    /// The language a text is in, when its letters tell it.
    public static func language(of text: String) -> String? { sniff(text)?.language }

    /// The script a language is written in, when a signature knows it ("en" and the like: Latin).
    static func script(of language: String) -> Script {
        signatures.first { $0.language == LanguageTag.primary(language) }?.script ?? .latin
    }
}
