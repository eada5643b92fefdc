import ArgumentParser
import Building
import Foundation

/// What `edition slurm` and `edition kubernetes` share: the build they split, described by the
/// same sources and options as `edition build` (checked the same way), and forwarded to it
/// word for word from the command line.
struct ClusterBuildOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Articles, folders or manifests, as `edition build` takes them.", valueName: "source"))
    var sources: [String] = []

    @Option(name: .long, help: "How many shards to split the articles into.")
    var shards: Int

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder, shared by every shard.", valueName: "dir"))
    var output: String = "Output"

    @Option(name: .long, help: ArgumentHelp("Podcast config: the finishing build writes feed.xml.", valueName: "file"))
    var feedConfig: String?

    @OptionGroup var voice: VoiceOptions
    @OptionGroup var mastering: MasteringOptions
    @OptionGroup var introOptions: IntroOptions
    @OptionGroup var workers: WorkerOptions

    @Flag(name: .long, help: "Rebuild items even when they are up to date.")
    var force = false

    func validate() throws {
        if sources.isEmpty { throw ValidationError("Name at least one article, folder or manifest.") }
        if shards < 1 { throw ValidationError("--shards must be at least 1.") }
    }

    /// The build, from this process's own command line: everything after the subcommand except
    /// the cluster's options, `--output`, `--jobs` and `--feed-config` (set per step), plus a
    /// chunk cache in the output folder when none was named, so every shard shares it.
    func clusterBuild(subcommand: String, clusterOptions: [String: Bool], workingDirectory: String, executable: String) throws -> ClusterBuild {
        let all = CommandLine.arguments
        let start = (all.firstIndex(of: subcommand) ?? 0) + 1
        var remove = clusterOptions
        for option in ["--shards", "--output", "-o", "--jobs", "-j", "--feed-config"] { remove[option] = true }
        var (kept, _) = ClusterBuild.forwarded(Array(all[start...]), removing: remove)
        if kept.contains(where: { $0 == "--shard" || $0.hasPrefix("--shard=") }) {
            throw ValidationError("--shard is set for each task; give --shards N instead.")
        }
        if !kept.contains(where: { ["--cache", "--no-cache"].contains($0) || $0.hasPrefix("--cache=") }) {
            kept += ["--cache", output + "/.cache"]
        }
        return ClusterBuild(executable: executable, workingDirectory: workingDirectory, arguments: kept, output: output,
                            shards: shards, feedConfig: feedConfig)
    }
}

/// Writes files all at once or not at all: each under a temporary name, renamed only when the
/// caller's last step (a submission) succeeded.
struct StagedFiles {
    let folder: URL
    private(set) var staged: [(temp: URL, final: URL)] = []

    init(folder: URL) { self.folder = folder }

    mutating func add(_ name: String, _ text: String, executable: Bool = false) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(name).partial-\(getpid())")
        try Data(text.utf8).write(to: temp)
        if executable { chmod(temp.path, 0o755) }
        staged.append((temp, folder.appendingPathComponent(name)))
        return temp
    }

    func commit() throws {
        for file in staged where rename(file.temp.path, file.final.path) != 0 {
            throw CommandFailure("cannot write \(file.final.path): \(String(cString: strerror(errno)))")
        }
    }

    func discard() {
        for file in staged { try? FileManager.default.removeItem(at: file.temp) }
    }
}

/// A failure at run time, said in one line (ArgumentParser prints "Error: …" with no usage).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
