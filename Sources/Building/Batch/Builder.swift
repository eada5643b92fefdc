import Settings
import EditionCore
import Foundation
import Mastering
import Publishing
import Reading
import Segmenting
import Synthesizing

/// Builds items: each is skipped when up to date, otherwise planned and produced on the
/// shared worker pool (every chunk of every article spreads over all workers, so one long
/// article never leaves a core idle). A failed item is reported and the others go on. This is
/// the one production loop: `edition build`, `edition narrate` (no journal) and the library's
/// `Narrator` all run it.
public final class Builder {
    public let producer: Producer
    public let options: BuildOptions
    private var takenSlugs: Set<String> = []
    /// Profiles as loaded from their files, by voice and language: a build reads each once
    /// (parsing a profile and its lexicons was a quarter of a no-change rebuild).
    private var loadedProfiles: [String: VoiceProfile] = [:]
    /// Each article's language as read in this build (by item name), for its journal record.
    private var languageMemos: [String: Journal.LanguageMemo] = [:]

    public init(producer: Producer, options: BuildOptions) {
        self.producer = producer
        self.options = options
    }

    /// Builds every item and returns the report; `events` is called on this thread.
    public func run(_ items: [BuildItem], cancellation: Cancellation? = nil,
                    events: (BuildEvent) -> Void = { _ in }) -> BuildReport {
        produce(items, cancellation: cancellation, events: events).report
    }

