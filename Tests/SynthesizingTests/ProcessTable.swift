import Foundation
#if canImport(Glibc)
import Glibc
#endif
import EditionCore
@testable import Synthesizing

/// What /proc says about processes, so tests can see workers and the children they fork.
enum ProcessTable {
    /// The pids whose parent is `pid`.
    static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { parent(of: $0) == pid }
    }

    /// "R", "S", "T" (stopped), "Z" (zombie)…; nil once it is gone.
    static func state(of pid: pid_t) -> String? { stat(pid)?.first }

    /// How many threads it still has (a zombie's exiting threads hold its descriptors open).
    static func threads(of pid: pid_t) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []).count
    }

    /// Its nice value (field 19 of /proc/pid/stat).
    static func nice(of pid: pid_t) -> Int? { nice(statPath: "/proc/\(pid)/stat") }

    /// The calling thread's nice value (Linux keeps one per thread).
    static func niceOfCallingThread() -> Int? { nice(statPath: "/proc/thread-self/stat") }

    private static func nice(statPath: String) -> Int? {
        guard let fields = stat(path: statPath), fields.count > 16 else { return nil }
        return Int(fields[16])
    }

    static func parent(of pid: pid_t) -> pid_t? {
        guard let fields = stat(pid), fields.count > 1 else { return nil }
        return pid_t(fields[1])
    }

    /// The fields of /proc/pid/stat after the command name: state, ppid, …
    private static func stat(_ pid: pid_t) -> [String]? { stat(path: "/proc/\(pid)/stat") }

    private static func stat(path: String) -> [String]? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ").map(String.init)
    }

    /// Whether `pid` is in the process table at all (a zombie counts: it is left behind too).
    static func exists(_ pid: pid_t) -> Bool { FileManager.default.fileExists(atPath: "/proc/\(pid)") }

    /// Polls `condition` every 20 ms until it holds or `seconds` have passed.
    static func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
        let until = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < until {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}

extension WorkerPool {
    /// Speaks `texts` in order with one set of settings.
    func speak(_ texts: [String], settings: EngineSettings = .init(voice: "en-us")) throws -> [SynthesisOutcome] {
        var outcomes: [SynthesisOutcome] = []
        try synthesize(texts.map { SynthesisJob(text: $0, settings: settings) }) { _, outcome in outcomes.append(outcome) }
        return outcomes
    }
}
