import Settings
import ArgumentParser
import EditionCore
import Building
import EditionCore
import Foundation
import Synthesizing

/// `--jobs`, the chunk cache and the hidden fault switches, shared by the commands that
/// synthesize; they make the `Narrator` that owns the workers.
struct WorkerOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Worker processes for synthesis (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var cache: CacheOptions

    /// Tests: a worker aborts on any chunk containing this text.
    @Option(name: .long, help: .hidden)
    var injectWorkerCrash: String?

    /// Tests: a worker hangs on any chunk containing this text.
    @Option(name: .long, help: .hidden)
    var injectWorkerHang: String?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func narrator(voices: VoiceLibrary) throws -> Narrator {
        var environment: [String: String] = [:]
        if let injectWorkerCrash { environment[Synthesizing.Worker.crashTrigger] = injectWorkerCrash }
        if let injectWorkerHang { environment[Synthesizing.Worker.hangTrigger] = injectWorkerHang }
        return try Narrator(.init(workerExecutable: Executable.path, jobs: jobs,
                                  cacheDirectory: cache.noCache ? nil : cache.directory,
                                  voices: voices, workerEnvironment: environment))
    }
}
