import ArgumentParser
import Building
import Foundation
import Mastering
import Publishing

struct Feed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a podcast feed (RSS 2.0 + Apple + Podcasting 2.0) for the episodes in a folder.",
        discussion: """
            Reads every episode's <slug>.json in the output folder and writes feed.xml there. An \
            episode without the enclosure format (MP3 by default: Apple takes MP3 or AAC, never WAV \
            or FLAC) gets it made from its WAV master. `edition feed init` writes an example config.
            """,
        subcommands: [Write.self, Init.self], defaultSubcommand: Write.self)

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "write", abstract: "Write DIR/feed.xml.")

        @Option(name: .long, help: ArgumentHelp("Podcast config (YAML).", valueName: "file"))
        var config: String = "podcast.yaml"

        @Option(name: .shortAndLong, help: ArgumentHelp("Folder of episodes; feed.xml is written there.", valueName: "dir"))
        var output: String = "Output"

        @Option(name: .long, help: "Newest N episodes only.")
        var limit: Int?

        @Option(name: .long, help: "Enclosure format: mp3 (default), opus, vorbis, flac or wav. Apple accepts MP3 only of these.")
        var enclosureFormat: AudioFormat = .mp3

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
        }

        func run() throws {
            let podcast = try PodcastConfig.load(URL(fileURLWithPath: config), warn: { Console.error("warning: \($0)") })
            if enclosureFormat != .mp3 {
                Console.error("warning: \(enclosureFormat.rawValue) enclosures: Apple Podcasts accepts only MP3 (or AAC) audio; other apps may play them")
            }
            let (target, count) = try Feed.write(podcast, directory: URL(fileURLWithPath: output), format: enclosureFormat, limit: limit)
            print("\(target.path)  \(count) episodes")
        }
    }

    /// `feed.xml` in `directory` from its episodes (each problem printed as a warning); the
    /// one way `feed`, `build --feed-config` and `site --config` write it.
    static func write(_ podcast: PodcastConfig, directory: URL, format: AudioFormat = .mp3, limit: Int? = nil) throws -> (URL, Int) {
        var problems: [String] = []
        let items = try FeedAssembler(directory: directory, format: .audio(format)).items(problems: &problems)
        for p in problems { Console.error("warning: \(p)") }
        let target = directory.appendingPathComponent("feed.xml")
        try Data(FeedWriter.xml(podcast, items: items, limit: limit).utf8).write(to: target, options: .atomic)
        return (target, min(items.count, limit ?? .max))
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a commented example podcast config.")

        @Option(name: .long, help: ArgumentHelp("Where to write it.", valueName: "file"))
        var config: String = "podcast.yaml"

        @Flag(name: .long, help: "Overwrite an existing file.")
        var force = false

        func run() throws {
            if FileManager.default.fileExists(atPath: config) && !force {
                throw ValidationError("\(config) exists; pass --force to overwrite it.")
            }
            try Data(PodcastConfig.example.utf8).write(to: URL(fileURLWithPath: config), options: .atomic)
            print("wrote \(config); edit it, then run `edition feed --config \(config)`")
        }
    }
}
