import EditionCore
import Foundation

/// Paths and helpers every test target needs: the built `edition` binary (also the worker),
/// the repository's Voices/ and Examples/, and scratch folders.
public enum TestEnvironment {
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The `edition` executable beside the test bundle (swift build --build-tests builds it).
    public static let editionBinary: String = {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleDir.appendingPathComponent("edition").path]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("edition").path }
            + [repositoryRoot.appendingPathComponent(".build/debug/edition").path]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    public static var voicesDirectory: URL { repositoryRoot.appendingPathComponent("Voices") }
    /// One chunk cache per test run, never the user's.
    public static let cacheDirectory: URL = FileManager.default.temporaryDirectory
        .appendingPathComponent("edition-test-cache-\(getpid())")
    public static var examplesDirectory: URL { repositoryRoot.appendingPathComponent("Examples") }

    /// A fresh empty folder, removed by the caller's `defer`.
    public static func scratchDirectory(_ label: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("edition-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` (or bytes) into `directory/name` and returns its path.
    @discardableResult
    public static func write(_ data: Data, named name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }
}

/// Runs a command and collects what it printed.
public struct CommandResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum CommandRunner {
    public static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                           environment: [String: String] = [:], directory: URL? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Drain both pipes while the process runs, so a chatty child never blocks.
        let errReader = err.fileHandleForReading
        let errDrain = BlockingThread.run { errReader.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = (try? errDrain.wait().get()) ?? Data()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs the built `edition` with the repository's voices.
    public static func edition(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                               directory: URL? = nil) throws -> CommandResult {
        try run(TestEnvironment.editionBinary, arguments, stdin: stdin,
                environment: ["EDITION_VOICES": TestEnvironment.voicesDirectory.path,
                              "EDITION_CACHE": TestEnvironment.cacheDirectory.path].merging(environment) { $1 },
                directory: directory)
    }
}
