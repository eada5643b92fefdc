import Audio
import EditionCore
import Foundation
import Mastering
import Publishing

/// Reads a produced audio file back and checks it the way a newsroom would before shipping:
/// format, duration, chapters, loudness and true peak, clipping, the longest silence, and
/// whether the sidecars beside it agree with the audio.
public struct Verifier: Sendable {
    public struct Check: Sendable, Codable, Equatable {
        public var name: String
        public var passed: Bool
        public var detail: String
    }

    public struct Report: Sendable, Codable {
        public var file: String
        public var format: String
        public var sampleRate: Int
        public var duration: Double
        public var chapters: [Episode.ChapterEntry]
        public var loudness: Double
        public var truePeak: Double
        public var clippedSamples: Int
        public var longestSilence: Double
        public var checks: [Check]
        public var passed: Bool { checks.allSatisfy(\.passed) }
    }

    public var targetLoudness: Double
    public var loudnessTolerance: Double
    public var truePeakLimit: Double
    /// A pause longer than this is reported as a failure (dead air).
    public var maxSilence: Double

    public init(targetLoudness: Double = -16, loudnessTolerance: Double = 1, truePeakLimit: Double = -1, maxSilence: Double = 5) {
        self.targetLoudness = targetLoudness
        self.loudnessTolerance = loudnessTolerance
        self.truePeakLimit = truePeakLimit
        self.maxSilence = maxSilence
    }

    public func verify(_ path: String) throws -> Report {
        let file: SoundFile
        do { file = try SoundFile(readingFrom: path) } catch {
            throw MasteringError.audioFile(path, "cannot be read as audio (\(error.localizedDescription))")
        }
        let rate = file.sampleRate
        let meter = try LoudnessMeter(sampleRate: rate)
        var clipped = 0, silentRun = 0, longestSilent = 0, frames = 0
        let silence: Float = 0.001  // −60 dBFS
        var mono: [Float] = []
        while case let n = file.readMono(frames: 65536, into: &mono), n > 0 {
            for x in mono {
                if abs(x) >= 0.9999 { clipped += 1 }
                if abs(x) < silence { silentRun += 1; longestSilent = max(longestSilent, silentRun) } else { silentRun = 0 }
            }
            mono.withUnsafeBufferPointer { meter.add($0) }
            frames += n
        }
        let duration = Double(frames) / Double(rate)
        // Unreadable chapters are a failed check, not a failed report: the rest still tells.
        var chapterChecks: [Check] = []
        let chapters: [Episode.ChapterEntry]
        do {
            chapters = try ChapterReader.chapters(in: path)
        } catch {
            chapters = []
            chapterChecks.append(Check(name: "chapters", passed: false, detail: error.localizedDescription))
        }
        var report = Report(file: path, format: URL(fileURLWithPath: path).pathExtension, sampleRate: rate,
                            duration: Seconds.rounded(duration), chapters: chapters,
                            loudness: (meter.integratedLoudness * 10).rounded() / 10,
                            truePeak: (meter.truePeak * 10).rounded() / 10,
                            clippedSamples: clipped, longestSilence: Seconds.rounded(Double(longestSilent) / Double(rate)),
                            checks: [])
        // The episode metadata says whether the file was mastered at all; an unmastered file keeps
        // the engine's level on purpose, so its loudness is reported, not held to the target.
        let episode = try? EpisodeJSON.read(URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("json"))
        let mastered = episode.map { $0.loudness != nil } ?? true
        report.checks = checks(report, mastered: mastered) + chapterChecks + (try sidecarChecks(report))
        return report
    }

    func checks(_ r: Report, mastered: Bool = true) -> [Check] {
        [
            mastered
                ? Check(name: "loudness", passed: abs(r.loudness - targetLoudness) <= loudnessTolerance,
                        detail: "\(r.loudness) LUFS (target \(targetLoudness) ±\(loudnessTolerance))")
                : Check(name: "loudness", passed: true, detail: "\(r.loudness) LUFS (not mastered: built with --no-mastering)"),
            Check(name: "true peak", passed: r.truePeak <= truePeakLimit, detail: "\(r.truePeak) dBTP (limit \(truePeakLimit))"),
            Check(name: "clipping", passed: r.clippedSamples == 0, detail: "\(r.clippedSamples) samples at full scale"),
            Check(name: "silence", passed: r.longestSilence <= maxSilence, detail: "longest \(r.longestSilence) s (limit \(maxSilence) s)"),
        ]
    }

    /// The chapters JSON against the audio's chapters: same count, same titles, starts within
    /// `tolerance` seconds. The detail names the first chapter that differs.
    static func compare(_ json: [Episode.ChapterEntry], _ audio: [Episode.ChapterEntry], tolerance: Double) -> Check {
        func describe(_ c: Episode.ChapterEntry) -> String { "\"\(c.title.prefix(60))\" at \(Seconds.rounded(c.startTime)) s" }
        for (index, (j, a)) in zip(json, audio).enumerated() where j.title != a.title || abs(j.startTime - a.startTime) > tolerance {
            return Check(name: "chapters JSON", passed: false,
                         detail: "chapter \(index + 1) differs: JSON has \(describe(j)), audio has \(describe(a))")
        }
        guard json.count == audio.count else {
            return Check(name: "chapters JSON", passed: false,
                         detail: "JSON has \(json.count) chapters, audio has \(audio.count)")
        }
        return Check(name: "chapters JSON", passed: true, detail: "\(json.count) chapters agree (within \(Int(tolerance * 1000)) ms)")
    }

    /// The chapters JSON, transcript and episode metadata beside the audio must describe it.
    func sidecarChecks(_ r: Report) throws -> [Check] {
        let url = URL(fileURLWithPath: r.file)
        let base = url.deletingPathExtension()
        // One codec frame: the largest of the formats' frames (Opus 20 ms, MP3 26 ms, Vorbis up to 46 ms).
        let tolerance = 0.06
        var checks: [Check] = []
        let chaptersURL = base.appendingPathExtension("chapters.json")
        if let data = try? Data(contentsOf: chaptersURL),
           let doc = try? JSONDecoder().decode(ChaptersJSON.Document.self, from: data) {
            checks.append(Self.compare(doc.chapters.map { Episode.ChapterEntry(title: $0.title, startTime: $0.startTime) },
                                       r.chapters, tolerance: tolerance))
        }
        let transcriptURL = base.appendingPathExtension("transcript.json")
        if let data = try? Data(contentsOf: transcriptURL),
           let doc = try? JSONDecoder().decode(Transcripts.Document.self, from: data) {
            let end = doc.segments.last?.endTime ?? 0
            let ok = end <= r.duration + tolerance && !doc.segments.isEmpty
            checks.append(Check(name: "transcript", passed: ok, detail: "\(doc.segments.count) segments, last ends at \(end) s of \(r.duration) s"))
        }
        let episodeURL = base.appendingPathExtension("json")
        if let episode = try? EpisodeJSON.read(episodeURL) {
            let ok = abs(episode.duration - r.duration) <= tolerance
            checks.append(Check(name: "episode metadata", passed: ok, detail: "duration \(episode.duration) s vs audio \(r.duration) s"))
        }
        return checks
    }
}
