import CLibXML2
import Foundation

/// Pages that are not one story. Each test needs two signs (what the page calls itself, and
/// too little prose for a story), so a short real story is still read; a page that declares
/// itself an article (JSON-LD, `og:type`, `article:` tags) is only refused as an error page.
extension ContentFinder {
    /// What the page looks like when it has no article ("an error page (…)"), or nil.
    func noArticle(page: PageMetadata, prose: Int) -> String? {
        let title = page.title ?? page.h1s.first?.text ?? ""
        let lower = title.lowercased()
        if prose < 1_000, lower.range(of: #"\b(404|410|page not found|not found|no longer available|error)\b"#, options: .regularExpression) != nil {
            return "an error page (“\(title)”)"
        }
        guard !page.declaresArticle else { return nil }
        if lower.range(of: #"search results|results for\b|^search\b"#, options: .regularExpression) != nil && prose < 1_500 {
            return "search results (“\(title)”)"
        }
        let longestArticle = containers.filter { $0.tag == "article" }.map { self[$0].prose }.max() ?? 0
        if articleCount >= 4 && longestArticle < 1_200 && prose < 1_500 {
            return "a list of stories (\(articleCount) <article> teasers, none longer than \(longestArticle) characters)"
        }
        if linkCount >= 15 && prose < 300 {
            return "a front page or a list of links (\(linkCount) links and no block of prose)"
        }
        return nil
    }
}
