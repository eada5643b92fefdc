import EditionCore
import Foundation
import Mastering
import Synthesizing

/// Article file → episode files: plans the episode from the article and produces it,
/// keeping slugs unique within one run.
public final class Narrator {
    public let producer: Producer
    private var takenSlugs: Set<String> = []

    public init(pool: WorkerPool, cache: ChunkCache? = nil) {
        producer = Producer(pool: pool, cache: cache)
    }

    public func narrate(_ path: String, profile: VoiceProfile, outputDirectory: URL,
                        formats: [AudioFormat] = [.wav, .mp3], intro: IntroTemplate = .standard,
                        progress: (NarrationProgress) -> Void = { _ in }) throws -> Narration {
        var plan = try EpisodePlan.article(path, profile: profile, intro: intro)
        plan.slug = Slug.unique(plan.slug, taken: &takenSlugs)
        return try producer.produce(plan, outputDirectory: outputDirectory, formats: formats, progress: progress)
    }
}
