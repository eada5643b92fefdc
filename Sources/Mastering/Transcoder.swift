import Audio
import EditionCore
import Foundation

/// Re-encodes a finished master (e.g. the episode's WAV) into another format with the same
/// chapters and tags — for a feed that needs MP3 from an episode built as WAV only. The master
/// is already mastered, so no gain or limiter is applied; only the rate changes if it must.
public enum Transcoder {
    public static func encode(master: String, to path: String, format: AudioFormat, chapters: [Chapter], tags: EpisodeTags) throws {
        let input = try SoundFile(readingFrom: master)
        let rate = format.sampleRate(planned: input.sampleRate, source: input.sampleRate)
        let timeline = Timeline(sampleRate: input.sampleRate, totalSamples: input.frames, chapters: chapters)
        let job = EncodeJob(format: format, path: path, rate: rate, gain: 1, ceiling: 1, sourceRate: input.sampleRate,
                            intro: nil, outro: nil, timeline: timeline, tags: tags, limit: false)
        let output = try format.writer(path: path, rate: rate, strings: job.stringTags, chunks: [])
        let resampler = rate == input.sampleRate ? nil : try Resampler(from: input.sampleRate, to: rate)
        var mono: [Float] = []
        while true {
            let last = input.readMono(frames: 65536, into: &mono) == 0
            let out = try resampler.map { try $0.process(mono, last: last) } ?? mono
            try out.withUnsafeBufferPointer { try output.write($0) }
            if last { break }
        }
        let frames = output.frames
        try output.close()
        try job.tag(frames: frames)
    }
}
