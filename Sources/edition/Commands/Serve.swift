import ArgumentParser
import Settings
import EditionCore
import Foundation
import Logging
import Serving
import Synthesizing

/// `edition serve`: the narration service a newsroom's CMS calls.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the narration service: articles over HTTP, jobs, episodes, media, a feed, webhooks.",
        discussion: """
            Needs nothing else running: jobs and episodes live in SQLite in the data folder, beside \
            the episodes' files (media/) and the chunk cache (cache/). Binds 127.0.0.1 unless told \
            otherwise; put TLS in a reverse proxy in front and pass its address as --public-url. \
            Mutating routes need a bearer token: `edition token add NAME --data DIR`. SIGTERM drains: \
            running jobs finish (or, after --drain-timeout, are re-queued), then the server exits. \
            The API is described at GET /openapi.json.
            """)

    @Option(name: .long, help: ArgumentHelp("Data folder: database, media, chunk cache.", valueName: "dir"))
    var data: String = "Output"

    @Option(name: .long, help: "Address to listen on (0.0.0.0 for every interface: only behind a firewall or proxy).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free one and prints it).")
    var port: Int = 8080

    @Option(name: .long, help: ArgumentHelp("Address clients use, e.g. https://audio.example.org (default: http://host:port).", valueName: "url"))
    var publicURL: String?

    @Option(name: .long, help: ArgumentHelp("Podcast config for /feed.xml (see `edition feed init`).", valueName: "file"))
    var config: String?

    @Option(name: .shortAndLong, help: "Worker processes for synthesis (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp("Largest request body accepted (413 beyond it).", valueName: "size"))
    var maxBody: ByteSize = ByteSize(bytes: 10 << 20)

    @Option(name: .long, help: ArgumentHelp("Chunk cache cap; least recently used entries go first.", valueName: "size"))
    var cacheMax: ByteSize = ByteSize(bytes: 2 << 30)

    @Option(name: .long, help: ArgumentHelp("Forget finished job records after this long (episodes stay): 90m, 12h, 7d.", valueName: "time"))
    var jobRetention: TimeSpan = TimeSpan(seconds: 7 * 86_400)

    @Option(name: .long, help: ArgumentHelp("On SIGTERM, how long running jobs may finish before they are re-queued.", valueName: "time"))
    var drainTimeout: TimeSpan = TimeSpan(seconds: 60)

    @Flag(name: .long, help: "Let webhooks point at loopback and private addresses (refused by default: SSRF).")
    var allowLoopbackWebhooks = false

    @Option(name: .long, help: ArgumentHelp("Folder of voice profiles (default: ./Voices, or the one beside the binary).", valueName: "dir"))
    var voices: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel: Logger.Level = .info

    @Option(name: .long, help: ArgumentHelp("How much lower than the server's the priority of narration (synthesis, mastering, encoding) runs, 0–19: requests stay fast while the CPU is busy.", valueName: "nice"))
    var workNice: Int32 = 10

    /// Tests: a short lease, so a killed server's job is re-queued quickly.
    @Option(name: .long, help: .hidden)
    var lease: Double = 30

    /// Tests: a worker hangs on any chunk containing this text.
    @Option(name: .long, help: .hidden)
    var injectWorkerHang: String?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if !(0...19).contains(workNice) { throw ValidationError("--work-nice must be between 0 and 19.") }
        if !(0...65_535).contains(port) { throw ValidationError("--port must be between 0 and 65535.") }
        if maxBody.bytes < 1024 { throw ValidationError("--max-body must be at least 1KiB.") }
        if let publicURL, URL(string: publicURL)?.scheme == nil { throw ValidationError("--public-url must be an absolute URL such as https://audio.example.org") }
    }

    func run() async throws {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "edition.serve")
        var options = ServiceOptions(dataDirectory: URL(fileURLWithPath: data), workerExecutable: Executable.path)
        options.host = host
        options.port = port
        options.publicURL = publicURL
        options.podcastConfig = config.map { URL(fileURLWithPath: $0) }
        options.jobs = jobs
        options.maxBody = maxBody.bytes
        options.cacheMax = cacheMax.bytes
        options.jobRetention = jobRetention.seconds
        options.drainTimeout = drainTimeout.seconds
        options.allowLoopbackWebhooks = allowLoopbackWebhooks
        options.lease = lease
        if let injectWorkerHang { options.workerEnvironment[Synthesizing.Worker.hangTrigger] = injectWorkerHang }
        if let voices { options.voices = VoiceLibrary(directory: URL(fileURLWithPath: voices)) }
        BlockingThread.niceness = workNice  // before the server starts its workers: they inherit it
        let server = try EditionServer(options: options, logger: logger)
        let dataPath = data
        try await server.run { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            FileHandle.standardOutput.write(Data("edition serve: listening on http://\(shown):\(port) (data: \(dataPath))\n".utf8))
        }
    }
}

