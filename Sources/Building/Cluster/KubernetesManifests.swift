import Foundation

/// `kubernetes/shards-job.yaml` (an Indexed Job: pod I builds shard I), `finish-job.yaml` (the
/// finishing build, applied once the first completes: Kubernetes has no job dependencies) and a
/// README with the two commands. Every pod mounts one PersistentVolumeClaim at `/data` and works
/// there, so sources and output are paths inside the volume; no shell runs, so no word is ever
/// re-split or expanded.
public struct KubernetesManifests: Sendable {
    public var build: ClusterBuild
    public var image: String
    public var volumeClaim: String
    public var name: String
    public var parallelism: Int
    public var cpus: Int
    public var memory: String?
    public static let mountPath = "/data"

    public init(build: ClusterBuild, image: String, volumeClaim: String, name: String = "edition", parallelism: Int? = nil,
                cpus: Int = 1, memory: String? = nil) {
        self.build = build
        self.image = image
        self.volumeClaim = volumeClaim
        self.name = name
        self.parallelism = min(build.shards, parallelism ?? build.shards)
        self.cpus = cpus
        self.memory = memory
    }

    public var shardsJob: String {
        let args = Array(build.command.dropFirst()) + ["--shard", "$(SHARD_INDEX)/\(build.shards)", "--jobs", String(cpus)]
        return job(name: "\(name)-shards", spec: [
            "completionMode: Indexed",
            "completions: \(build.shards)",
            "parallelism: \(parallelism)",
            "backoffLimitPerIndex: 2",
        ], args: args, env: [
            // The pod's index, from the annotation the Job controller sets on each pod.
            "- name: SHARD_INDEX",
            "  valueFrom:",
            "    fieldRef:",
            "      fieldPath: \(Self.quoted("metadata.annotations['batch.kubernetes.io/job-completion-index']"))",
        ])
    }

    public var finishJob: String {
        job(name: "\(name)-finish", spec: ["completions: 1", "backoffLimit: 2"],
            args: Array(build.command.dropFirst()) + build.finishOptions + ["--jobs", String(cpus)], env: [])
    }

    public var readme: String {
        """
        # Running this build on Kubernetes

        Written by `edition kubernetes`. Both Jobs mount the PersistentVolumeClaim `\(volumeClaim)` at
        `\(Self.mountPath)` and run `\(image)`; the sources and the output folder are paths inside that
        volume. The shards share the output folder and the chunk cache on it.

        ```sh
        kubectl apply -f shards-job.yaml
        kubectl wait --for=condition=complete --timeout=24h job/\(name)-shards && kubectl apply -f finish-job.yaml
        ```

        A failed shard is retried twice on its own (`backoffLimitPerIndex`); if one still fails, the
        first Job never completes, so the finish is not applied. Fix the cause, delete the Job
        (`kubectl delete job \(name)-shards`) and apply it again: articles already built are skipped.

        """
    }

    private func job(name: String, spec: [String], args: [String], env: [String]) -> String {
        var lines = [
            "# Written by `edition kubernetes`.",
            "apiVersion: batch/v1",
            "kind: Job",
            "metadata:",
            "  name: \(name)",
            "  labels:",
            "    app.kubernetes.io/name: edition",
            "spec:",
        ]
        lines += spec.map { "  " + $0 }
        lines += [
            "  template:",
            "    metadata:",
            "      labels:",
            "        app.kubernetes.io/name: edition",
            "    spec:",
            "      restartPolicy: Never",
            "      containers:",
            "        - name: edition",
            "          image: \(Self.quoted(image))",
            "          workingDir: \(Self.mountPath)",
            "          command: [\"edition\"]",
            "          args:",
        ]
        lines += args.map { "            - " + Self.quoted($0) }
        if !env.isEmpty { lines += ["          env:"] + env.map { "            " + $0 } }
        lines += ["          resources:", "            requests:", "              cpu: \(Self.quoted(String(cpus)))"]
        if let memory { lines += ["              memory: \(Self.quoted(memory))", "            limits:", "              memory: \(Self.quoted(memory))"] }
        lines += [
            "          volumeMounts:",
            "            - name: data",
            "              mountPath: \(Self.mountPath)",
            "      volumes:",
            "        - name: data",
            "          persistentVolumeClaim:",
            "            claimName: \(Self.quoted(volumeClaim))",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar (JSON's string syntax is valid YAML), so no value is read as
    /// a number, a boolean, or YAML syntax.
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    /// A Kubernetes object name: a DNS-1123 label, short enough for "-shards" and pod suffixes.
    public static func check(name: String) throws {
        let valid = name.count <= 40 && name.first?.isLetter == true && name.last.map { $0.isLetter || $0.isNumber } == true
            && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if !valid { throw BuildError.source(name, "is not a Kubernetes name: lowercase letters, digits and hyphens, starting with a letter, at most 40 characters") }
    }
}
