import Assembling
import EditionCore
import Foundation
import Segmenting
import Synthesizing
import Synchronization

/// A flag a caller sets to stop a production; checked between chunks, so synthesis stops
/// within one chunk's time (milliseconds) of it.
public final class Cancellation: Sendable {
    private let flag = Mutex(false)
    public init() {}
    public func cancel() { flag.withLock { $0 = true } }
    public var isCancelled: Bool { flag.withLock { $0 } }

    func check() throws { if isCancelled { throw CancellationError() } }
}

/// Speaks a script into a recorder, in order: each chunk's take from the cache, or from the
/// worker pool (which has a small window of chunks in flight), then the pause after it.
/// Only that window is ever in memory, however long the script.
struct ScriptSpeaker {
    let pool: WorkerPool
    let cache: ChunkCache?
    let cancellation: Cancellation?

    struct Result {
        var chunks = 0
        var cacheHits = 0
        /// One line per chunk the engine could not speak as written.
        var failures: [String] = []
    }

    /// A chunk on its way to the recorder.
    private struct Pending {
        var chunk: Chunk
        var index: Int
        var chapter: String?      // set on a chapter's first chunk
        var sentence: String?     // set on a sentence's first chunk
        var role: TextBlock.Kind
        var endsBlock: Bool
        var endsSentence: Bool
        var line: Int
        var key: String?
        var cached: Take?
    }

    func speak(_ script: Script, settings: EngineSettings, into recorder: ProgrammeRecorder,
               progress: (NarrationProgress) -> Void) throws -> Result {
        let stream = pool.stream()
        defer { stream.close() }
        var result = Result()
        var queue: [Pending] = []
        var chapterTitle = ""
        let linesTotal = script.lineCount
        let keyOf = cache?.keys(for: settings)

        func deliver(_ p: Pending) throws {
            try cancellation?.check()
            var take: Take, failure: String?
            if let cached = p.cached {
                take = cached
            } else {
                let outcome = try stream.next()
                (take, failure) = (outcome.take, outcome.warning)
                if failure == nil, let key = p.key { cache?.store(take, key: key) }
            }
            guard take.sampleRate == recorder.sampleRate || take.samples.isEmpty else {
                throw SynthesisError.engine("speak at the programme's rate: a chunk came at \(take.sampleRate) Hz, the programme is at \(recorder.sampleRate) Hz")
            }
            if let chapter = p.chapter { recorder.beginChapter(chapter); chapterTitle = chapter }
            if let sentence = p.sentence { try recorder.beginSentence(sentence, role: p.role, endsBlock: p.endsBlock) }
            if let failure {
                let at = Timecode.string(Double(recorder.position) / Double(recorder.sampleRate))
                result.failures.append("chunk \(p.index + 1) at \(at) in “\(chapterTitle)”: “\(p.chunk.text.prefix(80))”: \(failure)")
            }
            try recorder.append(take, for: p.chunk)
            try recorder.appendSilence(milliseconds: p.chunk.pauseAfter, onGrid: p.endsSentence && p.endsBlock)
            guard p.endsSentence else { return }
            progress(NarrationProgress(sentencesDone: p.line + 1, sentencesTotal: linesTotal,
                                       secondsOfAudio: Double(recorder.position) / Double(recorder.sampleRate)))
        }

        for line in script {
            try cancellation?.check()
            var chapter = line.chapter
            for (k, chunk) in line.sentence.chunks.enumerated() {
                let key = keyOf?(chunk.text)
                let cached = key.flatMap { cache?.load($0) }
                if cached != nil { result.cacheHits += 1 } else { stream.submit(SynthesisJob(text: chunk.text, settings: settings)) }
                queue.append(Pending(chunk: chunk, index: result.chunks, chapter: chapter, sentence: k == 0 ? line.sentence.source : nil,
                                     role: line.role, endsBlock: line.endsBlock,
                                     endsSentence: k == line.sentence.chunks.count - 1, line: line.index, key: key, cached: cached))
                chapter = nil
                result.chunks += 1
                if queue.count > stream.window * 2 { try deliver(queue.removeFirst()) }
            }
        }
        for p in queue { try deliver(p) }
        return result
    }
}
