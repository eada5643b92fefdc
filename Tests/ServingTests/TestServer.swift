import EditionTestSupport
import Foundation
import Logging
import Serving
import Settings
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `edition serve` in this process: a loopback port picked by the kernel, a fresh data
/// folder, real workers (the built binary), and a token. Requests go over HTTP with URLSession.
final class TestServer: @unchecked Sendable {
    let data: URL
    let base: String
    let token: String
    let port: Int
    private let task: Task<Void, Error>

    static func start(_ configure: (inout ServiceOptions) -> Void = { _ in }) async throws -> TestServer {
        let data = try TestEnvironment.scratchDirectory("serve")
        var options = ServiceOptions(dataDirectory: data, workerExecutable: TestEnvironment.editionBinary)
        options.port = 0
        options.jobs = 2
        options.voices = VoiceLibrary(directory: TestEnvironment.voicesDirectory)
        options.allowLoopbackWebhooks = true
        options.webhookBackoff = [.milliseconds(100), .milliseconds(200), .milliseconds(400)]
        configure(&options)
        let token = try ServiceStore(dataDirectory: data).addToken(named: "test")
        var logger = Logger(label: "test.serve")
        logger.logLevel = .warning
        let server = try EditionServer(options: options, logger: logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task { try await server.run(signals: false) { continuation.yield($0); continuation.finish() } }
        var port = 0
        for await p in ports { port = p }
        guard port > 0 else { task.cancel(); throw TestFailure("the server did not start") }
        return TestServer(data: data, base: "http://127.0.0.1:\(port)", token: token, port: port, task: task)
    }

    private init(data: URL, base: String, token: String, port: Int, task: Task<Void, Error>) {
        self.data = data
        self.base = base
        self.token = token
        self.port = port
        self.task = task
    }

    func stop() async {
        task.cancel()
        _ = await task.result
        try? FileManager.default.removeItem(at: data)
    }

    // MARK: HTTP

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.urlCache = nil
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 120
        return URLSession(configuration: configuration)
    }()

    func request(_ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil,
                 authorized: Bool = false) async throws -> Reply {
        var request = URLRequest(url: URL(string: path.hasPrefix("http") ? path : base + path)!)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if authorized { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if body != nil, headers["Content-Type"] == nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Reply {
        try await request("GET", path, headers: headers)
    }

    func post(_ path: String, json: Any, authorized: Bool = true) async throws -> Reply {
        try await request("POST", path, body: try JSONSerialization.data(withJSONObject: json), authorized: authorized)
    }

    /// Polls a job until it is done or failed.
    func finished(_ jobId: String, timeout: TimeInterval = 120) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let job = try await get("/v1/jobs/\(jobId)").json
            if let status = job["status"] as? String, status == "done" || status == "failed" { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("job \(jobId) did not finish in \(timeout) s")
    }

    /// Posts an article and waits for its episode.
    func narrate(_ article: [String: Any]) async throws -> (job: [String: Any], episode: [String: Any]) {
        let posted = try await post("/v1/articles", json: article)
        guard posted.status == 202, let id = posted.json["id"] as? String else {
            XCTFail("POST /v1/articles answered \(posted.status): \(posted.text)")
            return ([:], [:])
        }
        let job = try await finished(id)
        let episode = try await get("/v1/episodes/\(job["episode_id"] as? String ?? "")").json
        return (job, episode)
    }
}

/// Articles for the service's tests.
enum ServiceFixtures {
    static var example: String {
        (try? String(contentsOf: TestEnvironment.examplesDirectory.appendingPathComponent("anti-kremlin-militia.txt"), encoding: .utf8)) ?? ""
    }

    /// A Markdown article of `paragraphs` paragraphs, each different.
    static func article(paragraphs: Int, seed: String = "council") -> String {
        var text = "# The \(seed) meets again\n\nBy Ada Reporter\n\n"
        for i in 1...paragraphs {
            text += "Paragraph \(i) of the \(seed) story: the meeting on item \(i) ran for \(i + 20) minutes, and members voted \(i % 7 + 3) to \(i % 5 + 1) in favour. "
            text += "Residents asked about the budget for the \(i)th time this year.\n\n"
        }
        return text
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
