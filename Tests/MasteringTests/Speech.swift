import Audio
import EditionCore
import EditionTestSupport
import Foundation
import Mastering

/// Real speech for the mastering tests, without the Building stages: the built `edition` binary
/// narrates an article unmastered at the engine's own rate (22.05 kHz, the samples as espeak-ng
/// made them), and the test reads the WAV back as a programme: its samples, its chapters (the
/// WAV's cues, exact to a sample) and its words (the transcript, to a millisecond).
struct Speech: Sendable {
    var samples: [Int16]
    var sampleRate: Int
    var chapters: [Chapter]
    var words: [TimedText]

    static let councilText = """
        Mastering check

        The regional council approved the budget on Thursday after a long debate. Spending on roads will rise by a fifth.

        Opposition members said the plan ignored rural schools. The vote was twelve to nine.
        """
    static let riverText = """
        River report

        Officials said the river rose quickly overnight. Repairs to the embankment will begin soon, and residents are asked to stay away.

        Forecasters expect more rain on Sunday. Three bridges remain closed to traffic until further notice.
        """

    /// Narrated once per test run. The river report is read by another voice, whose speech the
    /// limiter treats differently (en-gb's peaks cost about 5.4 dB of gain, en-us's 3.5).
    static let council = Result { try Speech.narrate(councilText) }
    static let river = Result { try Speech.narrate(riverText, voice: "en-gb-news") }

    static func narrate(_ text: String, voice: String = "en-us-news") throws -> Speech {
        let dir = try TestEnvironment.scratchDirectory("speech")
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try TestEnvironment.write(Data(text.utf8), named: "speech.txt", in: dir)
        let run = try CommandRunner.edition(["narrate", source.path, "-o", dir.path, "--voice", voice, "--format", "wav",
                                             "--sample-rate", "22050", "--no-mastering", "--quiet"])
        guard run.status == 0 else { throw SpeechError.narration(run.stderr) }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        guard let wav = names.first(where: { $0.hasSuffix(".wav") }),
              let transcript = names.first(where: { $0.hasSuffix(".transcript.json") }) else {
            throw SpeechError.narration("no WAV and transcript in \(names)")
        }
        let file = try SoundFile(readingFrom: dir.appendingPathComponent(wav).path)
        let rate = file.sampleRate
        struct Transcript: Decodable {
            struct Segment: Decodable { var startTime: Double; var endTime: Double; var body: String }
            var segments: [Segment]
        }
        let segments = try JSONDecoder().decode(Transcript.self, from: Data(contentsOf: dir.appendingPathComponent(transcript))).segments
        func sample(_ seconds: Double) -> Int { Int((seconds * Double(rate)).rounded()) }
        return Speech(samples: file.readAll(), sampleRate: rate,
                      chapters: file.cues().map { Chapter(title: $0.name, start: $0.position) },
                      words: segments.map { TimedText(text: $0.body, start: sample($0.startTime), end: sample($0.endTime)) })
    }

    var floats: [Float] { samples.map { Float($0) / 32768 } }

    /// This speech `times` over, one programme with `chapters` (no words): long enough to be
    /// cut into segments and parts.
    func repeated(_ times: Int, chapters: [Chapter] = [Chapter(title: "Long", start: 0)]) -> Speech {
        Speech(samples: Array([[Int16]](repeating: samples, count: times).joined()), sampleRate: sampleRate, chapters: chapters, words: [])
    }

    /// A fresh spool and timeline for one render, with their scratch files in `directory`.
    func programme(in directory: URL) throws -> (PCMSpool, Timeline) {
        let spool = try PCMSpool(directory: directory)
        try spool.append(samples)
        let words = try TimedTextLog(directory: directory)
        for word in self.words { try words.append(word) }
        try words.flush()
        return (spool, Timeline(sampleRate: sampleRate, totalSamples: samples.count, chapters: chapters, words: words))
    }

