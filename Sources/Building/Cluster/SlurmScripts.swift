import Foundation

/// `slurm/shards.sbatch` (an array job, one task per shard) and `slurm/finish.sbatch` (the
/// finishing build, submitted to run only after every shard succeeded).
public struct SlurmScripts: Sendable {
    public var build: ClusterBuild
    /// Absolute folder the scripts and their logs go in (`<output>/slurm`).
    public var folder: String
    public var partition: String?
    public var time: String?
    public var cpusPerTask: Int
    public var memory: String?

    public init(build: ClusterBuild, folder: String, partition: String? = nil, time: String? = nil, cpusPerTask: Int = 1, memory: String? = nil) {
        self.build = build
        self.folder = folder
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.memory = memory
    }

    public var shards: String {
        script(name: "edition-shards", log: "shard-%a.log", extra: ["--array=0-\(build.shards - 1)"],
               comment: "The shards of an `edition build`: task I builds shard I of \(build.shards). Submit with `sbatch`; then\n# submit finish.sbatch with --dependency=afterok:<this job's id> (`edition slurm --submit` does both).",
               command: ShellWords.join(build.command) + #" --shard "$SLURM_ARRAY_TASK_ID/"# + String(build.shards) + #"" --jobs "${SLURM_CPUS_PER_TASK:-1}""#)
    }

    public var finish: String {
        script(name: "edition-finish", log: "finish.log", extra: [],
               comment: "The finishing build after every shard: editions, the merged build report\(build.feedConfig == nil ? "" : ", the feed").",
               command: ShellWords.join(build.command + build.finishOptions) + #" --jobs "${SLURM_CPUS_PER_TASK:-1}""#)
    }

    /// Values in `#SBATCH` lines are double-quoted (sbatch reads them so); `%` is doubled, as
    /// sbatch would otherwise take it for a file-name pattern.
    static func directive(_ option: String, _ value: String) -> String {
        "#SBATCH --\(option)=\"\(value)\""
    }

    private func script(name: String, log: String, extra: [String], comment: String, command: String) -> String {
        var lines = ["#!/bin/bash", "# \(comment)", "# Written by `edition slurm`; paths are quoted, so names with spaces, quotes or $ are safe.",
                     "#SBATCH --job-name=\(name)"]
        lines += extra.map { "#SBATCH \($0)" }
        lines.append(Self.directive("output", (folder + "/logs/" ).replacingOccurrences(of: "%", with: "%%") + log))
        lines.append("#SBATCH --cpus-per-task=\(cpusPerTask)")
        if let partition { lines.append(Self.directive("partition", partition)) }
        if let time { lines.append(Self.directive("time", time)) }
        if let memory { lines.append(Self.directive("mem", memory)) }
        lines += ["set -euo pipefail", "cd \(ShellWords.quote(build.workingDirectory))", "exec \(command)", ""]
        return lines.joined(separator: "\n")
    }

    /// What cannot be written into a `#SBATCH` line safely.
    public static func check(_ value: String, _ what: String) throws {
        if value.contains("\"") || value.contains("\n") || value.contains("\\") {
            throw BuildError.source(what, "cannot hold a double quote, a backslash or a line break in a Slurm script")
        }
    }
}
