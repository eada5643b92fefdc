import ArgumentParser
import Building
import Foundation

struct Kubernetes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split a build into shards for Kubernetes: write an Indexed Job and its finishing Job.",
        discussion: """
            Writes DIR/kubernetes/shards-job.yaml (an Indexed Job: pod I runs `edition build … --shard I/N`), \
            finish-job.yaml (the plain build that joins editions, merges the reports and, with --feed-config, \
            writes the feed) and a README with the two kubectl commands. Every pod mounts the claim at /data \
            and works there: run this from the folder that is the volume's root, with relative paths. The \
            image is built from the repository's Containerfile.
            """)

    @OptionGroup var build: ClusterBuildOptions

    @Option(name: .long, help: "Container image with edition in it (see Containerfile).")
    var image: String

    @Option(name: .long, help: "PersistentVolumeClaim holding the sources and the output (mounted at /data).")
    var volumeClaim: String

    @Option(name: .long, help: "Prefix of the Jobs' names.")
    var name: String = "edition"

    @Option(name: .long, help: "Shards running at once (default: all).")
    var parallelism: Int?

    @Option(name: .long, help: "CPUs each pod requests; it runs as many synthesis workers.")
    var cpus: Int = 2

    @Option(name: .long, help: "Memory each pod requests and is limited to (e.g. 2Gi).")
    var memory: String?

    func validate() throws {
        if cpus < 1 { throw ValidationError("--cpus must be at least 1.") }
        if let parallelism, parallelism < 1 { throw ValidationError("--parallelism must be at least 1.") }
        do { try KubernetesManifests.check(name: name) } catch { throw ValidationError(error.localizedDescription) }
        let absolute = (build.sources + [build.output] + [build.feedConfig].compactMap { $0 }).filter { $0.hasPrefix("/") }
        if !absolute.isEmpty {
            throw ValidationError("paths must be relative to the volume's root (the pods see it at /data): \(absolute.joined(separator: ", "))")
        }
    }

    func run() throws {
        let cluster = try build.clusterBuild(subcommand: "kubernetes",
                                             clusterOptions: ["--image": true, "--volume-claim": true, "--name": true, "--parallelism": true,
                                                              "--cpus": true, "--memory": true],
                                             workingDirectory: KubernetesManifests.mountPath, executable: "edition")
        let manifests = KubernetesManifests(build: cluster, image: image, volumeClaim: volumeClaim, name: name,
                                            parallelism: parallelism, cpus: cpus, memory: memory)
        let folder = URL(fileURLWithPath: build.output).appendingPathComponent("kubernetes")
        var files = StagedFiles(folder: folder)
        defer { files.discard() }
        _ = try files.add("shards-job.yaml", manifests.shardsJob)
        _ = try files.add("finish-job.yaml", manifests.finishJob)
        _ = try files.add("README.md", manifests.readme)
        try files.commit()
        print("\(folder.path)/shards-job.yaml  \(build.shards) shards, \(manifests.parallelism) at once")
        print("\(folder.path)/finish-job.yaml")
        print("run: kubectl apply -f \(ShellWords.quote(folder.appendingPathComponent("shards-job.yaml").path)) && kubectl wait --for=condition=complete --timeout=24h job/\(name)-shards && kubectl apply -f \(ShellWords.quote(folder.appendingPathComponent("finish-job.yaml").path))")
    }
}
