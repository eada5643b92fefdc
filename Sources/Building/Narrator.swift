import Settings
import EditionCore
import Foundation
import Mastering
import Segmenting
import Synthesizing

/// The library's front door: articles in, episodes (audio with chapters, transcripts and
/// metadata) out. One `Narrator` owns a pool of synthesis workers and the chunk cache; it is
/// meant to live as long as the process (a service, a CLI run) and may be called repeatedly
/// and concurrently: calls share the workers chunk by chunk, and never drive one worker at once.
///
///     let narrator = try Narrator(.init(workerExecutable: "/usr/local/bin/edition"))
///     let narration = try await narrator.narrate(.file("story.md"), voice: "en-gb-news",
///                                                options: .init(outputDirectory: output))
///     print(narration.episode.duration, narration.files)
///
/// Every call goes through the same production loop as `edition build` (`Builder`).
public final class Narrator: Sendable {
    public struct Configuration: Sendable {
        /// The `edition` binary: workers run it as `edition worker` (espeak-ng lives there).
        public var workerExecutable: String
        /// Worker processes (default: one per core).
        public var jobs: Int
        /// The chunk cache's folder, or nil for none.
        public var cacheDirectory: URL?
        /// Where voice profiles are found (default: `$EDITION_VOICES`, ./Voices, or beside the binary).
        public var voices: VoiceLibrary?
        /// Extra environment for the workers (fault switches in tests).
        public var workerEnvironment: [String: String]

        public init(workerExecutable: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                    cacheDirectory: URL? = ChunkCache.defaultDirectory, voices: VoiceLibrary? = nil,
                    workerEnvironment: [String: String] = [:]) {
            self.workerExecutable = workerExecutable
            self.jobs = jobs
            self.cacheDirectory = cacheDirectory
            self.voices = voices
            self.workerEnvironment = workerEnvironment
        }
    }

    /// How one narration is made; every field has the CLI's default.
    public struct Options: Sendable {
        public var outputDirectory: URL
        public var formats: [AudioFormat]
        public var intro: IntroTemplate
        /// Title, date or URL over what the article says.
        public var overrides: ArticleOverrides
        /// Changes to the voice's mastering plan (loudness target, sample rate…).
        public var mastering: @Sendable (MasteringPlan) -> MasteringPlan
        /// Speaking rate relative to the voice's own.
        public var speed: Double = 1

        public init(outputDirectory: URL = URL(fileURLWithPath: "Output"), formats: [AudioFormat] = [.wav, .mp3],
                    intro: IntroTemplate = .standard, overrides: ArticleOverrides = ArticleOverrides(),
                    mastering: @escaping @Sendable (MasteringPlan) -> MasteringPlan = { $0 }) {
            self.outputDirectory = outputDirectory
            self.formats = formats
            self.intro = intro
            self.overrides = overrides
            self.mastering = mastering
        }
    }

    /// What a running narration reports.
    public enum Update: Sendable {
        case progress(NarrationProgress)
        case finished(Narration)
    }

    public let producer: Producer
    public let voices: VoiceLibrary

    public init(_ configuration: Configuration) throws {
        let pool = WorkerPool(executable: configuration.workerExecutable, jobs: configuration.jobs,
                              environment: configuration.workerEnvironment)
        producer = Producer(pool: pool, cache: try configuration.cacheDirectory.map { try ChunkCache(directory: $0) })
        guard let voices = configuration.voices ?? VoiceLibrary.locate(executable: configuration.workerExecutable) else {
            throw VoiceProfileError.noLibrary
        }
        self.voices = voices
    }

    /// Narrates one article and returns its episode and files. `voice` names a profile (default:
    /// the article's language's voice, `en-us-news` for English). Cancelling the task stops synthesis within a chunk and leaves no file
    /// behind. Errors name the article.
    public func narrate(_ source: ArticleSource, voice: String? = nil, options: Options = Options(),
                        progress: @escaping @Sendable (NarrationProgress) -> Void = { _ in }) async throws -> Narration {
        let cancellation = Cancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Narration, Error>) in
                BlockingThread.run {
                    continuation.resume(with: Result {
                        try self.narrateBlocking(source, voice: voice, options: options, cancellation: cancellation, progress: progress)
                    })
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// `narrate` for callers outside Swift concurrency: blocks the calling thread.
    public func narrateBlocking(_ source: ArticleSource, voice: String? = nil, options: Options = Options(),
                                cancellation: Cancellation? = nil,
                                progress: (NarrationProgress) -> Void = { _ in }) throws -> Narration {
        let item = BuildItem(kind: .article(source, overrides: options.overrides), voice: voice)
        var build = BuildOptions(outputDirectory: options.outputDirectory, formats: options.formats,
                                 library: voices, mastering: options.mastering, intro: options.intro, force: true, journal: false)
        build.speed = options.speed
        let (_, results) = Builder(producer: producer, options: build).produce([item], cancellation: cancellation) { event in
            if case .progress(_, let p) = event { progress(p) }
        }
        switch results[0] ?? .failure(CancellationError()) {
        case .success(let narration): return narration
        case .failure(let error as ItemError) where error.underlying is CancellationError: throw CancellationError()
        case .failure(let error): throw error
        }
    }

    /// The same, as a sequence of updates ending with `.finished`.
    public func updates(_ source: ArticleSource, voice: String? = nil,
                        options: Options = Options()) -> AsyncThrowingStream<Update, Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let narration = try await narrate(source, voice: voice, options: options) { continuation.yield(.progress($0)) }
                    continuation.yield(.finished(narration))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Stops the workers (each finishes the chunk in hand) and leaves no process behind. Calls
    /// made afterwards fail. The pool also shuts down when the narrator is released.
    public func shutdown() { producer.pool.shutdown() }

    /// A batch, as `edition build` runs it (blocking; call it from a thread of your own).
    public func build(_ items: [BuildItem], options: BuildOptions, cancellation: Cancellation? = nil,
                      events: (BuildEvent) -> Void = { _ in }) -> BuildReport {
        Builder(producer: producer, options: options).run(items, cancellation: cancellation, events: events)
    }
}
