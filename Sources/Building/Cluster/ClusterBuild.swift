/// A build split into shards for a cluster: the command each shard runs and the finishing
/// build after them, as the Slurm scripts and Kubernetes manifests write them.
public struct ClusterBuild: Sendable {
    /// The `edition` to run (a path every node can reach).
    public var executable: String
    /// Where the paths in `arguments` are relative to.
    public var workingDirectory: String
    /// Sources and build options as the user gave them, without the cluster's own options and
    /// without `--output`, `--jobs` and `--feed-config`, which are set here.
    public var arguments: [String]
    public var output: String
    public var shards: Int
    /// The podcast config for the finishing build's feed.
    public var feedConfig: String?

    public init(executable: String, workingDirectory: String, arguments: [String], output: String, shards: Int, feedConfig: String? = nil) {
        self.executable = executable
        self.workingDirectory = workingDirectory
        self.arguments = arguments
        self.output = output
        self.shards = shards
        self.feedConfig = feedConfig
    }

    /// `edition build SOURCES… --output DIR`: what every shard and the finishing build run,
    /// before their own options.
    public var command: [String] { [executable, "build"] + arguments + ["--output", output] }

    /// The finishing build's own options: the feed.
    public var finishOptions: [String] { feedConfig.map { ["--feed-config", $0] } ?? [] }

    /// Cluster options removed from a command line before it is forwarded to `edition build`,
    /// with whether each takes a value.
    public static func forwarded(_ arguments: [String], removing options: [String: Bool]) -> (kept: [String], removed: [String: String]) {
        var kept: [String] = []
        var removed: [String: String] = [:]
        var i = 0
        var afterDashes = false
        while i < arguments.count {
            let argument = arguments[i]
            defer { i += 1 }
            if argument == "--" { afterDashes = true }
            if afterDashes || !argument.hasPrefix("-") || argument == "-" { kept.append(argument); continue }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard let takesValue = options[name] else { kept.append(argument); continue }
            if !takesValue {
                removed[name] = ""
            } else if argument.contains("=") {
                removed[name] = String(argument.dropFirst(name.count + 1))
            } else if i + 1 < arguments.count {
                removed[name] = arguments[i + 1]
                i += 1
            }
        }
        return (kept, removed)
    }
}
