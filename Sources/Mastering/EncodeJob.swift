import Audio
import Crypto
import EditionCore
import Foundation
import Synchronization
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
    /// About how long the segments mastered in parallel are, in source samples.
    var segmentLength: Int?
    /// Where MP3 parts are kept between renders (nil: every part is encoded).
    var keptParts: (any EncodedPartStore)?

    /// Runs every job on its own thread (encoders block in C) and waits for all; the first
    /// failing job's error, in order, is thrown. Results are in the jobs' order.
    static func runAll(_ jobs: [EncodeJob], spool: PCMSpool) throws -> [Encoded] {
        let work = jobs.map { job -> @Sendable () throws -> Encoded in { try job.run(spool: spool) } }
        return try BlockingThread.all(work, stackSize: 4 << 20)
    }

    /// Writes the file; returns the frames written and, for the primary job, what it measured.
    func run(spool: PCMSpool) throws -> Encoded {
        if format == .mp3, rate == sourceRate, let parts = try MP3Segments.parts(spool, lead: intro?.samples.count ?? 0) {
            return try runSegmented(spool: spool, parts: parts)
        }
        if format == .opus, rate == OpusPartWriter.sampleRate {
            return try runOpus(spool: spool, parts: OpusSegments.parts(spool, lead: intro?.samples.count ?? 0, sourceRate: sourceRate))
        }
        if format == .vorbis, rate == sourceRate {
            return try runVorbis(spool: spool, cuts: VorbisSegments.cuts(spool, sampleRate: rate))
        }
        let scale = Double(rate) / Double(timeline.sampleRate)
        let file = try format.writer(path: path, rate: rate, strings: stringTags,
                                     chunks: format == .wav ? MarkerChunks.chunks(for: timeline.chapters, scale: scale) : [])
        let meters = try renderSegments(spool: spool, into: file)
        let frames = file.frames
        try file.close()
        try tag(frames: frames)
        return Encoded(frames: frames, measured: meters.map {
            Measured(loudness: $0.loudness.integratedLoudness, truePeak: $0.truePeak.truePeak)
        })
    }

    /// The MP3 in parts cut inside pauses, encoded on every core, then joined into one gapless
    /// stream: LAME is most of a default build's time and uses one core. A part kept from an
    /// earlier render of the same samples with the same settings is taken as it is (not when
    /// this job measures: a kept part carries no meters).
    func runSegmented(spool: PCMSpool, parts: [Range<Int>]) throws -> Encoded {
        let paths = parts.indices.map { "\(path).part\($0)" }
        let store = measures ? nil : keptParts
        return try encodeInParts(spool: spool, count: parts.count, paths: paths) { k, intro, outro, meters in
            let key = try store.map { _ in try self.partKey(spool: spool, range: parts[k], intro: intro, outro: outro, tagged: k == 0) }
            if let store, let key, let kept = store.loadPart(key, to: paths[k]) { return kept }
            let writer = try MP3Writer(path: paths[k], sampleRate: self.rate, tagged: k == 0)
            try self.render(spool: spool, range: parts[k], intro: intro, outro: outro, into: writer, meters: meters)
            try writer.close()
            if let store, let key { store.storePart(writer.part, key: key) }
            return writer.part
        } join: { done in
            try MP3Join.join(done, into: path)
            // What a decoder gives back: every part, and the padding and delay that fill the gaps.
            return (intro?.samples.count ?? 0) + spool.count + (outro?.samples.count ?? 0)
        }
    }

    /// The Opus stream in parts cut inside pauses (`OpusSegments`), encoded on every core by
    /// libopus and laid end to end as one Ogg stream, its comment header (tags and chapters)
    /// written with it: libopus is most of an Opus render's time and uses one core.
    func runOpus(spool: PCMSpool, parts: [Range<Int>]) throws -> Encoded {
        let paths = parts.indices.map { "\(path).part\($0)" }
        let marks = timeline.chapters.map { ChapterMark($0, sampleRate: timeline.sampleRate) }
        let header = Array("OpusTags".utf8) + (try comments(marks)).bytes(fallbackVendor: OpusPartWriter.identity)
        return try encodeInParts(spool: spool, count: parts.count, paths: paths) { k, intro, outro, meters in
            let writer = try OpusPartWriter(path: paths[k], final: k == parts.count - 1)
            try self.render(spool: spool, range: parts[k], intro: intro, outro: outro, into: writer, meters: meters)
            try writer.close()
            return writer.frames
        } join: { frames in
            let total = frames.reduce(0, +)
            try OggOpusJoin.join(paths, samples: total, inputRate: rate, tags: header, into: path)
            return total
        }
    }

    /// The Vorbis stream in parts (`VorbisSegments`), encoded on every core by libvorbis and
    /// laid end to end as one Ogg stream with its comment header (tags and chapters). A part's
    /// start depends on where libvorbis put the blocks at the end of the part before it
    /// (`VorbisPartWriter.seam`), which that part's thread plans first (a twentieth of its
    /// encode) and publishes before encoding: the encodes still overlap.
    func runVorbis(spool: PCMSpool, cuts: [Int]) throws -> Encoded {
        let count = cuts.count + 1
        let paths = (0..<count).map { "\(path).part\($0)" }
        let lead = intro?.samples.count ?? 0
        let marks = timeline.chapters.map { ChapterMark($0, sampleRate: timeline.sampleRate) }
        let headers = try VorbisPartWriter.headers(sampleRate: rate)
        let comment = [0x03] + Array("vorbis".utf8) + (try comments(marks)).bytes(fallbackVendor: headers.vendor) + [1]   // framing bit
        // Where each part starts in the spool, as the seams are planned.
        let board = Monitor<(starts: [Int: Int], failure: Error?)>(([0: 0], nil))
        return try encodeInParts(spool: spool, count: count, paths: paths) { k, intro, outro, meters in
            let start = try board.wait(until: { $0.starts[k] != nil || $0.failure != nil }) { state in
                if let failure = state.failure { throw failure }
                return state.starts[k]!
            }
            do {
                let last = k == cuts.count
                let writer = try VorbisPartWriter(path: paths[k], sampleRate: self.rate, final: last)
                try self.render(spool: spool, range: start..<(last ? spool.count : cuts[k]), intro: intro, outro: outro,
                                into: writer, meters: meters)
                if !last {
                    let next = try start + writer.seam() - (k == 0 ? lead : 0)
                    board.update { $0.starts[k + 1] = next }
                }
                try writer.close()
                return k == 0 ? 0 : lead + start
            } catch {
                board.update { $0.failure = $0.failure ?? error }
                throw error
            }
        } join: { offsets in
            let total = lead + spool.count + (outro?.samples.count ?? 0)
            try OggVorbisJoin.join(paths, starts: offsets, samples: total,
                                   headers: [headers.identification, comment, headers.setup], into: path)
            return total
        }
    }

    /// Encodes `count` parts, each into its own file (`paths`), on every core, then `join`s them in
    /// order (which returns the frames written) and removes the parts. When this job measures
    /// (its format is the only one), each part is measured and its meters are merged into the
    /// programme's as soon as the parts before it are (in order, so the figures never depend on
    /// timing), then dropped: kept to the end, they cost about 2 MB per 30-s part (11 GB for
    /// a 42-hour programme).
    func encodeInParts<Part: Sendable>(spool: PCMSpool, count: Int, paths: [String],
                                       encode: @escaping @Sendable (_ k: Int, _ intro: Clip?, _ outro: Clip?,
                                                                    _ meters: (loudness: KWeightedMeter, truePeak: TruePeakMeter)?) throws -> Part,
                                       join: ([Part]) throws -> Int) throws -> Encoded {
        defer { for part in paths { try? FileManager.default.removeItem(atPath: part) } }
        let claimed = Mutex(0), failed = Atomic<Bool>(false)
        let encoded = Mutex<[Int: Part]>([:])
        let total = measures ? PartMeters(meters: (KWeightedMeter(sampleRate: sourceRate), TruePeakMeter())) : nil
        let merging = Mutex<(next: Int, waiting: [Int: PartMeters])>((0, [:]))
        let threads = min(count, ProcessInfo.processInfo.activeProcessorCount)
        _ = try BlockingThread.all((0..<threads).map { _ -> @Sendable () throws -> Void in {
            while !failed.load(ordering: .relaxed) {
                let k = claimed.withLock { k in defer { k += 1 }; return k }
                guard k < count else { return }
                do {
                    let meters = total.map { _ in (KWeightedMeter(sampleRate: self.sourceRate), TruePeakMeter()) }
                    let part = try encode(k, k == 0 ? self.intro : nil, k == count - 1 ? self.outro : nil, meters)
                    encoded.withLock { $0[k] = part }
                    guard let total, let meters else { continue }
                    merging.withLock { state in
                        state.waiting[k] = PartMeters(meters: meters)
                        while let next = state.waiting.removeValue(forKey: state.next) {
                            total.meters.loudness.absorb(next.meters.loudness)
                            total.meters.truePeak.absorb(next.meters.truePeak)
                            state.next += 1
                        }
                    }
                } catch {
                    failed.store(true, ordering: .relaxed)
                    throw error
                }
            }
        } }, stackSize: 4 << 20)
        let frames = try join(encoded.withLock { all in (0..<count).map { all[$0]! } })
        if format == .mp3 { try tag(frames: frames) }   // Ogg: written with its tags
        guard let total else { return Encoded(frames: frames, measured: nil) }
        return Encoded(frames: frames, measured: Measured(loudness: total.meters.loudness.integratedLoudness,
                                                          truePeak: total.meters.truePeak.truePeak))
    }

    /// The name of an MP3 part's bytes: everything they depend on (the encoder and its settings,
    /// the rates, gain, ceiling and limiter, whether it opens the stream with the Info frame, the
    /// clips around it, and its samples), hashed. The limiter starts from rest at every part.
    func partKey(spool: PCMSpool, range: Range<Int>, intro: Clip?, outro: Clip?, tagged: Bool) throws -> String {
        var hasher = SHA256()
        let settings = ["mp3-part 1", EditionVersion.current, MP3Writer.identity, "\(rate) \(sourceRate) \(limit) \(tagged)",
                        "\(gain.bitPattern) \(ceiling.bitPattern) \(PeakLimiter.identity)"]
        for field in settings { hasher.update(data: Data((field + "\u{0}").utf8)) }
        for clip in [intro, outro] {
            hasher.update(data: Data("clip \(clip?.samples.count ?? -1)\u{0}".utf8))
            clip?.samples.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
        try spool.forEachBlock(in: range) { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return Hex.string(hasher.finalize())
    }

    /// Segments of a programme are mastered on every core (see `PauseCuts.segments`).
    static let segmentSeconds = 30

    /// The whole programme into `file`: cut in pauses into segments that are limited, measured
    /// and resampled on every core, each from rest, and written in order. At most a few rendered
    /// segments wait for the writer, so memory stays flat with length. Returns the meters, when
    /// this job measures, with every segment's blocks and peaks.
    func renderSegments(spool: PCMSpool, into file: any AudioWriter) throws -> (loudness: KWeightedMeter, truePeak: TruePeakMeter)? {
        @Sendable func meters() -> (loudness: KWeightedMeter, truePeak: TruePeakMeter)? {
            measures ? (KWeightedMeter(sampleRate: sourceRate), TruePeakMeter()) : nil
        }
        // Upsampling by L/M, each segment starts on a multiple of M, so its output starts exactly
        // where the whole programme's would (22.05 → 48 kHz: 147 samples; before, each 48 kHz
        // segment's output was rounded up a sample, and the master drifted against its timeline).
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let grid = rate > sourceRate ? sourceRate / gcd(rate, sourceRate) : 1
        let segments = try PauseCuts.segments(spool, every: segmentLength ?? Self.segmentSeconds * sourceRate, minimum: sourceRate / 20,
                                              grid: grid)
        guard segments.count > 1 else {
            let whole = meters()
            try render(spool: spool, range: nil, intro: intro, outro: outro, into: file, meters: whole)
            return whole
        }
        let threads = min(segments.count, ProcessInfo.processInfo.activeProcessorCount)
        let board = Monitor(SegmentBoard())
        let workers = (0..<threads).map { _ in
            BlockingThread.run(stackSize: 4 << 20) {
                while let k = board.wait(until: { $0.failed || $0.next >= segments.count || $0.next - $0.written < threads + 1 },
                                         then: { s -> Int? in
                                             guard !s.failed, s.next < segments.count else { return nil }
                                             defer { s.next += 1 }
                                             return s.next
                                         }) {
                    let expected = (segments[k].count + (k == 0 ? self.intro?.samples.count ?? 0 : 0)
                        + (k == segments.count - 1 ? self.outro?.samples.count ?? 0 : 0)) * self.rate / self.sourceRate + 64
                    let piece = RenderedSegment(samples: SampleCollector(capacity: expected), meters: meters())
                    do {
                        try self.render(spool: spool, range: segments[k], intro: k == 0 ? self.intro : nil,
                                        outro: k == segments.count - 1 ? self.outro : nil, into: piece.samples, meters: piece.meters)
                    } catch {
                        board.update { $0.failed = true }
                        throw error
                    }
                    board.update { $0.done[k] = piece }
                }
            }
        }
        let total = meters()
        var writing: Error?
        for k in segments.indices {
            guard let piece = board.wait(until: { $0.failed || $0.done[k] != nil }, then: { $0.done.removeValue(forKey: k) }) else { break }
            do {
                try piece.samples.samples.withUnsafeBufferPointer { try file.write($0) }
            } catch {
                writing = error
                board.update { $0.failed = true }
                break
            }
            if let total, let part = piece.meters { total.loudness.absorb(part.loudness); total.truePeak.absorb(part.truePeak) }
            piece.samples.recycle()
            board.update { $0.written = k + 1 }
        }
        for worker in workers { try worker.wait().get() }
        if let writing { throw writing }
        return total
    }

    /// gain → limiter at the source rate (where the dry run measured) → resampler → `file`, over
    /// the spool's samples in `range` (all of them if nil), with the clips around them.
    func render(spool: PCMSpool, range: Range<Int>?, intro: Clip?, outro: Clip?, into file: any AudioWriter,
                meters: (loudness: KWeightedMeter, truePeak: TruePeakMeter)?) throws {
        let limiter = PeakLimiter(ceiling: ceiling, sampleRate: sourceRate)
        let resampler = rate == sourceRate ? nil : try Resampler(from: sourceRate, to: rate)
        var limited: [Float] = []
        // A segment rendered ahead at the source rate is limited straight into its buffer: one
        // copy of the programme fewer.
        let collector = resampler == nil ? file as? SampleCollector : nil
        func limitAndMeasure(_ block: UnsafeBufferPointer<Float>, into output: inout [Float], last: Bool) {
            let from = output.count
            limiter.process(block, into: &output)
            if last { limiter.flush(into: &output) }
            guard let meters else { return }
            output.withUnsafeBufferPointer { all in
                let new = UnsafeBufferPointer(rebasing: all[from...])
                meters.loudness.add(new)
                meters.truePeak.add(new)
            }
            if last { meters.truePeak.finish() }
        }
        func emit(_ block: UnsafeBufferPointer<Float>, last: Bool = false) throws {
            guard limit else {   // unmastered: straight through
                if let resampler {
                    try resampler.process(Array(block), last: last).withUnsafeBufferPointer { try file.write($0) }
                } else {
                    try file.write(block)
                }
                return
            }
            if let collector { return limitAndMeasure(block, into: &collector.samples, last: last) }
            limited.removeAll(keepingCapacity: true)
            limitAndMeasure(block, into: &limited, last: last)
            try (resampler.map { try $0.process(limited, last: last) } ?? limited).withUnsafeBufferPointer { try file.write($0) }
        }

        // Clips come already at the loudness target: the programme's gain is not theirs. Every
        // stage downstream streams, so the clips go through as blocks of their own.
        try intro?.samples.withUnsafeBufferPointer { try emit($0) }
        let level = gain / 32768
        var floats: [Float] = []   // one buffer, sized once and converted into by index (the loop vectorizes)
        try spool.forEachBlock(in: range) { block in
            if floats.count < block.count { floats = [Float](repeating: 0, count: block.count) }
            try floats.withUnsafeMutableBufferPointer { f in
                for i in 0..<block.count { f[i] = Float(block[i]) * level }
                try emit(UnsafeBufferPointer(rebasing: f[..<block.count]))
            }
        }
        try (outro?.samples ?? []).withUnsafeBufferPointer { try emit($0, last: true) }
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

/// Which segments are claimed, rendered and written, shared by the renderers and the writer.
private struct SegmentBoard {
    var next = 0
    var written = 0
    var done: [Int: RenderedSegment] = [:]
    var failed = false
}

/// A part's meters, or the programme's, handed between threads (under a lock).
private struct PartMeters: @unchecked Sendable {
    let meters: (loudness: KWeightedMeter, truePeak: TruePeakMeter)
}

/// One segment's output and what its meters saw; handed from one thread to another once.
private struct RenderedSegment: @unchecked Sendable {
    let samples: SampleCollector
    let meters: (loudness: KWeightedMeter, truePeak: TruePeakMeter)?
}

/// An `AudioWriter` that keeps what it is given, for a segment rendered ahead of the file.
/// Its buffer comes from a small pool shared by every render in the process and goes back once
/// written: a fresh buffer per segment (and its growth) cost a page fault per 4 KB, most of a
/// build's faults in the parent process.
private final class SampleCollector: AudioWriter {
    var samples: [Float]
    var frames: Int { samples.count }

    init(capacity: Int) {
        samples = Self.pool.withLock { $0.popLast() } ?? []
        samples.reserveCapacity(capacity)
    }

    func write(_ block: UnsafeBufferPointer<Float>) throws { samples.append(contentsOf: block) }
    func close() throws {}

    /// Hands the buffer back for the next segment. The pool keeps at most a few (one per
    /// segment that may be in flight), so memory stays flat.
    func recycle() {
        samples.removeAll(keepingCapacity: true)
        let buffer = samples
        samples = []
        Self.pool.withLock { if $0.count < Self.kept { $0.append(buffer) } }
    }

    static let kept = 2 * ProcessInfo.processInfo.activeProcessorCount + 2
    static let pool = Mutex<[[Float]]>([])
}
