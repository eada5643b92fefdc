import EditionCore
import Foundation

/// A worker slot that survives its process: when the worker dies on a chunk, a new one is
/// started and the chunk is retried once in a sanitized form; if that dies too, a short
/// silence stands in and the failure is reported. (MaryTTS's ExternalModule does the same.)
final class SupervisedWorker: @unchecked Sendable {  // driven by one pool thread at a time
    let executable: String
    let environment: [String: String]
    private var process: WorkerProcess?
    static let stand_inMilliseconds = 500

    init(executable: String, environment: [String: String]) {
        self.executable = executable
        self.environment = environment
    }

    func speak(_ text: String, settings: EngineSettings, sampleRate: Int) throws -> (Take, failure: String?) {
        do {
            return (try attempt(text, settings), nil)
        } catch SynthesisError.workerDied(let first) {
            let retry = ChunkSanitizer.sanitize(text)
            do {
                return (try attempt(retry, settings), "the engine crashed (\(first)); retried in a sanitized form")
            } catch SynthesisError.workerDied(let second) {
                let silence = Take.silence(milliseconds: Self.stand_inMilliseconds, sampleRate: sampleRate)
                return (silence, "the engine crashed twice (\(second)); \(Self.stand_inMilliseconds) ms of silence stands in")
            }
        }
    }

    private func attempt(_ text: String, _ settings: EngineSettings) throws -> Take {
        if process == nil { process = try WorkerProcess(executable: executable, environment: environment) }
        do {
            return try process!.speak(text, settings: settings)
        } catch let error as SynthesisError {
            if case .workerDied = error { process = nil }
            throw error
        }
    }

    func stop() { process?.reap(); process = nil }
}
