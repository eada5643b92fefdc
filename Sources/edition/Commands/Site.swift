import ArgumentParser
import Foundation
import Publishing

struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a static website with a read-along player from the episodes in a folder.",
        discussion: """
            Writes index.html (the episodes, newest first), one <slug>.html per episode (the player, \
            its chapters, and the text as read, each word highlighted as it is spoken) and the \
            player's files (edition-player.js, .css) into the output folder, beside the audio. \
            Any static server that answers byte ranges can serve the folder (nginx, S3, GitHub \
            Pages). With --config it also writes feed.xml, as `edition feed` does. Re-run it after \
            new narrations: unchanged pages are left as they are, pages of removed episodes go.
            """)

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder of episodes; the site is written there.", valueName: "dir"))
    var output: String = "Output"

    @Option(name: .long, help: ArgumentHelp("Podcast config (YAML): the site's title and language, and feed.xml is written too.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Where the site will be published, e.g. https://example.org/audio/ (canonical links, the feed's URLs).", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.scheme.map({ ["http", "https"].contains($0.lowercased()) }) != true {
            throw ValidationError("--base-url must be an http or https URL, e.g. https://example.org/audio/")
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: output)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("\(output) is not a folder of episodes; narrate something into it first (`edition narrate ARTICLE --output \(output)`).")
        }
        var podcast = try config.map { try PodcastConfig.load(URL(fileURLWithPath: $0), warn: { Console.error("warning: \($0)") }) }
        if let baseURL, podcast != nil {
            let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            podcast!.baseURL = base
            podcast!.feedURL = base + "feed.xml"
        }
        if let podcast { _ = try Feed.write(podcast, directory: directory) }
        let hasFeed = FileManager.default.fileExists(atPath: directory.appendingPathComponent("feed.xml").path)
        let generator = SiteGenerator(directory: directory, site: SiteInfo(podcast: podcast),
                                      links: .staticSite(baseURL: baseURL, feed: hasFeed))
        let report = try generator.write()
        for item in report.episodes where !item.playable {
            Console.error("warning: \(item.slug): listed without a player: \(item.problems.joined(separator: "; "))")
        }
        if !hasFeed { Console.error("note: no feed.xml in \(output); pass --config podcast.yaml to write one (`edition feed init` makes a config)") }
        let playable = report.episodes.filter(\.playable).count
        print("\(directory.appendingPathComponent("index.html").path)  \(report.episodes.count) episodes (\(playable) playable) · \(report.written.count) files written, \(report.unchanged.count) unchanged, \(report.removed.count) removed")
        print("Publish the folder with any static server that answers byte ranges (browsers need them to seek).")
    }
}
