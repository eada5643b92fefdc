import EditionCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The loop a worker process runs (`edition worker`): read a request, speak it, reply, until
/// the parent closes the pipe. A crash here costs one chunk, never the run.
public enum Worker {
    /// Environment switch for tests: the worker aborts on any text containing this string,
    /// as espeak-ng 1.51 does on some odd inputs.
    public static let crashTrigger = "EDITION_FAULT_CRASH_ON"

    public static func run(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) throws {
        let engine = try SpeechEngine()
        let trigger = ProcessInfo.processInfo.environment[crashTrigger].flatMap { $0.isEmpty ? nil : $0 }
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        while let frame = try Frame.read(from: input) {
            let request = try decoder.decode(SynthesisRequest.self, from: frame.header)
            if let trigger, request.text.contains(trigger) { abort() }
            var reply = SynthesisReply(sampleRate: engine.sampleRate, words: [], error: nil)
            var payload = Data()
            do {
                let take = try engine.speak(request.text, settings: request.settings).trimmed()
                reply.words = take.words
                payload = take.pcmData
            } catch {
                reply.error = error.localizedDescription
            }
            try Frame(header: try encoder.encode(reply), payload: payload).write(to: output)
        }
    }
}
