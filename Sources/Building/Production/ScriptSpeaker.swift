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
/// worker pool (which has a small window of runs in flight), then the pause after it.
/// Only that window is ever in memory, however long the script.
///
/// The pool is given runs, not chunks: a paragraph's chunks (up to `runCharacters` of text)
/// are spoken by one forked speaker, one after another (`SynthesisJob`). A run is cut by the
/// script alone, never by timing or the number of workers, so the same script always gives
/// the same audio; a chunk's cache key names the run's chunks before it.
struct ScriptSpeaker {
    let pool: WorkerPool
    let cache: ChunkCache?
    let cancellation: Cancellation?

    /// A run closes at the end of a paragraph or a chapter, or once it holds this much text
    /// (about ten sentences: a correction re-speaks at most that much).
    static let runCharacters = 1500

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
        /// The first chunk of a run: counts runs in flight.
        var opensRun = false
    }

    /// `queued` is called once every chunk not in the cache is on the pool's queue: what is
    /// left is delivery, and another programme may start queuing its own.
    func speak(_ script: Script, settings: EngineSettings, into recorder: ProgrammeRecorder,
               queued: () -> Void = {}, progress: (NarrationProgress) -> Void) throws -> Result {
        let stream = pool.stream()
        defer { stream.close() }
        var result = Result()
        var queue: [Pending] = []
        var runsQueued = 0
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
                if failure == nil, !outcome.outOfRun, let key = p.key { cache?.store(take, key: key) }
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

        // The run being gathered: its chunks, waiting until it closes.
        var run: [Pending] = []
        var runLength = 0
        func closeRun(last: Bool = false) throws {
            guard !run.isEmpty else { return }
            // The script's last run goes chunk by chunk: both workers share the end of the
            // programme, and neither waits idle behind a whole paragraph for the next item.
            if last, run.count > 1 {
                let whole = run
                for pending in whole {
                    run = [pending]
                    try closeRun()
                }
                return
            }
            let texts = run.map(\.chunk.text)
            for k in run.indices {
                run[k].key = keyOf?(Array(texts[...k]))
                run[k].cached = run[k].key.flatMap { cache?.load($0) }
            }
            // Spoken whole unless every take is cached: a chunk sounds as it does after the ones
            // before it in its run, so a missing one cannot be spoken alone.
            if run.contains(where: { $0.cached == nil }) {
                for k in run.indices { run[k].cached = nil }
                stream.submit(SynthesisJob(texts: texts, settings: settings))
            } else {
                result.cacheHits += run.count
            }
            run[0].opensRun = true
            queue += run
            runsQueued += 1
            run = []
            runLength = 0
            // Enough runs in flight to keep every worker busy while the oldest is delivered
            // (paragraphs differ in length: one worker may go through several short ones while
            // another speaks a long one).
            while runsQueued > 3 * pool.jobs, !queue.isEmpty {
                let p = queue.removeFirst()
                if queue.first?.opensRun ?? true { runsQueued -= 1 }
                try deliver(p)
            }
        }

        for line in script {
            try cancellation?.check()
            var chapter = line.chapter
            if chapter != nil { try closeRun() }
            for (k, chunk) in line.sentence.chunks.enumerated() {
                if runLength > 0, runLength + chunk.text.count > Self.runCharacters { try closeRun() }
                run.append(Pending(chunk: chunk, index: result.chunks, chapter: chapter, sentence: k == 0 ? line.sentence.source : nil,
                                   role: line.role, endsBlock: line.endsBlock,
                                   endsSentence: k == line.sentence.chunks.count - 1, line: line.index, key: nil, cached: nil))
                runLength += chunk.text.count
                chapter = nil
                result.chunks += 1
            }
            if line.endsBlock { try closeRun() }
        }
        try closeRun(last: true)
        queued()
        for p in queue { try deliver(p) }
        return result
    }
}