/// `edition token add|list|revoke`: the bearer tokens `edition serve` accepts.
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the bearer tokens that `edition serve` accepts.",
        subcommands: [Add.self, List.self, Revoke.self])

    struct DataOption: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("The server's data folder.", valueName: "dir"))
        var data: String = "Output"

        func store() throws -> ServiceStore { try ServiceStore(dataDirectory: URL(fileURLWithPath: data)) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a token and print it (once: only its hash is kept).")
        @Argument(help: "A name for whoever uses it, e.g. the CMS.") var name: String
        @OptionGroup var data: DataOption

        func run() throws {
            let token = try data.store().addToken(named: name)
            print(token)
            Console.error("token \"\(name)\" made; it is shown only this once. Send it as `Authorization: Bearer <token>`.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens by name (the tokens themselves are not kept).")
        @OptionGroup var data: DataOption

        func run() throws {
            let formatter = ISO8601DateFormatter()
            for token in try data.store().tokens() { print("\(token.name)\t\(formatter.string(from: token.created))") }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token; requests using it are refused at once.")
        @Argument(help: "The token's name.") var name: String
        @OptionGroup var data: DataOption

        func run() throws {
            guard try data.store().revokeToken(named: name) else { throw ValidationError("no token is named \"\(name)\" (see `edition token list`)") }
            print("revoked \(name)")
        }
    }
}

/// A size on the command line: 10MiB, 2GiB, 512k, 1048576.
struct ByteSize: ExpressibleByArgument {
    var bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(digits), value >= 0 else { return nil }
        let units: [String: Double] = ["": 1, "b": 1, "k": 1024, "kb": 1000, "kib": 1024, "m": Double(1 << 20), "mb": 1e6, "mib": Double(1 << 20),
                                       "g": Double(1 << 30), "gb": 1e9, "gib": Double(1 << 30)]
        guard let unit = units[String(text.dropFirst(digits.count)).trimmingCharacters(in: .whitespaces)] else { return nil }
        let total = value * unit
        guard total < 9e18 else { return nil }
        bytes = Int(total)
    }

    var defaultValueDescription: String { bytes % (1 << 30) == 0 ? "\(bytes >> 30)GiB" : "\(bytes >> 20)MiB" }
}

/// A duration on the command line: 30s, 90m, 12h, 7d (a bare number is seconds).
struct TimeSpan: ExpressibleByArgument {
    var seconds: Double

    init(seconds: Double) { self.seconds = seconds }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        let unit = text.last.flatMap { units[$0] }
        guard let value = Double(unit == nil ? text : String(text.dropLast())), value >= 0, value.isFinite else { return nil }
        seconds = value * (unit ?? 1)
    }

    var defaultValueDescription: String { seconds.truncatingRemainder(dividingBy: 86_400) == 0 ? "\(Int(seconds / 86_400))d" : "\(Int(seconds))s" }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
