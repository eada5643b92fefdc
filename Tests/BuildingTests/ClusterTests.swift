import Building
import EditionTestSupport
import Foundation
import XCTest

/// The words the Slurm scripts and Kubernetes manifests carry: every path reaches
/// `edition build` exactly as written, whatever it holds.
final class ClusterTests: XCTestCase {
    static let hostile = ["plain.txt", "my stories/a b.txt", "it's.txt", "$HOME.txt", "`date`.txt", "a\"b.txt", "back\\slash",
                          "semi;colon", "new\nline", "*", "-dash", "", "ünïcödé ✓", "a'b'\"c\"$(x)"]

    func testShellWordsSurviveBashUnchanged() throws {
        let script = "printf '%s\\0' " + ShellWords.join(Self.hostile)
        let result = try CommandRunner.run("/bin/bash", ["-c", script], directory: FileManager.default.temporaryDirectory)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init), Self.hostile)
    }

    func testClusterOptionsAreRemovedAndTheRestForwardedAsGiven() {
        let (kept, removed) = ClusterBuild.forwarded(
            ["news.yaml", "--shards", "4", "--format", "mp3", "--partition=debug", "--submit", "my dir", "-o", "out", "--", "--shards"],
            removing: ["--shards": true, "--partition": true, "--submit": false, "-o": true])
        XCTAssertEqual(kept, ["news.yaml", "--format", "mp3", "my dir", "--", "--shards"])
        XCTAssertEqual(removed, ["--shards": "4", "--partition": "debug", "--submit": "", "-o": "out"])
    }

    func build(_ sources: [String], output: String = "out dir") -> ClusterBuild {
        ClusterBuild(executable: "/opt/edition bin/edition", workingDirectory: "/srv/news's", arguments: sources + ["--format", "mp3"],
                     output: output, shards: 4, feedConfig: "pod cast.yaml")
    }

    func testSlurmScriptsRunTheShardAndTheFinishWithEveryWordIntact() throws {
        let scripts = SlurmScripts(build: build(Self.hostile), folder: "/srv/out dir/slurm", partition: "debug", time: "2:00:00", cpusPerTask: 3, memory: "2G")
        let shards = scripts.shards
        XCTAssertTrue(shards.contains("#SBATCH --array=0-3\n"))
        XCTAssertTrue(shards.contains("#SBATCH --output=\"/srv/out dir/slurm/logs/shard-%a.log\"\n"))
        XCTAssertTrue(shards.contains("#SBATCH --cpus-per-task=3\n"))
        XCTAssertTrue(shards.contains("#SBATCH --partition=\"debug\"\n"))
        XCTAssertFalse(scripts.finish.contains("--array"))
        XCTAssertTrue(scripts.finish.contains("--feed-config 'pod cast.yaml'"))
        XCTAssertFalse(shards.contains("--feed-config"), "the feed is the finishing build's")

        // Run each script's command line through bash with a stand-in `edition` that prints its arguments.
        for (script, task) in [(shards, "2"), (scripts.finish, "")] {
            // The command is the script's last: a quoted word may span lines ("new\nline").
            let line = script[try XCTUnwrap(script.range(of: "\nexec "))!.upperBound...]
            let probe = "printf '%s\\0' " + String(line).replacingOccurrences(of: "'/opt/edition bin/edition' ", with: "")
            let result = try CommandRunner.run("/bin/bash", ["-c", probe], environment: ["SLURM_ARRAY_TASK_ID": task, "SLURM_CPUS_PER_TASK": "3"])
            XCTAssertEqual(result.status, 0, result.stderr + probe)
            let words = result.stdout.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
            XCTAssertEqual(Array(words.prefix(1 + Self.hostile.count)), ["build"] + Self.hostile)
            XCTAssertTrue(words.contains("--output") && words[words.firstIndex(of: "--output")! + 1] == "out dir")
            if !task.isEmpty { XCTAssertEqual(words[words.firstIndex(of: "--shard")! + 1], "2/4") }
            XCTAssertEqual(words[words.firstIndex(of: "--jobs")! + 1], "3")
        }
        XCTAssertTrue(shards.contains("cd '/srv/news'\\''s'\n"))
        XCTAssertThrowsError(try SlurmScripts.check("/srv/a\"b", "the output folder"))
        XCTAssertNoThrow(try SlurmScripts.check("/srv/a b/it's $x", "the output folder"))
    }

    func testKubernetesManifestsCarryEveryWordAsAQuotedString() throws {
        let manifests = KubernetesManifests(build: build(Self.hostile, output: "out"), image: "registry.example/edition:1", volumeClaim: "news",
                                            parallelism: 2, cpus: 2, memory: "2Gi")
        let shards = manifests.shardsJob
        XCTAssertTrue(shards.contains("  completionMode: Indexed\n  completions: 4\n  parallelism: 2\n  backoffLimitPerIndex: 2\n"))
        XCTAssertTrue(shards.contains(#"- "$(SHARD_INDEX)/4""#))
        XCTAssertTrue(shards.contains(#"- "a'b'\"c\"$(x)""#), "JSON string escapes, no shell")
        XCTAssertTrue(shards.contains(#"- "new\nline""#))
        XCTAssertFalse(manifests.finishJob.contains("Indexed"))
        XCTAssertTrue(manifests.finishJob.contains(#"- "--feed-config""#))
        XCTAssertTrue(manifests.readme.contains("kubectl wait --for=condition=complete --timeout=24h job/edition-shards && kubectl apply -f finish-job.yaml"))
        XCTAssertThrowsError(try KubernetesManifests.check(name: "Edition_1"))
        XCTAssertNoThrow(try KubernetesManifests.check(name: "news-archive"))
    }
}
