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
        #if _endian(big)
        return samples.map(\.littleEndian).withUnsafeBytes { Data($0) }
        #else
        return samples.withUnsafeBytes { Data($0) }
        #endif
    }

    static func samples(from data: Data) -> [Int16] {
        var samples = [Int16](repeating: 0, count: data.count / 2)
        _ = samples.withUnsafeMutableBytes { data.copyBytes(to: $0) }
        #if _endian(big)
        samples = samples.map { Int16(littleEndian: $0) }
        #endif
        return samples
    }
}
