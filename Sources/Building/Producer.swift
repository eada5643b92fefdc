import Assembling
import EditionCore
import Foundation
import Mastering
import Publishing
import Reading
import Synthesizing

/// What one production wrote.
public struct Narration: Sendable {
    public var episode: Episode
    public var files: [URL]
    /// At the output rate, as written in the files.
    public var timeline: Timeline
    public var mastering: MasteringReport
    public var chunks: Int
    public var cacheHits: Int
}

/// How far a production has got, for progress displays.
public struct NarrationProgress: Sendable {
    public var sentencesDone: Int
    public var sentencesTotal: Int
    public var secondsOfAudio: Double
}

/// A programme spoken but not yet mastered: the spool on disk and the timeline.
public final class Recording: @unchecked Sendable {  // handed from the recording thread to the finishing one
    public let plan: EpisodePlan
    let recorder: ProgrammeRecorder
    public let warnings: [String]
    public let chunks: Int
    public let cacheHits: Int
    let outputDirectory: URL
    let buildKey: String?

    init(plan: EpisodePlan, recorder: ProgrammeRecorder, warnings: [String], chunks: Int, cacheHits: Int,
         outputDirectory: URL, buildKey: String?) {
        self.chunks = chunks
        self.plan = plan
        self.recorder = recorder
        self.warnings = warnings
        self.cacheHits = cacheHits
        self.outputDirectory = outputDirectory
        self.buildKey = buildKey
    }

    /// Drops the spool of a recording that will never be finished.
    public func discard() { recorder.discard() }
}

/// EpisodePlan → files: synthesize every chunk (from the cache or on the worker pool), record
/// the programme, master it into each format, and write the sidecars — all atomically.
public final class Producer: Sendable {
    public static let generator = "edition \(EditionVersion.current)"
    public let pool: WorkerPool
    public let cache: ChunkCache?

    public init(pool: WorkerPool, cache: ChunkCache? = nil) {
        self.pool = pool
        self.cache = cache
    }

    public func produce(_ plan: EpisodePlan, outputDirectory: URL, formats: [AudioFormat] = [.wav, .mp3],
                        buildKey: String? = nil, progress: (NarrationProgress) -> Void = { _ in }) throws -> Narration {
        try finish(record(plan, outputDirectory: outputDirectory, buildKey: buildKey, progress: progress), formats: formats)
    }

    /// The first half: every chunk spoken (from the cache or on the pool) and laid into a spool,
    /// with the programme's loudness measured on the way. Drives the worker pool.
    public func record(_ plan: EpisodePlan, outputDirectory: URL, buildKey: String? = nil,
                       progress: (NarrationProgress) -> Void = { _ in }) throws -> Recording {
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let recorder = try ProgrammeRecorder(sampleRate: WorkerPool.engineSampleRate, scratchDirectory: outputDirectory)
        var warnings = plan.warnings
        do {
            let (chunks, hits) = try synthesize(plan, into: recorder, warnings: &warnings, progress: progress)
            guard chunks > 0 else { throw ReadingError.noText(plan.source.path) }
            return Recording(plan: plan, recorder: recorder, warnings: warnings, chunks: chunks, cacheHits: hits,
                             outputDirectory: outputDirectory, buildKey: buildKey)
        } catch {
            recorder.discard()
            throw error
        }
    }

    /// The second half: mastering into every format, the sidecars, and the atomic commit.
    /// Touches neither the pool nor the cache, so it may run on another thread while the next
    /// recording is made.
    public func finish(_ recording: Recording, formats: [AudioFormat]) throws -> Narration {
        let plan = recording.plan
        let slug = plan.slug
        let recorder = recording.recorder
        defer { recorder.discard() }
        let output = try AtomicOutput(directory: recording.outputDirectory)
        let tags = EpisodeTags(title: plan.title, artist: plan.authors.isEmpty ? nil : ScriptBuilder.list(plan.authors),
                               date: plan.published?.date.map(Self.isoDay), comment: plan.url, software: Self.generator)
        var files: [String] = []
        let (timeline, report) = try Master(plan: plan.profile.mastering, formats: formats)
            .render(spool: recorder.spool, timeline: try recorder.finish(), tags: tags) { format in
                let name = "\(slug).\(format.fileExtension)"
                files.append(name)
                return output.stage(name).path
            }
        try output.write(ChaptersJSON.data(for: timeline), as: "\(slug).chapters.json")
        try Transcripts.writeWebVTT(timeline, to: output.stage("\(slug).vtt"))
        try Transcripts.writeSRT(timeline, to: output.stage("\(slug).srt"))
        try Transcripts.writeJSON(timeline, to: output.stage("\(slug).transcript.json"))
        files += ["\(slug).chapters.json", "\(slug).vtt", "\(slug).srt", "\(slug).transcript.json", "\(slug).json"]
        var episode = Episode(
            title: plan.title, slug: slug, authors: plan.authors, published: plan.published?.text,
            url: plan.url, standfirst: plan.standfirst, source: plan.source,
            voice: plan.profile.name, duration: Seconds.rounded(timeline.duration), sampleRate: timeline.sampleRate,
            files: files,
            chapters: timeline.chapters.map { .init(title: $0.title, startTime: Seconds.rounded(timeline.seconds($0.start))) },
            warnings: recording.warnings, generator: Self.generator,
            loudness: report.loudness.isFinite ? report.loudness : nil, truePeak: report.truePeak.isFinite ? report.truePeak : nil)
        episode.publishedISO = plan.published?.date.map { ISO8601DateFormatter().string(from: $0) }
        episode.buildKey = recording.buildKey
        try output.write(EpisodeJSON.data(for: episode), as: "\(slug).json")
        try output.commit()
        return Narration(episode: episode, files: files.map { recording.outputDirectory.appendingPathComponent($0) },
                         timeline: timeline, mastering: report, chunks: recording.chunks, cacheHits: recording.cacheHits)
    }

