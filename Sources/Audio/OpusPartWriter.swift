import COgg
import Foundation

/// One part of an Ogg Opus stream, encoded by libopus on its own: 48 kHz mono, 20 ms frames,
/// each packet written to `path` (`PacketFile`). Parts are cut where the programme is
/// digital silence and at a frame boundary of the whole stream (`OpusSegments`), so an encoder
/// started at a part's first frame sees what one running encoder would have seen there
/// (nothing), and `OggOpusJoin` lays the parts' packets end to end as one stream.
public final class OpusPartWriter: AudioWriter, @unchecked Sendable {  // used by one thread at a time; handed over whole
    public static let sampleRate = 48000
    public static let frameSize = 960
    /// 64 kb/s VBR, complexity 5 (README: "Opus").
    public static let bitrate = 64000, complexity = 5

    public let path: String
    public let final: Bool
    public private(set) var frames = 0
    /// Packets written; after `close`, every frame's, the last one padded with silence.
    public private(set) var packets = 0
    private var encoder: OpaquePointer?
    private var file: PacketFile?
    private var pending: [Float] = []
    private var packet = [UInt8](repeating: 0, count: 4000)

    /// The identity of the encoder and its settings, for comparing and naming outputs.
    public static var identity: String { "\(String(cString: opus_get_version_string())) \(bitrate) b/s c\(complexity)" }

    /// The samples the decoder must skip at the start of the stream (RFC 7845 pre-skip).
    public static let preSkip: Int = {
        var error: Int32 = 0
        guard let encoder = opus_encoder_create(Int32(sampleRate), 1, OPUS_APPLICATION_AUDIO, &error) else { return 312 }
        defer { opus_encoder_destroy(encoder) }
        var lookahead: opus_int32 = 312
        _ = edition_opus_get_lookahead(encoder, &lookahead)
        return Int(lookahead)
    }()

    /// `final`: the stream's last part, which closes with enough silence after its samples for
    /// the decoder to give them all back (the encoder's lookahead). Any other part must hold
    /// whole frames.
    public init(path: String, final: Bool) throws {
        self.path = path
        self.final = final
        var error: Int32 = 0
        guard let encoder = opus_encoder_create(Int32(Self.sampleRate), 1, OPUS_APPLICATION_AUDIO, &error), error == OPUS_OK else {
            throw AudioError.open(path, "libopus could not start: \(String(cString: opus_strerror(error)))")
        }
        self.encoder = encoder
        _ = edition_opus_set_int(encoder, OPUS_SET_BITRATE_REQUEST, opus_int32(Self.bitrate))
        // No signal hint: OPUS_SIGNAL_VOICE sent 64 kb/s speech through SILK, at 2.4× the CPU
        // and 0.7 dB less SNR against the master (README: "Opus").
        _ = edition_opus_set_int(encoder, OPUS_SET_COMPLEXITY_REQUEST, opus_int32(Self.complexity))
        do {
            file = try PacketFile(path: path)
        } catch {
            opus_encoder_destroy(encoder); self.encoder = nil
            throw error
        }
        pending.reserveCapacity(2 * Self.frameSize)
    }

    deinit { if let encoder { opus_encoder_destroy(encoder) } }

    public func write(_ samples: UnsafeBufferPointer<Float>) throws {
        frames += samples.count
        var offset = 0
        // Whole frames straight from the caller's buffer; the rest waits for the next block.
        if pending.isEmpty {
            while samples.count - offset >= Self.frameSize {
                try encode(UnsafeBufferPointer(rebasing: samples[offset..<(offset + Self.frameSize)]))
                offset += Self.frameSize
            }
        }
        pending.append(contentsOf: samples[offset...])
        while pending.count >= Self.frameSize {
            try pending.withUnsafeBufferPointer { try encode(UnsafeBufferPointer(rebasing: $0[..<Self.frameSize])) }
            pending.removeFirst(Self.frameSize)
        }
    }

    private func encode(_ frame: UnsafeBufferPointer<Float>) throws {
        guard let encoder, let file else { throw AudioError.write(path, "the Opus part is closed") }
        let length = packet.withUnsafeMutableBufferPointer {
            opus_encode_float(encoder, frame.baseAddress!, Int32(Self.frameSize), $0.baseAddress!, opus_int32($0.count))
        }
        guard length > 0 else { throw AudioError.write(path, "libopus: \(String(cString: opus_strerror(length)))") }
        packets += 1
        try packet.withUnsafeBytes { try file.write(UnsafeRawBufferPointer(rebasing: $0[..<Int(length)]), granule: Int64(packets * Self.frameSize)) }
    }

    /// Encodes what is left, padded with silence (the final part: past the lookahead), and closes.
    public func close() throws {
        guard let file else { return }
        guard final || pending.isEmpty else { throw AudioError.write(path, "an Opus part that is not the last ends inside a frame") }
        let silence = [Float](repeating: 0, count: Self.frameSize)
        while final, packets * Self.frameSize < frames + Self.preSkip {
            pending += silence[..<(Self.frameSize - pending.count)]
            try pending.withUnsafeBufferPointer { try encode($0) }
            pending = []
        }
        self.file = nil
        if let encoder { opus_encoder_destroy(encoder); self.encoder = nil }
        try file.close()
    }

    /// The packets of a closed part, in order.
    public static func packets(at path: String) throws -> [[UInt8]] { try PacketFile.read(path).map(\.bytes) }
}
