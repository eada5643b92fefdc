import EditionCore
import Foundation

/// Every item's file name, decided for the whole build at once so that it never depends on
/// which items a process builds, or in what order: two articles with the same headline get
/// `slug` and `slug-2` by the order of their names, whether one machine builds both or two
/// shards build one each. An item's base slug comes from its journal record when the item is
/// unchanged, else from reading it (an item that cannot be read reserves nothing; it fails).
enum SlugPlan {
    struct Planned: Equatable { var base: String; var slug: String }

    static func assign(_ items: [BuildItem], prepared: [Result<(profile: VoiceProfile, key: String), Error>],
                       journal: Journal) -> [Int: Planned] {
        var bases: [(index: Int, base: String)] = []
        for (index, item) in items.enumerated() {
            guard case .success(let (profile, key)) = prepared[index] else { continue }
            if let entry = journal.entry(item.name), entry.key == key, let base = entry.baseSlug {
                bases.append((index, base))
            } else if let base = try? EpisodePlan.baseSlug(item, profile: profile) {
                bases.append((index, base))
            }
        }
        var taken = Set<String>()
        var planned: [Int: Planned] = [:]
        for (index, base) in bases.sorted(by: { items[$0.index].name != items[$1.index].name ? items[$0.index].name < items[$1.index].name : $0.index < $1.index }) {
            planned[index] = Planned(base: base, slug: Slug.unique(base, taken: &taken))
        }
        return planned
    }
}
