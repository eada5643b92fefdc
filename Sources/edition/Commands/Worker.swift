import ArgumentParser
import Synthesizing

/// Hidden: the synthesis worker loop, started by the parent over pipes.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a synthesis worker (internal).",
                                                    shouldDisplay: false)

    func run() throws {
        try Synthesizing.Worker.run()
    }
}
