import Foundation

/// BCP 47 language tags as the pipeline compares them: by the part that names the language,
/// so "uk-UA" is Ukrainian and "en-GB" English.
public enum LanguageTag {
    /// "uk-UA" → "uk", "en_US" → "en".
    public static func primary(_ tag: String) -> String {
        String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased()
    }

    /// Whether two tags name the same language.
    public static func same(_ a: String, _ b: String) -> Bool { primary(a) == primary(b) }

    /// "uk" → "Ukrainian (uk)", for messages.
    public static func name(_ tag: String) -> String {
        let code = primary(tag)
        return Locale(identifier: "en").localizedString(forLanguageCode: code).map { "\($0) (\(code))" } ?? "“\(tag)”"
    }
}
