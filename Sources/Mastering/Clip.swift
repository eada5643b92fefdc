import Audio
import Foundation

/// An intro or outro audio file, mixed to mono, resampled to the output rate and brought to
/// the programme's loudness target (a jingle mastered for music would otherwise jump out).
struct Clip: Sendable {
    var samples: [Float]

    static let maxSeconds = 600

    static func load(_ path: String, rate: Int, loudness: Double) throws -> Clip {
        let file: SoundFile
        do { file = try SoundFile(readingFrom: path) } catch {
            throw MasteringError.audioFile(path, "cannot be read as audio (\(error.localizedDescription))")
        }
        guard file.frames > 0, file.frames <= maxSeconds * file.sampleRate else {
            throw MasteringError.audioFile(path, "must hold between 0 and \(maxSeconds) seconds of audio")
        }
        var mono: [Float] = []
        _ = file.readMono(frames: file.frames, into: &mono)
        if file.sampleRate != rate { mono = try Resampler(from: file.sampleRate, to: rate).process(mono, last: true) }
        let meter = try LoudnessMeter(sampleRate: rate)
        mono.withUnsafeBufferPointer { meter.add($0) }
        let measured = meter.integratedLoudness
        if measured.isFinite {
            let gain = Float(pow(10, (loudness - measured) / 20))
            for i in mono.indices { mono[i] *= gain }
        }
        return Clip(samples: mono)
    }
}