    /// As `run`, with each item's result: its narration, or why it has none (nil when it was
    /// up to date).
    func produce(_ items: [BuildItem], cancellation: Cancellation? = nil,
                 events: (BuildEvent) -> Void) -> (report: BuildReport, results: [Result<Narration, Error>?]) {
        let start = Date()
        let out = options.outputDirectory
        try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        StaleFiles.sweep(out)
        let journal = options.journal ? Journal(directory: out) : nil
        let prepared = items.map { item in Result { try prepare(item, journal: journal) } }
        let slugs = journal.map { SlugPlan.assign(items, prepared: prepared, journal: $0) } ?? [:]
        takenSlugs.formUnion(slugs.values.map(\.slug))
        // A shard builds its share of the articles; editions are joined by the finishing build.
        let selected = options.shard.map { BuildPlan.indices(of: items, in: $0) } ?? Array(items.indices)
        events(.started(items: selected.count, weight: selected.reduce(0) { $0 + items[$1].weight }))

        // Two stages overlap: while earlier items are mastered and encoded on their own threads
        // (as many at once as there are workers, since mastering costs more than speaking), the
        // workers already speak the next item. Results are reported in order, from this thread.
        var reports: [ItemReport] = []
        var results: [Result<Narration, Error>?] = Array(repeating: nil, count: items.count)
        var finishing: [Finishing] = []
        let inFlight = max(1, producer.pool.jobs) + 1
        func report(_ position: Int, _ report: ItemReport, weight: Int) {
            reports.append(report)
            events(.itemFinished(index: position, report, weight: weight))
        }
        func land(keeping: Int = 0) {
            while finishing.count > keeping {
                let f = finishing.removeFirst()
                var itemReport: ItemReport
                switch f.task.wait() {
                case .success(let narration):
                    results[f.index] = .success(narration)
                    itemReport = ItemReport(narration, name: f.item.name, removedLines: f.plan.removedLines)
                case .failure(let error):
                    let failure = ItemError(item: f.item.displayName, underlying: error)
                    results[f.index] = .failure(failure)
                    itemReport = ItemReport(name: f.item.name, status: .failed, error: failure.localizedDescription)
                }
                itemReport.elapsedSeconds = Self.since(f.start)
                report(f.position, itemReport, weight: f.item.weight)
            }
        }
        func upToDate(_ index: Int, key: String) -> Journal.Entry? {
            guard !options.force, let done = journal?.upToDate(items[index].name, key: key, in: out),
                  slugs[index] == nil || done.slug == slugs[index]?.slug else { return nil }
            return done
        }
        // The next item's plan (reading, normalizing, segmenting: about 10 ms an article) is made
        // on its own thread while this one is spoken: made here, between items, it left both
        // workers idle for that long each time (6% of a 50-article build).
        var plansAhead: [Int: Joinable<EpisodePlan>] = [:]
        func planAhead(after position: Int) {
            guard position + 1 < selected.count else { return }
            let index = selected[position + 1]
            guard case .success(let (profile, key)) = prepared[index], upToDate(index, key: key) == nil else { return }
            let item = items[index], intro = options.intro
            plansAhead[index] = BlockingThread.run { try Self.plan(item, profile: profile, intro: intro) }
        }
        defer { for plan in plansAhead.values { _ = plan.wait() } }
        func fail(_ position: Int, _ index: Int, start: Date, _ error: any Error) {
            land()
            let failure = ItemError(item: items[index].displayName, underlying: error)
            results[index] = .failure(failure)
            report(position, ItemReport(name: items[index].name, status: .failed, error: failure.localizedDescription,
                                        elapsedSeconds: Self.since(start)), weight: items[index].weight)
        }
        // Recording overlaps as well: once an item's chunks are all on the pool's queue, the
        // next item is planned and queues its own while this one's last takes are delivered on
        // its thread. Recorded one after another, a worker idled at the end of every item.
        var behind: Recorded?
        // A recording's progress is reported here, from this thread, whenever it waits on one.
        func follow(_ shared: Monitor<Recorded.Shared>, _ position: Int, until: (Recorded.Shared) -> Bool) {
            while true {
                let (reached, progress) = shared.wait(until: { until($0) || $0.progress != nil }) { state in
                    defer { state.progress = nil }
                    return (until(state), state.progress)
                }
                if let progress { events(.progress(index: position, progress)) }
                if reached { return }
            }
        }
        func settleBehind() {
            guard let previous = behind else { return }
            behind = nil
            let work = previous.work
            follow(previous.shared, work.position) { $0.done }
            let recording: Recording
            switch work.task.wait() {
            case .success(let made): recording = made
            case .failure(let error): return fail(work.position, work.index, start: work.start, error)
            }
            land(keeping: inFlight - 1)
            let producer = self.producer, formats = options.formats, name = work.item.name
            let entry = previous.entry, memo = languageMemos[name]
            finishing.append(Finishing(index: work.index, position: work.position, item: work.item, plan: work.plan,
                                       start: work.start, task: BlockingThread.run {
                let narration = try producer.finish(recording, formats: formats)
                var done = entry
                done.files = narration.files.map(\.lastPathComponent)
                done.language = memo
                journal?.record(name, done)
                return narration
            }))
        }
        for (position, index) in selected.enumerated() {
            let item = items[index]
            events(.itemStarted(index: position, name: item.name))
            let itemStart = Date()
            do {
                try cancellation?.check()
                let (profile, key) = try prepared[index].get()
                let planned = slugs[index]
                if let done = upToDate(index, key: key) {
                    takenSlugs.insert(done.slug)
                    settleBehind()
                    land()
                    report(position, ItemReport(name: item.name, status: .upToDate, slug: done.slug, files: done.files), weight: item.weight)
                    continue
                }
                var plan = try plansAhead.removeValue(forKey: index)?.wait().get() ?? Self.plan(item, profile: profile, intro: options.intro)
                let baseSlug = planned?.base ?? plan.slug
                plan.slug = planned?.slug ?? Slug.unique(plan.slug, taken: &takenSlugs)
                planAhead(after: position)
                // Recorded on its own thread, followed here until all its chunks are queued.
                let shared = Monitor(Recorded.Shared())
                let producer = self.producer, recorded = plan
                let task = BlockingThread.run {
                    defer { shared.update { $0.done = true } }
                    return try producer.record(recorded, outputDirectory: out, buildKey: key, cancellation: cancellation,
                                               queued: { shared.update { $0.queued = true } }) { progress in
                        shared.update { $0.progress = progress }
                    }
                }
                follow(shared, position) { $0.queued || $0.done }
                settleBehind()
                behind = Recorded(work: InHand(index: index, position: position, item: item, plan: plan, start: itemStart, task: task),
                                  shared: shared, entry: .init(key: key, slug: plan.slug, files: [], baseSlug: baseSlug))
            } catch {
                settleBehind()
                fail(position, index, start: itemStart, error)
            }
        }
        settleBehind()
        land()
        // Totalling the cache reads every entry's size: worth it for a build's report, not for
        // each narration of the library (a service's every job) or `edition narrate`.
        let cache = options.journal ? producer.cache?.size() ?? (entries: 0, bytes: 0) : (entries: 0, bytes: 0)
        let buildReport = BuildReport(items: reports, audioSeconds: reports.reduce(0) { $0 + $1.audioSeconds },
                                      elapsedSeconds: Date().timeIntervalSince(start), cacheEntries: cache.entries, cacheBytes: cache.bytes)
        if options.journal {
            // The finishing build of a sharded run reports what the shards did for the items it found done.
            let written = options.shard == nil ? ShardReports.merge(into: buildReport, directory: out) : buildReport
            if let data = try? JSONOutput.encode(written) {
                try? data.write(to: out.appendingPathComponent(ShardReports.fileName(options.shard)), options: Data.WritingOptions.atomic)
            }
        }
        events(.finished(buildReport))
        return (buildReport, results)
    }

