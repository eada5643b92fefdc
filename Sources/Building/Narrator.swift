import Assembling
import Crypto
import EditionCore
import Foundation
import Mastering
import Publishing
import Reading
import Synthesizing

/// What one narration produced.
public struct Narration: Sendable {
    public var episode: Episode
    public var files: [URL]
    /// At the output rate, as written in the files.
    public var timeline: Timeline
    public var mastering: MasteringReport
}

/// How far a narration has got, for progress displays.
public struct NarrationProgress: Sendable {
    public var chunksDone: Int
    public var chunksTotal: Int
    public var secondsOfAudio: Double
}

/// Article file → episode files. Composes the stages: read, script, synthesize (on the
/// worker pool), record, and write the WAV and its sidecars atomically.
public final class Narrator {
    public static let generator = "edition \(EditionVersion.current)"
    public let pool: WorkerPool
    private var takenSlugs: Set<String> = []

    public init(pool: WorkerPool) {
        self.pool = pool
    }

    public func narrate(_ path: String, profile: VoiceProfile, outputDirectory: URL,
                        formats: [AudioFormat] = [.wav, .mp3], intro: IntroTemplate = .standard,
                        progress: (NarrationProgress) -> Void = { _ in }) throws -> Narration {
        let reader = ArticleReader()
        let data = try reader.load(path: path)
        let article = try reader.read(data, name: path == "-" ? "stdin" : path)
        let script = ScriptBuilder(profile: profile, intro: intro).script(for: article)
        guard script.chunkCount > 0 else { throw ReadingError.noText(path) }

        let slug = Slug.unique(Slug.make(article.headline), taken: &takenSlugs)
        let output = try AtomicOutput(directory: outputDirectory)
        let recorder = try ProgrammeRecorder(sampleRate: WorkerPool.engineSampleRate, scratchDirectory: outputDirectory)
        defer { recorder.discard() }
        let meter = LoudnessMeter(sampleRate: recorder.sampleRate, truePeak: false)
        var floats: [Float] = []
        recorder.observer = { block in
            floats.removeAll(keepingCapacity: true)
            for s in block { floats.append(Float(s) / 32768) }
            floats.withUnsafeBufferPointer { meter.add($0) }
        }

        var warnings = article.warnings
        try synthesize(script, profile: profile, into: recorder, warnings: &warnings, progress: progress)

        let tags = EpisodeTags(title: article.headline, artist: article.authors.isEmpty ? nil : ScriptBuilder.list(article.authors),
                               date: article.published?.text, comment: article.sourceURL, software: Self.generator)
        var files: [String] = []
        let (timeline, report) = try Master(plan: profile.mastering, formats: formats)
            .render(spool: recorder.spool, timeline: recorder.finish(), measured: meter, tags: tags) { format in
                let name = "\(slug).\(format.fileExtension)"
                files.append(name)
                return output.stage(name).path
            }
        try output.write(ChaptersJSON.data(for: timeline), as: "\(slug).chapters.json")
        try output.write(Data(Transcripts.webVTT(timeline).utf8), as: "\(slug).vtt")
        try output.write(Data(Transcripts.srt(timeline).utf8), as: "\(slug).srt")
        try output.write(Transcripts.json(timeline), as: "\(slug).transcript.json")
        files += ["\(slug).chapters.json", "\(slug).vtt", "\(slug).srt", "\(slug).transcript.json", "\(slug).json"]
        let episode = Episode(
            title: article.headline, slug: slug, authors: article.authors, published: article.published?.text,
            url: article.sourceURL, standfirst: article.standfirst,
            source: .init(path: path, sha256: SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()),
            voice: profile.name, duration: Seconds.rounded(timeline.duration), sampleRate: timeline.sampleRate,
            files: files,
            chapters: timeline.chapters.map { .init(title: $0.title, startTime: Seconds.rounded(timeline.seconds($0.start))) },
            warnings: warnings, generator: Self.generator, loudness: report.loudness, truePeak: report.truePeak)
        try output.write(EpisodeJSON.data(for: episode), as: "\(slug).json")
        try output.commit()
        return Narration(episode: episode, files: files.map { outputDirectory.appendingPathComponent($0) },
                         timeline: timeline, mastering: report)
    }

    /// Speaks every chunk in order on the pool, laying takes and pauses into the recorder.
    func synthesize(_ script: Script, profile: VoiceProfile, into recorder: ProgrammeRecorder,
                    warnings: inout [String], progress: (NarrationProgress) -> Void) throws {
        struct Place { var chapter: Int; var sentence: Int; var chunk: Int }
        var places: [Place] = []
        var jobs: [SynthesisJob] = []
        for (c, chapter) in script.chapters.enumerated() {
            for (s, sentence) in chapter.sentences.enumerated() {
                for (k, chunk) in sentence.chunks.enumerated() {
                    places.append(Place(chapter: c, sentence: s, chunk: k))
                    jobs.append(SynthesisJob(text: chunk.text, settings: profile.engine))
                }
            }
        }
        var failures: [String] = []
        try pool.synthesize(jobs) { index, outcome in
            let place = places[index]
            let chapter = script.chapters[place.chapter]
            let sentence = chapter.sentences[place.sentence]
            let chunk = sentence.chunks[place.chunk]
            if place.sentence == 0 && place.chunk == 0 { recorder.beginChapter(chapter.title) }
            if place.chunk == 0 { recorder.beginSentence(sentence.source) }
            if let failure = outcome.failure {
                let at = Timecode.string(Double(recorder.position) / Double(recorder.sampleRate))
                failures.append("chunk \(index + 1) at \(at) in “\(chapter.title)”: “\(chunk.text.prefix(80))”: \(failure)")
            }
            try recorder.append(outcome.take, for: chunk)
            try recorder.appendSilence(milliseconds: chunk.pauseAfter)
            progress(NarrationProgress(chunksDone: index + 1, chunksTotal: jobs.count,
                                       secondsOfAudio: Double(recorder.position) / Double(recorder.sampleRate)))
        }
        warnings += failures
    }
}

/// HH:MM:SS.mmm, for messages and chapter comments.
public enum Timecode {
    public static func string(_ seconds: Double) -> String {
        let ms = Int((seconds * 1000).rounded())
        return String(format: "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
    }
}

public enum EditionVersion {
    public static let current = "0.1.0"
}
