import Building
import Settings
import Foundation
import XCTest

/// `--shard I/N`: which articles a shard builds.
final class ShardSplitTests: XCTestCase {
    func items(_ weights: [Int]) -> [BuildItem] {
        weights.enumerated().map { BuildItem(kind: .article(.file("story-\($0.offset).txt"), overrides: .init()), weight: $0.element) }
    }

    func shards(_ items: [BuildItem], _ n: Int) throws -> [[String]] {
        try (0..<n).map { i in BuildPlan.indices(of: items, in: try Shard(index: i, count: n)).map { items[$0].name } }
    }

    func testEveryArticleIsInExactlyOneShard() throws {
        var generator = SystemRandomNumberGenerator()
        let items = items((0..<137).map { _ in Int.random(in: 100...50_000, using: &generator) })
        for n in [1, 2, 3, 7, 200] {
            let all = try shards(items, n).flatMap { $0 }
            XCTAssertEqual(all.count, items.count, "\(n) shards")
            XCTAssertEqual(Set(all), Set(items.map(\.name)), "\(n) shards")
        }
    }

    func testTheSplitDoesNotDependOnTheOrderItemsAreListedIn() throws {
        let items = items([5000, 300, 300, 12_000, 800, 7000, 300, 2500, 9100, 40])
        let reference = try shards(items, 3).map(Set.init)
        for _ in 0..<20 {
            XCTAssertEqual(try shards(items.shuffled(), 3).map(Set.init), reference)
        }
    }

    func testShardsAreBalancedByTextLengthNotByCount() throws {
        // One long article and many short ones: counting would give each shard half the items.
        let items = items([100_000] + Array(repeating: 1000, count: 100))
        let split = try (0..<2).map { i in BuildPlan.indices(of: items, in: try Shard(index: i, count: 2)) }
        let loads = split.map { $0.reduce(0) { $0 + items[$1].weight } }
        XCTAssertEqual(loads.sorted(), [100_000, 100_000])
        XCTAssertEqual(split.map(\.count).sorted(), [1, 100])

        var generator = SystemRandomNumberGenerator()
        let varied = self.items((0..<500).map { _ in Int.random(in: 500...20_000, using: &generator) })
        let variedLoads = try (0..<4).map { i in
            BuildPlan.indices(of: varied, in: try Shard(index: i, count: 4)).reduce(0) { $0 + varied[$1].weight }
        }
        XCTAssertLessThanOrEqual(variedLoads.max()! - variedLoads.min()!, 20_000, "no shard is behind by more than one article")
    }

    func testEditionsAreLeftToTheFinishingBuild() throws {
        let edition = BuildItem(kind: .edition(.init(title: "Morning", articles: [.init(path: "a.txt")]), base: URL(fileURLWithPath: "/")), weight: 10_000)
        let items = items([100, 200]) + [edition]
        XCTAssertEqual(try shards(items, 2).flatMap { $0 }.sorted(), ["story-0.txt", "story-1.txt"])
    }

    func testShardNumbersAreChecked() {
        XCTAssertNoThrow(try Shard(parsing: "0/1"))
        XCTAssertEqual(try Shard(parsing: "3/4").index, 3)
        for bad in ["4/4", "-1/4", "0/0", "1/-2", "1", "a/b", "1/2/3", "", "1/"] {
            XCTAssertThrowsError(try Shard(parsing: bad), bad) { error in
                XCTAssertFalse(error.localizedDescription.isEmpty)
            }
        }
        XCTAssertEqual((try? Shard(parsing: "4/4")).map(\.index), nil)
        XCTAssertThrowsError(try Shard(parsing: "4/4")) { XCTAssertTrue($0.localizedDescription.contains("0 to 3"), $0.localizedDescription) }
    }
}
