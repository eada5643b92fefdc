import Configuration
import EditionCore
import Foundation
import Mastering
import Publishing
import Reading
import Synthesizing

/// How a build runs.
public struct BuildOptions: Sendable {
    public var outputDirectory: URL
    public var formats: [AudioFormat]
    public var defaultVoice: String
    public var library: VoiceLibrary
    /// Command-line mastering overrides, applied over each item's profile.
    public var mastering: @Sendable (MasteringPlan) -> MasteringPlan
    public var intro: IntroTemplate
    /// Rebuild even what is up to date.
    public var force: Bool

    public init(outputDirectory: URL, formats: [AudioFormat] = [.wav, .mp3], defaultVoice: String = "en-us-news",
                library: VoiceLibrary, mastering: @escaping @Sendable (MasteringPlan) -> MasteringPlan = { $0 },
                intro: IntroTemplate = .standard, force: Bool = false) {
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.defaultVoice = defaultVoice
        self.library = library
        self.mastering = mastering
        self.intro = intro
        self.force = force
    }
}

/// Builds many items: each is skipped when up to date, otherwise planned and produced on the
/// shared worker pool (every chunk of every article spreads over all workers, so one long
/// article never leaves a core idle). A failed item is reported and the others go on.
public final class Builder {
    public let producer: Producer
    public let options: BuildOptions
    private var takenSlugs: Set<String> = []

    public init(producer: Producer, options: BuildOptions) {
        self.producer = producer
        self.options = options
    }

    public func run(_ items: [BuildItem], events: (BuildEvent) -> Void = { _ in }) -> BuildReport {
        let start = Date()
        let out = options.outputDirectory
        try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        StaleFiles.sweep(out)
        let journal = Journal(directory: out)
        events(.started(items: items.count, weight: items.reduce(0) { $0 + $1.weight }))

        // Two stages overlap: while earlier items are mastered and encoded on background threads
        // (as many at once as there are workers, since mastering costs more than speaking), the
        // workers already speak the next item. Results are reported in order, from this thread.
        var reports: [ItemReport] = []
        typealias Finishing = (index: Int, item: BuildItem, plan: EpisodePlan, key: String, start: Date, task: Background<Narration>)
        var finishing: [Finishing] = []
        let inFlight = max(1, producer.pool.jobs) + 1
        func land(keeping: Int = 0) {
            while finishing.count > keeping {
                let f = finishing.removeFirst()
                var report: ItemReport
                switch f.task.wait() {
                case .success(let narration):
                    let files = narration.files.map(\.lastPathComponent)
                    report = ItemReport(name: f.item.name, status: .built, slug: f.plan.slug, warnings: narration.episode.warnings,
                                        audioSeconds: narration.timeline.duration, removedLines: f.plan.removedLines,
                                        chunks: narration.chunks, cacheHits: narration.cacheHits, files: files)
                case .failure(let error):
                    report = ItemReport(name: f.item.name, status: .failed, error: error.localizedDescription)
                }
                report.elapsedSeconds = Self.since(f.start)
                reports.append(report)
                events(.itemFinished(index: f.index, report, weight: f.item.weight))
            }
        }
        for (index, item) in items.enumerated() {
            events(.itemStarted(index: index, name: item.name))
            let itemStart = Date()
            do {
                let profile = try profile(for: item)
                let key = try buildKey(item, profile: profile)
                if !options.force, let done = journal.upToDate(item.name, key: key, in: out) {
                    takenSlugs.insert(done.slug)
                    land()
                    let report = ItemReport(name: item.name, status: .upToDate, slug: done.slug, files: done.files)
                    reports.append(report)
                    events(.itemFinished(index: index, report, weight: item.weight))
                    continue
                }
                var plan = try self.plan(item, profile: profile)
                plan.slug = Slug.unique(plan.slug, taken: &takenSlugs)
                let recording = try producer.record(plan, outputDirectory: out, buildKey: key) { events(.progress(index: index, $0)) }
                land(keeping: inFlight - 1)
                let producer = self.producer, formats = options.formats
                let name = item.name, slug = plan.slug
                finishing.append((index, item, plan, key, itemStart, Background {
                    let narration = try producer.finish(recording, formats: formats)
                    journal.record(name, .init(key: key, slug: slug, files: narration.files.map(\.lastPathComponent)))
                    return narration
                }))
            } catch {
                land()
                let report = ItemReport(name: item.name, status: .failed, error: error.localizedDescription,
                                        elapsedSeconds: Self.since(itemStart))
                reports.append(report)
                events(.itemFinished(index: index, report, weight: item.weight))
            }
        }
        land()
        let cache = producer.cache?.size() ?? (entries: 0, bytes: 0)
        let report = BuildReport(items: reports, audioSeconds: reports.reduce(0) { $0 + $1.audioSeconds },
                                 elapsedSeconds: Date().timeIntervalSince(start), cacheEntries: cache.entries, cacheBytes: cache.bytes)
        if let data = try? JSONOutput.encode(report) {
            try? data.write(to: out.appendingPathComponent("build-report.json"), options: Data.WritingOptions.atomic)
        }
        events(.finished(report))
        return report
    }

