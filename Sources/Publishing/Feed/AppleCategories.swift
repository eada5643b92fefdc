import Settings

/// Apple Podcasts' category list (https://podcasters.apple.com/support/1691-apple-podcasts-categories).
/// Apple rejects other names; the spelling, `&` included, must match.
public enum AppleCategories {
    public static let all: [(name: String, subcategories: [String])] = [
        ("Arts", ["Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"]),
        ("Business", ["Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"]),
        ("Comedy", ["Comedy Interviews", "Improv", "Stand-Up"]),
        ("Education", ["Courses", "How To", "Language Learning", "Self-Improvement"]),
        ("Fiction", ["Comedy Fiction", "Drama", "Science Fiction"]),
        ("Government", []),
        ("History", []),
        ("Health & Fitness", ["Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"]),
        ("Kids & Family", ["Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"]),
        ("Leisure", ["Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden",
                     "Video Games"]),
        ("Music", ["Music Commentary", "Music History", "Music Interviews"]),
        ("News", ["Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News",
                  "Tech News"]),
        ("Religion & Spirituality", ["Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion",
                                     "Spirituality"]),
        ("Science", ["Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences",
                     "Nature", "Physics", "Social Sciences"]),
        ("Society & Culture", ["Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"]),
        ("Sports", ["Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby",
                    "Running", "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling"]),
        ("Technology", []),
        ("True Crime", []),
        ("TV & Film", ["After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"]),
    ]

    /// The subcategories of `name`, or nil when Apple has no such category.
    public static func subcategories(of name: String) -> [String]? {
        all.first { $0.name == name }?.subcategories
    }

    /// Checks one "Category" or "Category > Subcategory" entry; returns it spelt as Apple spells
    /// it ("News>Daily News" → "News > Daily News"), or why it is not on Apple's list.
    static func check(_ entry: String) -> Result<String, CategoryProblem> {
        let parts = entry.components(separatedBy: ">").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count <= 2, !parts.contains(where: \.isEmpty) else { return .failure(.malformed(entry)) }
        guard let known = subcategories(of: parts[0]) else {
            // A subcategory named alone ("Daily News") is found under its parent.
            let parents = all.filter { $0.subcategories.contains(parts[0]) }.map(\.name)
            let hint = parts.count == 1 && parents.count == 1 ? "\(parents[0]) > \(parts[0])"
                : Spelling.nearest(to: parts[0], among: all.map(\.name))
            return .failure(.unknown(parts[0], suggestion: hint))
        }
        guard parts.count == 2 else { return .success(parts[0]) }
        guard known.contains(parts[1]) else {
            return .failure(.notASubcategory(parts[1], of: parts[0], suggestion: Spelling.nearest(to: parts[1], among: known),
                                             known: known))
        }
        return .success("\(parts[0]) > \(parts[1])")
    }

    enum CategoryProblem: Error, Equatable {
        case malformed(String)
        case unknown(String, suggestion: String?)
        case notASubcategory(String, of: String, suggestion: String?, known: [String])

        var message: String {
            switch self {
            case .malformed(let entry):
                return "\"\(entry)\" must be a category or \"Category > Subcategory\""
            case let .unknown(name, suggestion?):
                return "\"\(name)\" is not an Apple Podcasts category; did you mean \"\(suggestion)\"?"
            case .unknown(let name, nil):
                return "\"\(name)\" is not an Apple Podcasts category; Apple's are \(AppleCategories.all.map(\.name).joined(separator: ", "))"
            case let .notASubcategory(sub, parent, suggestion?, _):
                return "\"\(sub)\" is not a subcategory of \"\(parent)\"; did you mean \"\(suggestion)\"?"
            case let .notASubcategory(sub, parent, nil, known):
                return "\"\(sub)\" is not a subcategory of \"\(parent)\""
                    + (known.isEmpty ? "; it has none" : "; its subcategories are \(known.joined(separator: ", "))")
            }
        }
    }
}
