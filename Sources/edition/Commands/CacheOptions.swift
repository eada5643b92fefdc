import ArgumentParser
import Building
import Foundation

/// `--cache DIR` and `--no-cache`, shared by the commands that synthesize.
struct CacheOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Chunk cache folder (default: $EDITION_CACHE or ~/.cache/edition).", valueName: "dir"))
    var cache: String?

    @Flag(name: .long, help: "Synthesize everything afresh and store nothing.")
    var noCache = false

    var directory: URL { cache.map { URL(fileURLWithPath: $0) } ?? ChunkCache.defaultDirectory }

    func open() throws -> ChunkCache? {
        noCache ? nil : try ChunkCache(directory: directory)
    }
}

struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or trim the cache of synthesized chunks.",
        subcommands: [Info.self, Prune.self], defaultSubcommand: Info.self)

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the cache's location and size.")
        @OptionGroup var options: CacheOptions

        func run() throws {
            let cache = try ChunkCache(directory: options.directory)
            let size = cache.size()
            print("\(cache.directory.path)  \(size.entries) chunks  \(ByteCount.string(size.bytes))")
        }
    }

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the least recently used chunks down to a size.")
        @OptionGroup var options: CacheOptions

        @Option(name: .long, help: "Keep at most this much, e.g. 500M or 2G (default: 1G; 0 empties the cache).")
        var maxSize: String = "1G"

        func validate() throws {
            if ByteCount.parse(maxSize) == nil { throw ValidationError("--max-size takes a size like 500M, 2G or 0.") }
        }

        func run() throws {
            let cache = try ChunkCache(directory: options.directory)
            let result = cache.prune(maxBytes: ByteCount.parse(maxSize)!)
            let size = cache.size()
            print("removed \(result.removed) chunks (\(ByteCount.string(result.freed))); \(size.entries) chunks, \(ByteCount.string(size.bytes)) left")
        }
    }
}

enum ByteCount {
    static func parse(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let t = text.uppercased().replacingOccurrences(of: "B", with: "")
        if let unit = t.last, let scale = units[unit], let n = Double(t.dropLast()) { return Int(n * Double(scale)) }
        return Int(t)
    }

    static func string(_ bytes: Int) -> String {
        ByteCountFormatter.string(fromByteCount: Int64(bytes), countStyle: .binary)
    }
}
