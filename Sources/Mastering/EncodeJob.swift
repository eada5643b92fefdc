import Audio
import EditionCore
import Foundation
import Tagging

/// Loudness and true peak of the limited stream the primary job wrote, at the source rate.
struct Measured: Sendable {
    var loudness: Double
    var truePeak: Double
}

/// What one job wrote: its frames at its own rate, and what it measured if it was asked to.
struct Encoded: Sendable {
    var frames: Int
    var measured: Measured?
}

/// One output format's render: intro + spool + outro → gain → limiter → resampler → encoder → tags.
struct EncodeJob: Sendable {
    var format: AudioFormat
    var path: String
    var rate: Int
    var gain: Float
    var ceiling: Float
    var sourceRate: Int
    var intro: Clip?
    var outro: Clip?
    var timeline: Timeline     // at the plan's rate
    var tags: EpisodeTags
    /// The primary job measures loudness and true peak on the limited stream it encodes.
    var measures: Bool = false
    /// False for an unmastered render: no limiter (the gain is then 0 dB too).
    var limit: Bool = true

    /// Runs every job on its own thread (encoders block in C) and waits for all; the first
    /// failing job's error, in order, is thrown. Results are in the jobs' order.
    static func runAll(_ jobs: [EncodeJob], spool: PCMSpool) throws -> [Encoded] {
        let work = jobs.map { job -> @Sendable () throws -> Encoded in { try job.run(spool: spool) } }
        return try BlockingThread.all(work, stackSize: 4 << 20)
    }

    /// Writes the file; returns the frames written and, for the primary job, what it measured.
    func run(spool: PCMSpool) throws -> Encoded {
        let scale = Double(rate) / Double(timeline.sampleRate)
        let file = try format.writer(path: path, rate: rate, strings: stringTags,
                                     chunks: format == .wav ? MarkerChunks.chunks(for: timeline.chapters, scale: scale) : [])
        let limiter = PeakLimiter(ceiling: ceiling, sampleRate: sourceRate)
        let resampler = rate == sourceRate ? nil : try Resampler(from: sourceRate, to: rate)
        // Meters of this job's own: what they read is returned as a value, never shared.
        let meters = measures ? (loudness: KWeightedMeter(sampleRate: sourceRate), truePeak: TruePeakMeter()) : nil

        // gain → limiter at the source rate (where the dry run measured) → resampler → encoder.
        func write(_ block: [Float]) throws {
            try block.withUnsafeBufferPointer { try file.write($0) }
        }
        var limited: [Float] = []
        func emit(_ block: inout [Float], last: Bool = false) throws {
            guard limit else {   // unmastered: straight through
                try write(resampler.map { try $0.process(block, last: last) } ?? block)
                return
            }
            limited.removeAll(keepingCapacity: true)
            block.withUnsafeBufferPointer { limiter.process($0, into: &limited) }
            if last { limiter.flush(into: &limited) }
            if let meters {
                limited.withUnsafeBufferPointer { meters.loudness.add($0); meters.truePeak.add($0) }
                if last { meters.truePeak.finish() }
            }
            try write(resampler.map { try $0.process(limited, last: last) } ?? limited)
        }

        // Clips come already at the loudness target: the programme's gain is not theirs.
        var floats: [Float] = intro?.samples ?? []
        let level = gain / 32768
        try spool.forEachBlock { block in
            // Sized once, then filled by index: a loop the compiler vectorizes.
            let start = floats.count
            floats.append(contentsOf: repeatElement(0, count: block.count))
            floats.withUnsafeMutableBufferPointer { f in
                for i in 0..<block.count { f[start + i] = Float(block[i]) * level }
            }
            try emit(&floats)
            floats.removeAll(keepingCapacity: true)
        }
        if let outro { floats = outro.samples }
        try emit(&floats, last: true)
        let frames = file.frames
        try file.close()
        try tag(frames: frames)
        return Encoded(frames: frames, measured: meters.map {
            Measured(loudness: $0.loudness.integratedLoudness, truePeak: $0.truePeak.truePeak)
        })
    }

    /// Chapters and episode tags inside the container: WAV already has its cue/labl chunks; MP3
    /// gets an ID3v2.3 tag with CTOC/CHAP; FLAC and Ogg get Vorbis comments with CHAPTERnnn.
    func tag(frames: Int) throws {
        let marks = timeline.chapters.map { ChapterMark($0, sampleRate: timeline.sampleRate) }
        let url = URL(fileURLWithPath: path)
        switch format {
        case .wav:
            return
        case .mp3:
            try ID3Tag(title: tags.title, artist: tags.artist, album: tags.album, date: tags.date, comment: tags.comment,
                       durationMs: max(frames * 1000 / rate, marks.last?.startMs ?? 0), chapters: marks).prepend(to: url)
        case .flac:
            try FLACMetadata.replaceComments(in: url, with: comments(marks))
        case .opus, .vorbis:
            try OggComments.replaceComments(in: url, with: comments(marks))
        }
    }

    func comments(_ marks: [ChapterMark]) throws -> VorbisComment {
        try VorbisComment.episode(title: tags.title, artist: tags.artist, album: tags.album, date: tags.date,
                                  comment: tags.comment, chapters: marks)
    }

    var stringTags: [(Int32, String)] {
        var strings: [(Int32, String)] = [(SoundFile.title, tags.title), (SoundFile.software, tags.software)]
        if let v = tags.artist { strings.append((SoundFile.artist, v)) }
        if let v = tags.album { strings.append((SoundFile.album, v)) }
        if let v = tags.date { strings.append((SoundFile.date, v)) }
        if let v = tags.comment { strings.append((SoundFile.comment, v)) }
        return strings
    }
}
