import EditionCore
import Foundation

/// Parent → worker: speak this text with these settings.
struct SynthesisRequest: Codable {
    var text: String
    var settings: EngineSettings
}

/// Worker → parent: the header of a reply; the PCM follows as the frame's payload.
struct SynthesisReply: Codable {
    var sampleRate: Int
    var words: [WordEvent]
    var error: String?
}

extension Take {
    /// Samples as little-endian bytes, the frame payload.
    var pcmData: Data {
        samples.withUnsafeBufferPointer { buffer in
            Data(buffer: UnsafeBufferPointer(start: buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: Int16.self) }, count: buffer.count))
        }
    }

    static func samples(from data: Data) -> [Int16] {
        var samples = [Int16](repeating: 0, count: data.count / 2)
        _ = samples.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        return samples.map { Int16(littleEndian: $0) }
    }
}