    static func since(_ start: Date) -> Double { (Date().timeIntervalSince(start) * 1000).rounded() / 1000 }

    func profile(for item: BuildItem) throws -> VoiceProfile {
        var profile = try options.library.profile(named: item.voice ?? options.defaultVoice)
        profile.mastering = options.mastering(profile.mastering)
        if case .edition(let entry, let base) = item.kind {
            if let a = entry.introAudio { profile.mastering.introAudio = BuildPlan.resolve(a, base) }
            if let a = entry.outroAudio { profile.mastering.outroAudio = BuildPlan.resolve(a, base) }
            if let pause = entry.storyPause { profile.pauses.chapter = pause }
        }
        return profile
    }

    func plan(_ item: BuildItem, profile: VoiceProfile) throws -> EpisodePlan {
        switch item.kind {
        case .article(let path, let overrides):
            return try EpisodePlan.article(path, profile: profile, intro: options.intro, overrides: overrides)
        case .edition(let entry, let base):
            return try EpisodePlan.edition(entry, base: base, profile: profile)
        }
    }

    /// Everything that changes the output: the tool's version, the item, its sources' bytes,
    /// the profile (lexicon and mastering included), the formats and the intro template.
    func buildKey(_ item: BuildItem, profile: VoiceProfile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var parts = [EditionVersion.current, SpeechEngine.version, item.name, options.formats.map(\.rawValue).sorted().joined(separator: ","),
                     options.intro.sentences.joined(separator: "|")]
        parts.append(String(decoding: try encoder.encode(profile), as: UTF8.self))
        let paths: [String]
        switch item.kind {
        case .article(let path, let overrides):
            paths = [path]
            parts.append(String(decoding: try encoder.encode(overrides), as: UTF8.self))
        case .edition(let entry, let base):
            paths = entry.articles.map { BuildPlan.resolve($0.path, base) }
            parts += [entry.title, entry.intro ?? "", entry.outro ?? "", entry.date ?? "", entry.url ?? ""]
            parts += entry.articles.map { "\($0.title ?? "")|\($0.date ?? "")|\($0.url ?? "")" }
            for audio in [entry.introAudio, entry.outroAudio].compactMap({ $0 }) { parts.append(Self.digest(BuildPlan.resolve(audio, base))) }
        }
        for audio in [profile.mastering.introAudio, profile.mastering.outroAudio].compactMap({ $0 }) { parts.append(Self.digest(audio)) }
        for path in paths { parts.append(path == "-" ? UUID().uuidString : Self.digest(path)) }
        return Digest.sha256(parts.joined(separator: "\u{0}"))
    }

    static func digest(_ path: String) -> String {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map(Digest.sha256) ?? "missing:\(path)"
    }
}

/// Work on its own thread, joined later.
final class Background<T>: @unchecked Sendable {  // result written once before the semaphore, read after
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result(catching: work)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    func wait() -> Result<T, Error> {
        done.wait()
        done.signal()
        return result!
    }
}
