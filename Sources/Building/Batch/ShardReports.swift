import Foundation

/// The build report's files: `build-report.json` for a whole build, and
/// `build-report.shard-I-of-N.json` for each shard, which the finishing build merges: an item it
/// found up to date is reported as its shard reported it (built, with its time and chunks).
enum ShardReports {
    static func fileName(_ shard: Shard?) -> String {
        shard.map { "build-report.shard-\($0.index)-of-\($0.count).json" } ?? "build-report.json"
    }

    static func merge(into report: BuildReport, directory: URL) -> BuildReport {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasPrefix("build-report.shard-") && $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { return report }
        var fromShards: [String: ItemReport] = [:]
        for name in names {
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)),
                  let shard = try? JSONDecoder().decode(BuildReport.self, from: data) else { continue }
            for item in shard.items where item.status != .upToDate { fromShards[item.name] = item }
        }
        var merged = report
        for i in merged.items.indices where merged.items[i].status == .upToDate {
            if let shard = fromShards[merged.items[i].name], shard.status == .built, shard.slug == merged.items[i].slug {
                merged.items[i] = shard
            }
        }
        merged.audioSeconds = merged.items.reduce(0) { $0 + $1.audioSeconds }
        return merged
    }
}
