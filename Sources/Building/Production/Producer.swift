import Assembling
import EditionCore
import Foundation
import Mastering
import Publishing
import Reading
import Segmenting
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

/// EpisodePlan → files, in two halves: `record` speaks the plan's script (each chunk from the
/// cache or the worker pool) into a spool; `finish` masters it into every format and writes
/// the sidecars, all atomically. A build overlaps the two: the next item is spoken while the
/// last is mastered.
public final class Producer: Sendable {
    public let pool: WorkerPool
    public let cache: ChunkCache?
    let calibrations: VoiceCalibrations

    public init(pool: WorkerPool, cache: ChunkCache? = nil) {
        self.pool = pool
        self.cache = cache
        calibrations = VoiceCalibrations(folder: cache?.directory.appendingPathComponent("calibrations"))
    }

    /// Every chunk spoken and laid into a spool beside the output. Stops with
    /// `CancellationError` within a chunk of `cancellation` being set. `queued` is called once
    /// every chunk is on the pool's queue (see `ScriptSpeaker.speak`).
    public func record(_ plan: EpisodePlan, outputDirectory: URL, buildKey: String? = nil,
                       cancellation: Cancellation? = nil, queued: () -> Void = {},
                       progress: (NarrationProgress) -> Void = { _ in }) throws -> Recording {
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let recorder = try ProgrammeRecorder(sampleRate: WorkerPool.engineSampleRate, scratchDirectory: outputDirectory)
        let calibration = plan.profile.mastering.normalize ? calibrations.calibrationInBackground(for: plan.profile, pool: pool) : nil
        do {
            let spoken = try ScriptSpeaker(pool: pool, cache: cache, cancellation: cancellation)
                .speak(plan.script, settings: plan.profile.engine, into: recorder, queued: queued, progress: progress)
            guard spoken.chunks > 0 else { throw ReadingError.noText(plan.source.path) }
            return Recording(plan: plan, recorder: recorder, calibration: calibration, warnings: plan.warnings + spoken.failures,
                             chunks: spoken.chunks, cacheHits: spoken.cacheHits,
                             outputDirectory: outputDirectory, buildKey: buildKey)
        } catch {
            recorder.discard()
            throw error
        }
    }

    /// Mastering into every format, the sidecars, and the atomic commit. Touches neither the
    /// pool nor the cache's takes (only its encoded MP3 parts, each written whole and renamed),
    /// so it may run on another thread while the next recording is made.
    public func finish(_ recording: Recording, formats: [AudioFormat]) throws -> Narration {
        let plan = recording.plan
        let slug = plan.slug
        let recorder = recording.recorder
        defer { recorder.discard() }
        let output = try AtomicOutput(directory: recording.outputDirectory)
        let tags = EpisodeTags(title: plan.title, artist: plan.authors.isEmpty ? nil : IntroTemplate.list(plan.authors),
                               date: plan.published?.date.map(Self.isoDay), comment: plan.url, software: EditionVersion.generator)
        var files: [String] = []
        let calibration = try recording.calibration?.wait().get()
        let (timeline, report) = try Master(plan: plan.profile.mastering, formats: formats, calibration: calibration, keptParts: cache)
            .render(spool: recorder.spool, timeline: try recorder.finish(), tags: tags) { format in
                let name = "\(slug).\(format.fileExtension)"
                files.append(name)
                return output.stage(name).path
            }
        files += EpisodeSidecars.names(slug: slug)
        var episode = Episode(
            title: plan.title, slug: slug, authors: plan.authors, published: plan.published?.text,
            url: plan.url, standfirst: plan.standfirst, source: plan.source,
            voice: plan.profile.name, duration: Seconds.rounded(timeline.duration), sampleRate: timeline.sampleRate,
            files: files,
            chapters: timeline.chapters.map { .init(title: $0.title, startTime: Seconds.rounded(timeline.seconds($0.start))) },
            warnings: recording.warnings, generator: EditionVersion.generator,
            loudness: report.loudness.isFinite ? report.loudness : nil, truePeak: report.truePeak.isFinite ? report.truePeak : nil)
        episode.publishedISO = plan.published?.date.map { ISO8601DateFormatter().string(from: $0) }
        episode.buildKey = recording.buildKey
        episode.layout = timeline.layout.isEmpty ? nil : timeline.layout
        episode.language = plan.language
        try EpisodeSidecars.write(episode, timeline: timeline, stage: output.stage)
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
}

/// A programme spoken but not yet mastered: the spool on disk and the timeline. Handed from
/// the thread that recorded it to the one that finishes it, and used by one at a time.
public final class Recording: @unchecked Sendable {  // the recorder is touched by one thread at a time
    public let plan: EpisodePlan
    let recorder: ProgrammeRecorder
    /// The voice's loudness calibration, when it could be measured.
    let calibration: Joinable<LoudnessCalibration?>?
    public let warnings: [String]
    public let chunks: Int
    public let cacheHits: Int
    let outputDirectory: URL
    let buildKey: String?

    init(plan: EpisodePlan, recorder: ProgrammeRecorder, calibration: Joinable<LoudnessCalibration?>?, warnings: [String], chunks: Int,
         cacheHits: Int, outputDirectory: URL, buildKey: String?) {
        self.plan = plan
        self.recorder = recorder
        self.calibration = calibration
        self.warnings = warnings
        self.chunks = chunks
        self.cacheHits = cacheHits
        self.outputDirectory = outputDirectory
        self.buildKey = buildKey
    }

    /// Drops the spool of a recording that will never be finished.
    public func discard() { recorder.discard() }
}
