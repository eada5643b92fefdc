import ArgumentParser
import Building
import Foundation

struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split a build into shards for a Slurm cluster: write the batch scripts, and submit them.",
        discussion: """
            Writes DIR/slurm/shards.sbatch (an array job: task I runs `edition build … --shard I/N`) and \
            DIR/slurm/finish.sbatch (the plain build that joins editions, merges the reports and, with \
            --feed-config, writes the feed); logs go to DIR/slurm/logs/. With --submit both are submitted, \
            the finish with --dependency=afterok on the array, so it runs only if every shard succeeded. \
            The output folder, the chunk cache (DIR/.cache unless --cache is given) and this binary must be \
            on a file system every node sees. Running it again redoes only what is missing.
            """)

    @OptionGroup var build: ClusterBuildOptions

    @Option(name: .long, help: "Slurm partition (default: the cluster's).")
    var partition: String?

    @Option(name: .long, help: "Time limit of each task, as sbatch takes it (e.g. 2:00:00).")
    var time: String?

    @Option(name: .long, help: "CPUs per task; each shard runs as many synthesis workers.")
    var cpusPerTask: Int = 2

    @Option(name: .long, help: "Memory per task, as sbatch takes it (e.g. 2G).")
    var mem: String?

    @Flag(name: .long, help: "Submit the two jobs with sbatch and print their ids.")
    var submit = false

    func validate() throws {
        if cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be at least 1.") }
    }

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let output = URL(fileURLWithPath: build.output, relativeTo: URL(fileURLWithPath: cwd + "/")).standardizedFileURL
        let folder = output.appendingPathComponent("slurm")
        var cluster = try build.clusterBuild(subcommand: "slurm",
                                             clusterOptions: ["--partition": true, "--time": true, "--cpus-per-task": true, "--mem": true, "--submit": false],
                                             workingDirectory: cwd, executable: Executable.path)
        if !cluster.arguments.contains(where: { $0 == "--voices" || $0.hasPrefix("--voices=") }) {
            cluster.arguments += ["--voices", try build.voice.library().directory.path]  // the nodes need not find it themselves
        }
        for (value, what) in [(folder.path, "the output folder"), (partition ?? "", "--partition"), (time ?? "", "--time"), (mem ?? "", "--mem")] {
            do { try SlurmScripts.check(value, what) } catch { throw ValidationError(error.localizedDescription) }
        }
        let sbatch = submit ? try Self.findSbatch() : nil
        let scripts = SlurmScripts(build: cluster, folder: folder.path, partition: partition, time: time, cpusPerTask: cpusPerTask, memory: mem)
        var files = StagedFiles(folder: folder)
        defer { files.discard() }
        let shardsScript = try files.add("shards.sbatch", scripts.shards, executable: true)
        let finishScript = try files.add("finish.sbatch", scripts.finish, executable: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)

        var ids: (String, String)?
        if let sbatch {
            let array = try Self.sbatch(sbatch, [shardsScript.path])
            do {
                ids = (array, try Self.sbatch(sbatch, ["--dependency=afterok:\(array)", finishScript.path]))
            } catch {
                _ = try? Self.run("/usr/bin/env", ["scancel", array])  // no half-submitted build
                throw error
            }
        }
        try files.commit()
        print("\(folder.appendingPathComponent("shards.sbatch").path)  \(build.shards) shards")
        print(folder.appendingPathComponent("finish.sbatch").path)
        if let (array, finish) = ids {
            print("submitted: shards job \(array) (array 0-\(build.shards - 1)), finish job \(finish) (after all shards succeed)")
            print("watch: squeue -j \(array),\(finish)   logs: \(folder.appendingPathComponent("logs").path)/")
        } else {
            print("submit: edition slurm … --submit, or: sbatch \(ShellWords.quote(folder.appendingPathComponent("shards.sbatch").path)), then sbatch --dependency=afterok:<its id> \(ShellWords.quote(folder.appendingPathComponent("finish.sbatch").path))")
        }
    }

    static func findSbatch() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/sbatch") { return "\(dir)/sbatch" }
        throw CommandFailure("sbatch is not on PATH: run this on a Slurm login node, or leave out --submit and submit the scripts there.")
    }

    /// Submits a script; the job id, or sbatch's own complaint as the error.
    static func sbatch(_ sbatch: String, _ arguments: [String]) throws -> String {
        let (status, out, err) = try run(sbatch, ["--parsable"] + arguments)
        let id = out.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let why = err.split(separator: "\n").first.map(String.init) ?? "exit status \(status)"
            throw CommandFailure("sbatch refused the job: \(why)")
        }
        return id
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}
