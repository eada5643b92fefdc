import Crypto
import EditionCore
import Foundation
import Mastering
import Synchronization
import Synthesizing

/// Each voice's loudness calibration (`LoudnessCalibration`), measured on a fixed passage
/// spoken in that voice: once per process, and once for good where there is a cache folder.
/// It is keyed by everything it depends on (engine version and settings, loudness target and
/// ceiling, the limiter's design, the passage), so a stored one is exactly what measuring again would give.
final class VoiceCalibrations: Sendable {
    private let known = Mutex<[String: LoudnessCalibration]>([:])
    private let measuring = Mutex<[String: Joinable<LoudnessCalibration?>]>([:])
    private let folder: URL?

    init(folder: URL?) {
        self.folder = folder
    }

    /// The calibration, found or measured on a thread of its own: the passage's sentences then
    /// share the workers with the programme being spoken, and the gain search on them runs
    /// beside it instead of holding up the next item (a tenth of a second of one core, between
    /// a build's first and second items). One measurement per voice at a time, however many ask.
    func calibrationInBackground(for profile: VoiceProfile, pool: WorkerPool) -> Joinable<LoudnessCalibration?> {
        let key = Self.key(profile, passage: CalibrationPassage.sentences(language: profile.language))
        return measuring.withLock { tasks in
            if let task = tasks[key] { return task }
            let task = BlockingThread.run {
                let found = self.calibration(for: profile, pool: pool)
                // A passage that could not be spoken (the pool shutting down) is tried again by
                // the next programme, as it was when each programme asked for itself.
                if found == nil { self.measuring.withLock { _ = $0.removeValue(forKey: key) } }
                return found
            }
            tasks[key] = task
            return task
        }
    }

    /// nil when the passage could not be spoken: the programme then searches for its gain itself.
    func calibration(for profile: VoiceProfile, pool: WorkerPool) -> LoudnessCalibration? {
        let passage = CalibrationPassage.sentences(language: profile.language)
        let key = Self.key(profile, passage: passage)
        if let found = known.withLock({ $0[key] }) { return found }
        let file = folder?.appendingPathComponent("calibration-\(key).json")
        if let file, let data = try? Data(contentsOf: file),
           let stored = try? JSONDecoder().decode(LoudnessCalibration.self, from: data) {
            known.withLock { $0[key] = stored }
            return stored
        }
        guard let measured = try? Self.measure(profile, passage: passage, pool: pool) else { return nil }
        known.withLock { $0[key] = measured }
        if let file, let data = try? JSONEncoder().encode(measured) {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? data.write(to: file, options: .atomic)   // one that cannot be stored is measured again
        }
        return measured
    }

    /// The passage spoken sentence by sentence, with the profile's sentence pause between.
    static func measure(_ profile: VoiceProfile, passage: [String], pool: WorkerPool) throws -> LoudnessCalibration? {
        var speech: [Float] = []
        var spoken = true
        let pause = [Float](repeating: 0, count: profile.pauses.sentence * WorkerPool.engineSampleRate / 1000)
        try pool.synthesize(passage.map { SynthesisJob(text: $0, settings: profile.engine) }) { _, outcome in
            guard outcome.failure == nil else { spoken = false; return }
            speech += outcome.take.samples.map { Float($0) / 32768 }
            speech += pause
        }
        guard spoken else { return nil }
        return try LoudnessCalibration.measure(speech, rate: WorkerPool.engineSampleRate, plan: profile.mastering)
    }

    static func key(_ profile: VoiceProfile, passage: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hasher = SHA256()
        let engine = (try? encoder.encode(profile.engine)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        for field in ["v\(LoudnessCalibration.version)", PeakLimiter.identity, SpeechEngine.version, engine,
                      "\(profile.mastering.loudness) \(profile.mastering.truePeak)"] + passage {
            hasher.update(data: Data(field.utf8))
            hasher.update(data: Data([0]))
        }
        return String(Hex.string(hasher.finalize()).prefix(32))
    }
}
