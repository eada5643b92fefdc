/// One part of a build split across processes or machines: shard `index` of `count`, as
/// Slurm's `$SLURM_ARRAY_TASK_ID` and Kubernetes' `JOB_COMPLETION_INDEX` number them (from 0).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1 else { throw BuildError.shard("the number of shards must be at least 1, not \(count)") }
        guard (0..<count).contains(index) else { throw BuildError.shard("shard \(index) does not exist: with \(count) shards they are 0 to \(count - 1)") }
        self.index = index
        self.count = count
    }

    /// "I/N", as `--shard` takes it.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw BuildError.shard("--shard takes I/N, e.g. 0/4 for the first of four shards, not “\(text)”")
        }
        try self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }
}

extension BuildPlan {
    /// The articles of shard `shard`, as indices into `items`, in their listed order. The split
    /// depends only on the set of articles (never on the order they were listed or found in)
    /// and balances text length: the longest article goes first to the shard with the least
    /// text so far (ties to the lower shard), so no shard ends far behind the others.
    /// Editions are in no shard: the finishing build joins them from the stories' cached audio.
    public static func indices(of items: [BuildItem], in shard: Shard) -> [Int] {
        let articles = items.indices.filter { if case .article = items[$0].kind { return true } else { return false } }
        let order = articles.sorted { a, b in
            items[a].weight != items[b].weight ? items[a].weight > items[b].weight : items[a].name < items[b].name
        }
        var load = [Int](repeating: 0, count: shard.count)
        var mine: [Int] = []
        for index in order {
            let target = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
            load[target] += max(items[index].weight, 1)
            if target == shard.index { mine.append(index) }
        }
        return mine.sorted()
    }
}