    /// Masters this speech into `directory/<name>.<extension>`, one file per format.
    func master(_ master: Master, into directory: URL, name: String,
                tags: EpisodeTags = EpisodeTags(title: "Mastering check")) throws -> (Timeline, MasteringReport) {
        let (spool, timeline) = try programme(in: directory)
        defer { spool.discard() }
        return try master.render(spool: spool, timeline: timeline, tags: tags) {
            directory.appendingPathComponent("\(name).\($0.fileExtension)").path
        }
    }
}

enum SpeechError: Error {
    case narration(String)
}

/// ffmpeg's own EBU R128 meter, independent of libebur128 and of our meter.
enum FFmpegMeter {
    static func loudness(_ path: String, seconds: Double? = nil) throws -> (integrated: Double, truePeak: Double) {
        let limit = seconds.map { ["-t", "\($0)"] } ?? []
        let r = try CommandRunner.run("/usr/bin/env", ["ffmpeg", "-hide_banner", "-nostats"] + limit + ["-i", path, "-af", "ebur128=peak=true", "-f", "null", "-"])
        guard r.status == 0 else { throw SpeechError.narration("ffmpeg: \(r.stderr)") }
        let summary = r.stderr.components(separatedBy: "Summary:").last ?? ""
        func value(_ key: String) throws -> Double {
            guard let v = summary.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key) })
                .flatMap({ $0.split(separator: " ").compactMap { Double($0) }.first }) else {
                throw SpeechError.narration("no \(key) in ffmpeg's summary: \(summary)")
            }
            return v
        }
        return (try value("I:"), try value("Peak:"))
    }
}

/// The pages of an Ogg file, read by the tests' own parser (not libogg's): each page's header
/// type flags, granule position and body.
enum OggPages {
    static func read(_ path: String) throws -> [(flags: UInt8, granule: Int64, body: ArraySlice<UInt8>)] {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var pages: [(flags: UInt8, granule: Int64, body: ArraySlice<UInt8>)] = []
        var at = 0
        while at + 27 <= bytes.count {
            guard Array(bytes[at..<(at + 4)]) == Array("OggS".utf8) else { throw SpeechError.narration("no page at \(at)") }
            let count = Int(bytes[at + 26])
            let body = bytes[(at + 27)..<(at + 27 + count)].reduce(0) { $0 + Int($1) }
            let granule = (0..<8).reduce(Int64(0)) { $0 | Int64(bytes[at + 6 + $1]) << (8 * $1) }
            pages.append((bytes[at + 5], granule, bytes[(at + 27 + count)..<(at + 27 + count + body)]))
            at += 27 + count + body
        }
        guard at == bytes.count else { throw SpeechError.narration("\(bytes.count - at) bytes after the last whole page") }
        return pages
    }
}

/// What ffmpeg's own decoder makes of a file: mono floats, at `rate` if given (else the file's).
enum FFmpegDecoder {
    static func floats(_ path: String, rate: Int? = nil) throws -> [Float] {
        let raw = path + ".f32"
        defer { try? FileManager.default.removeItem(atPath: raw) }
        let resample = rate.map { ["-ar", "\($0)"] } ?? []
        let r = try CommandRunner.run("/usr/bin/env", ["ffmpeg", "-v", "error", "-y", "-i", path] + resample + ["-ac", "1", "-f", "f32le", raw])
        guard r.status == 0 else { throw SpeechError.narration("ffmpeg: \(r.stderr)") }
        return try Data(contentsOf: URL(fileURLWithPath: raw)).withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    /// Signal-to-noise ratio of `decoded` against `reference` over `range`, in dB.
    static func snr(_ reference: [Float], _ decoded: [Float], _ range: Range<Int>) -> Double {
        var signal = 0.0, noise = 0.0
        for i in range {
            signal += Double(reference[i] * reference[i])
            noise += Double((reference[i] - decoded[i]) * (reference[i] - decoded[i]))
        }
        return 10 * log10(signal / max(noise, 1e-12))
    }
}
