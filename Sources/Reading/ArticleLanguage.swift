import EditionCore
import Foundation

/// Settles an article's language: what the source declares (HTML `lang`, front matter), checked
/// against its letters, else what the letters tell. The letters win when they contradict the
/// declaration (a Ukrainian story on a page left at `lang="en"`, a Russian one marked "uk"):
/// reading a text with another language's rules is the worse mistake.
public enum ArticleLanguage {
    /// A minority script above this share of the letters is worth a warning.
    static let mixedShare = 0.2
    /// How much of the text is looked at: the language does not change after the first pages.
    static let sample = 20_000

    public static func settle(_ article: inout Article, name: String) {
        let declared = article.language.flatMap(meaningful)
        article.language = declared
        guard let finding = LanguageSniffer.sniff(sampleText(article)) else { return }
        if let declared {
            let primary = LanguageTag.primary(declared)
            if let found = finding.language, found != primary {
                article.language = found
                article.warnings.append("\(name): the source says its language is “\(declared)”, but its text is \(LanguageTag.name(found)); reading it as \(found)")
            } else if finding.language == nil, finding.script != LanguageSniffer.script(of: declared), finding.letters >= 200 {
                article.language = nil
                article.warnings.append("\(name): the source says its language is “\(declared)”, but its text is in \(finding.script.rawValue.capitalized) letters; ignoring the declaration")
            }
        } else {
            article.language = finding.language
        }
        if finding.minorityShare >= mixedShare {
            let percent = Int((finding.minorityShare * 100).rounded())
            let other: LanguageSniffer.Script = finding.script == .latin ? .cyrillic : .latin
            article.warnings.append("\(name): the text mixes scripts (\(percent)% of its letters are \(other.rawValue.capitalized)); reading it all as \(article.language.map(LanguageTag.name) ?? "the default language"), its majority")
        }
    }

    /// "und", "mul", "zxx" and private tags say nothing about which voice to use.
    static func meaningful(_ tag: String) -> String? {
        let trimmed = tag.trimmingCharacters(in: .whitespaces)
        let primary = LanguageTag.primary(trimmed)
        guard primary.count >= 2, primary.count <= 3, primary.allSatisfy(\.isLetter),
              !["und", "mul", "zxx", "mis"].contains(primary) else { return nil }
        return trimmed
    }

    static func sampleText(_ article: Article) -> String {
        var text = article.headline
        for block in article.blocks {
            if text.utf8.count > sample { break }
            text += "\n" + block.text
        }
        return text
    }
}