    /// "2024-03-19": the form ID3, Vorbis comments and RIFF INFO all expect.
    static func isoDay(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    /// Speaks the outline line by line — normalizing each only now, taking cached takes from the
    /// cache and the rest from the workers — and lays takes and pauses into the recorder in order.
    /// Only a window of chunks is ever in memory. Returns the chunks spoken and the cache hits.
    func synthesize(_ plan: EpisodePlan, into recorder: ProgrammeRecorder, warnings: inout [String],
                    progress: (NarrationProgress) -> Void) throws -> (chunks: Int, hits: Int) {
        struct Pending {
            var chunk: Chunk
            var index: Int
            var chapter: String?      // set on a chapter's first chunk
            var sentence: String?     // set on a sentence's first chunk
            var endsSentence: Bool
            var line: Int
            var key: String?
            var cached: Take?
        }
        let engine = plan.profile.engine
        let linesTotal = plan.outline.lineCount
        let stream = pool.stream()
        defer { stream.close() }
        var queue: [Pending] = []
        var failures: [String] = []
        var chapterTitle = ""
        var hits = 0

        func deliver(_ p: Pending) throws {
            var take: Take, failure: String?
            if let cached = p.cached {
                take = cached
            } else {
                let outcome = try stream.next()
                (take, failure) = (outcome.take, outcome.failure)
                if failure == nil, let key = p.key { cache?.store(take, key: key) }
            }
            if let chapter = p.chapter { recorder.beginChapter(chapter); chapterTitle = chapter }
            if let sentence = p.sentence { try recorder.beginSentence(sentence) }
            if let failure {
                let at = Timecode.string(Double(recorder.position) / Double(recorder.sampleRate))
                failures.append("chunk \(p.index + 1) at \(at) in “\(chapterTitle)”: “\(p.chunk.text.prefix(80))”: \(failure)")
            }
            try recorder.append(take, for: p.chunk)
            try recorder.appendSilence(milliseconds: p.chunk.pauseAfter)
            guard p.endsSentence else { return }
            progress(NarrationProgress(sentencesDone: p.line + 1, sentencesTotal: linesTotal,
                                       secondsOfAudio: Double(recorder.position) / Double(recorder.sampleRate)))
        }

        var index = 0, line = 0
        for chapter in plan.outline.chapters {
            var chapterStart: String? = chapter.title
            for outlineLine in chapter.lines {
                defer { line += 1 }
                guard let sentence = plan.builder.sentence(outlineLine) else { continue }
                for (k, chunk) in sentence.chunks.enumerated() {
                    let key = cache?.key(text: chunk.text, settings: engine)
                    let cached = key.flatMap { cache?.load($0) }
                    if cached != nil { hits += 1 } else { stream.submit(SynthesisJob(text: chunk.text, settings: engine)) }
                    queue.append(Pending(chunk: chunk, index: index, chapter: chapterStart, sentence: k == 0 ? sentence.source : nil,
                                         endsSentence: k == sentence.chunks.count - 1, line: line, key: key, cached: cached))
                    chapterStart = nil
                    index += 1
                    if queue.count > stream.window * 2 { try deliver(queue.removeFirst()) }
                }
            }
        }
        for p in queue { try deliver(p) }
        warnings += failures
        return (index, hits)
    }
}

/// HH:MM:SS.mmm, for messages and chapter comments.
public enum Timecode {
    public static func string(_ seconds: Double) -> String { Transcripts.stamp(seconds, ".") }
}

public enum EditionVersion {
    public static let current = "0.1.0"
}
