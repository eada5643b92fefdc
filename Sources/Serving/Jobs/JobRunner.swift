import Building
import EditionCore
import Foundation
import Logging
import Publishing
import Reading
import ServiceLifecycle
import Synchronization

/// Runs queued jobs through the library's `Narrator`, a few at a time, and keeps the service
/// bounded: expired leases go back to the queue, old job records expire, the chunk cache is
/// kept under its cap. On SIGTERM it stops claiming, lets running jobs finish for up to
/// `drainTimeout`, then cancels and re-queues what is left.
final class JobRunner: Service, Sendable {
    let service: ServiceContext
    let doorbell = Doorbell()

    init(service: ServiceContext) { self.service = service }

    var store: ServiceStore { service.store }
    var options: ServiceOptions { service.options }
    var logger: Logger { service.logger }

    func run() async throws {
        let requeued = try store.requeueExpired(all: true)
        if requeued > 0 { logger.notice("re-queued \(requeued) job(s) left running by a server that stopped") }
        let draining = Flag()
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<max(1, options.concurrentJobs) {
                    group.addTask { await self.slot(draining: draining) }
                }
                group.addTask { await self.housekeeping(draining: draining) }
            }
        } onGracefulShutdown: {
            draining.set()
            self.doorbell.ring()
        }
    }

    /// One narration at a time: claim, narrate, record; wait for the doorbell when idle.
    private func slot(draining: Flag) async {
        while !draining.isSet, !Task.isCancelled {
            let job: JobRecord?
            do {
                job = try store.claim(lease: options.lease)
            } catch {
                logger.error("cannot claim a job: \(error)")
                job = nil
            }
            guard let job else {
                await doorbell.wait(upTo: .seconds(1))
                continue
            }
            await run(job, draining: draining)
        }
    }

    private func run(_ job: JobRecord, draining: Flag) async {
        let started = Date()
        guard let request = try? JSONDecoder().decode(ArticleRequest.self, from: job.request) else {
            try? store.fail(job.id, error: "the stored request could not be read; post the article again")
            return
        }
        if job.attempts > options.maxAttempts {
            let message = "the narration was interrupted \(job.attempts - 1) times (the server stopped while it ran); post the article again, and if it keeps failing, report it with the server log"
            try? store.fail(job.id, error: message)
            announceFailure(job, message: message, sourceId: request.sourceId)
            return
        }
        let narration = Task { try await narrate(job, request) }
        let outcome = OneShot<Result<Narration, Error>?>()
        Task { outcome.resolve(await narration.result) }
        // Renews the lease while the narration runs, whatever stage it is in. On a drain that
        // outlives its grace the job is given up (nil): cancelled, re-queued, and the server
        // exits without waiting for a stage that cannot stop (an encoder mid-file).
        let keeper = Task {
            var renewed = Date()
            var drainStarted: Date?
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(200))
                if Date().timeIntervalSince(renewed) >= options.lease / 3 {
                    try? store.renew(job.id, lease: options.lease)
                    renewed = Date()
                }
                if draining.isSet {
                    drainStarted = drainStarted ?? Date()
                    if Date().timeIntervalSince(drainStarted!) >= options.drainTimeout {
                        narration.cancel()
                        outcome.resolve(nil)
                    }
                }
            }
        }
        let result = await outcome.value
        keeper.cancel()
        guard let result else {
            try? store.requeue(job.id)
            logger.notice("job \(job.id) re-queued: the server is stopping")
            return
        }
        let wall = Date().timeIntervalSince(started)
        switch result {
        case .success(let done):
            service.metrics.narrated(wallSeconds: wall, audioSeconds: done.episode.duration, outcome: "done")
            logger.info("job \(job.id) done: \(String(format: "%.1f", done.episode.duration)) s of audio in \(String(format: "%.1f", wall)) s")
            finish(job, done, request: request)
        case .failure(let error) where error is CancellationError:
            try? store.requeue(job.id)
            logger.notice("job \(job.id) re-queued: the server is stopping")
        case .failure(let error):
            service.metrics.narrated(wallSeconds: wall, audioSeconds: 0, outcome: "failed")
            let message = JobFailure.message(for: error, dataDirectory: store.dataDirectory)
            logger.warning("job \(job.id) failed: \(message)")
            try? store.fail(job.id, error: message)
            announceFailure(job, message: message, sourceId: request.sourceId)
        }
        service.cacheKeeper.jobFinished()
    }

    private func narrate(_ job: JobRecord, _ request: ArticleRequest) async throws -> Narration {
        var options = Narrator.Options(outputDirectory: store.mediaDirectory, formats: try request.audioFormats())
        options.overrides = ArticleOverrides(title: request.title, date: request.published, url: request.url,
                                             authors: request.authors, slug: job.episodeId)
        let source = ArticleSource.bytes(Data(request.readableBody.utf8), name: "article \(job.episodeId)",
                                         format: request.format.flatMap(ArticleFormat.init(rawValue:)))
        let store = self.store, lease = self.options.lease, jobId = job.id
        let lastWrite = Flag.Clock()
        let writer = DispatchQueue(label: "edition.progress.\(jobId)")
        return try await service.narrator.narrate(source, voice: request.voice, options: options) { progress in
            // At most a few writes a second (readers poll the job while it runs), written off the
            // synthesis thread so a slow disk never holds up speech.
            guard progress.sentencesTotal > 0, lastWrite.elapsed(atLeast: 0.25) else { return }
            let fraction = 0.95 * Double(progress.sentencesDone) / Double(progress.sentencesTotal)
            writer.async { try? store.renew(jobId, lease: lease, progress: fraction) }
        }
    }

    /// Records the episode, removes files the new narration no longer has, and announces it.
    private func finish(_ job: JobRecord, _ narration: Narration, request: ArticleRequest) {
        let names = narration.files.map(\.lastPathComponent)
        let metadata = (try? EpisodeJSON.data(for: narration.episode)) ?? Data()
        let before = (try? store.episode(job.episodeId))?.fileNames ?? []
        let kept: Bool
        do {
            kept = try store.complete(job, title: narration.episode.title, duration: narration.episode.duration, metadata: metadata, files: names)
        } catch {
            logger.error("job \(job.id): narrated, but the database refused the result: \(error)")
            try? store.fail(job.id, error: "the audio was made but could not be recorded (\(error.localizedDescription)); post the article again")
            return
        }
        let stale = kept ? Set(before).subtracting(names) : Set(names)  // an episode deleted meanwhile leaves nothing
        for name in stale { try? FileManager.default.removeItem(at: store.mediaDirectory.appendingPathComponent(name)) }
        guard kept, let episode = try? store.episode(job.episodeId), let done = try? store.job(job.id) else { return }
        service.episodesChanged()
        service.webhooks.send(type: "episode.ready", payload: [
            "episode": Views.episode(episode, publicURL: service.publicURL),
            "job": Views.job(done, sourceId: request.sourceId),
        ])
    }

    private func announceFailure(_ job: JobRecord, message: String, sourceId: String) {
        guard let failed = try? store.job(job.id) else { return }
        service.webhooks.send(type: "job.failed", payload: ["job": Views.job(failed, sourceId: sourceId), "error": .string(message)])
    }

    /// Every half minute (and at once): leases, expiry, the cache's cap.
    private func housekeeping(draining: Flag) async {
        // A cancelled task (the server stopped from inside its program) ends the loop too:
        // its sleeps return at once, so checking `draining` alone would spin.
        while !draining.isSet, !Task.isCancelled {
            do {
                let requeued = try store.requeueExpired()
                if requeued > 0 { logger.notice("re-queued \(requeued) job(s) whose lease expired"); doorbell.ring() }
                let expired = try store.expireJobs(olderThan: options.jobRetention)
                if expired > 0 { logger.info("forgot \(expired) finished job record(s) older than the retention time") }
            } catch {
                logger.error("housekeeping: \(error)")
            }
            service.cacheKeeper.check()
            for _ in 0..<30 where !draining.isSet && !Task.isCancelled { try? await Task.sleep(for: .seconds(1)) }
        }
    }
}