    /// An item in hand on a thread of its own: being recorded, or mastered and encoded.
    private struct InHand<Made: Sendable> {
        var index: Int
        var position: Int
        var item: BuildItem
        var plan: EpisodePlan
        var start: Date
        var task: Joinable<Made>
    }
    private typealias Finishing = InHand<Narration>

    /// An item whose chunks are all queued, its last takes being delivered on its own thread.
    private struct Recorded {
        var work: InHand<Recording>
        var shared: Monitor<Shared>
        /// Its journal entry, but for the files written.
        var entry: Journal.Entry

        /// What its thread tells the builder's: all queued, done, and the latest progress.
        struct Shared {
            var queued = false
            var done = false
            var progress: NarrationProgress?
        }
    }

    static func since(_ start: Date) -> Double { (Date().timeIntervalSince(start) * 1000).rounded() / 1000 }

    /// What deciding whether an item is up to date needs: its profile and its build key.
    func prepare(_ item: BuildItem, journal: Journal? = nil) throws -> (profile: VoiceProfile, key: String) {
        let profile = try profile(for: item, journal: journal)
        return (profile, try buildKey(item, profile: profile))
    }

    func profile(for item: BuildItem, journal: Journal? = nil) throws -> VoiceProfile {
        let named = item.voice ?? options.defaultVoice
        let language = named == nil ? try language(of: item, journal: journal) : nil
        let loadKey = "\(named ?? "")\u{0}\(language ?? "")"
        var profile: VoiceProfile
        if let loaded = loadedProfiles[loadKey] {
            profile = loaded
        } else {
            profile = try options.library.profile(named: named, language: language)
            loadedProfiles[loadKey] = profile
        }
        profile.mastering = options.mastering(profile.mastering)
        if options.speed != 1 { profile.engine.rate = Int((Double(profile.engine.rate) * options.speed).rounded()) }
        if case .edition(let entry, let base) = item.kind {
            if let a = entry.introAudio { profile.mastering.introAudio = BuildPlan.resolve(a, base) }
            if let a = entry.outroAudio { profile.mastering.outroAudio = BuildPlan.resolve(a, base) }
            if let pause = entry.storyPause { profile.pauses.chapter = pause }
        }
        return profile
    }

    /// The language an item is written in, which picks its voice when it names none: what the
    /// manifest says, else what the article (an edition's first readable story) says or shows.
    func language(of item: BuildItem, journal: Journal? = nil) throws -> String? {
        switch item.kind {
        case .article(let source, let overrides):
            if let language = overrides.language { return language }
            guard case .file(let path) = source, let bytes = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
                return try source.read().0.language
            }
            // The language the journal says these very bytes were read as, else read them.
            let from = Journal.LanguageMemo.source(of: bytes)
            if let memo = journal?.entry(item.name)?.language, memo.source == from {
                languageMemos[item.name] = memo
                return memo.language
            }
            let language = try source.read().0.language
            languageMemos[item.name] = .init(source: from, language: language)
            return language
        case .edition(let entry, let base):
            if let language = entry.language { return language }
            for story in entry.articles {
                if let language = story.language { return language }
                if let (article, _) = try? ArticleSource.file(BuildPlan.resolve(story.path, base)).read() { return article.language }
            }
            return nil
        }
    }

    static func plan(_ item: BuildItem, profile: VoiceProfile, intro: IntroTemplate) throws -> EpisodePlan {
        switch item.kind {
        case .article(let source, let overrides):
            return try EpisodePlan.article(source, profile: profile, intro: intro, overrides: overrides)
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
        case .article(let source, let overrides):
            switch source {
            case .file(let path): paths = [path]
            case .bytes(let data, _, let format): paths = []; parts += [Digest.sha256(data), format?.rawValue ?? ""]
            case .article(let article, _): paths = []; parts.append(Digest.sha256((try? encoder.encode(article)) ?? Data()))
            }
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
