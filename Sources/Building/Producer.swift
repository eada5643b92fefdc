import Assembling
import EditionCore
import Foundation
import Mastering
import Publishing
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
    public var chunksDone: Int
    public var chunksTotal: Int
    public var secondsOfAudio: Double
}

/// A programme spoken but not yet mastered: the spool on disk, the timeline, the loudness.
public final class Recording: @unchecked Sendable {  // handed from the recording thread to the finishing one
    public let plan: EpisodePlan
    let recorder: ProgrammeRecorder
    let meter: LoudnessMeter
    public let warnings: [String]
    public let cacheHits: Int
    let outputDirectory: URL
    let buildKey: String?

    init(plan: EpisodePlan, recorder: ProgrammeRecorder, meter: LoudnessMeter, warnings: [String], cacheHits: Int,
         outputDirectory: URL, buildKey: String?) {
        self.plan = plan
        self.recorder = recorder
        self.meter = meter
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
        let meter = LoudnessMeter(sampleRate: recorder.sampleRate, truePeak: false)
        var floats: [Float] = []
        recorder.observer = { block in
            floats.removeAll(keepingCapacity: true)
            for s in block { floats.append(Float(s) / 32768) }
            floats.withUnsafeBufferPointer { meter.add($0) }
        }
        var warnings = plan.warnings
        do {
            let hits = try synthesize(plan.script, profile: plan.profile, into: recorder, warnings: &warnings, progress: progress)
            recorder.observer = nil
            return Recording(plan: plan, recorder: recorder, meter: meter, warnings: warnings, cacheHits: hits,
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
            .render(spool: recorder.spool, timeline: recorder.finish(), measured: recording.meter, tags: tags) { format in
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
                         timeline: timeline, mastering: report, chunks: plan.script.chunkCount, cacheHits: recording.cacheHits)
    }

    /// "2024-03-19": the form ID3, Vorbis comments and RIFF INFO all expect.
    static func isoDay(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    /// Speaks every chunk in order — cached takes straight from the cache, the rest on the pool —
    /// laying takes and pauses into the recorder. Returns the number of cache hits.
    func synthesize(_ script: Script, profile: VoiceProfile, into recorder: ProgrammeRecorder,
                    warnings: inout [String], progress: (NarrationProgress) -> Void) throws -> Int {
        struct Place { var chapter: Int; var sentence: Int; var chunk: Int }
        var places: [Place] = []
        for (c, chapter) in script.chapters.enumerated() {
            for (s, sentence) in chapter.sentences.enumerated() {
                for k in sentence.chunks.indices { places.append(Place(chapter: c, sentence: s, chunk: k)) }
            }
        }
        func chunk(_ p: Place) -> Chunk { script.chapters[p.chapter].sentences[p.sentence].chunks[p.chunk] }

        // Look every chunk up first; only the misses go to the workers.
        let keys = places.map { cache?.key(text: chunk($0).text, settings: profile.engine) }
        var cached: [Int: Take] = [:]
        if let cache { for (i, key) in keys.enumerated() { if let key, let take = cache.load(key) { cached[i] = take } } }
        let misses = places.indices.filter { cached[$0] == nil }

        var next = 0
        var failures: [String] = []
        func record(_ index: Int, _ take: Take, failure: String?) throws {
            let place = places[index]
            let chapter = script.chapters[place.chapter]
            let sentence = chapter.sentences[place.sentence]
            if place.sentence == 0 && place.chunk == 0 { recorder.beginChapter(chapter.title) }
            if place.chunk == 0 { recorder.beginSentence(sentence.source) }
            if let failure {
                let at = Timecode.string(Double(recorder.position) / Double(recorder.sampleRate))
                failures.append("chunk \(index + 1) at \(at) in “\(chapter.title)”: “\(chunk(place).text.prefix(80))”: \(failure)")
            }
            try recorder.append(take, for: chunk(place))
            try recorder.appendSilence(milliseconds: chunk(place).pauseAfter)
            progress(NarrationProgress(chunksDone: index + 1, chunksTotal: places.count,
                                       secondsOfAudio: Double(recorder.position) / Double(recorder.sampleRate)))
        }
        func flushCached(upTo end: Int) throws {
            while next < end, let take = cached[next] { try record(next, take, failure: nil); next += 1 }
        }
        let jobs = misses.map { SynthesisJob(text: chunk(places[$0]).text, settings: profile.engine) }
        try pool.synthesize(jobs) { m, outcome in
            let index = misses[m]
            try flushCached(upTo: index)
            try record(index, outcome.take, failure: outcome.failure)
            if outcome.failure == nil, let key = keys[index] { cache?.store(outcome.take, key: key) }
            next = index + 1
        }
        try flushCached(upTo: places.count)
        warnings += failures
        return cached.count
    }
}

/// HH:MM:SS.mmm, for messages and chapter comments.
public enum Timecode {
    public static func string(_ seconds: Double) -> String { Transcripts.stamp(seconds, ".") }
}

public enum EditionVersion {
    public static let current = "0.1.0"
}
