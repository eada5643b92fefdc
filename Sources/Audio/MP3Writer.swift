import CLame
import Foundation
import Synchronization

/// MP3 through LAME itself, mono CBR with the LAME/Info tag (its encoder delay and padding let
/// players cut the stream back to the exact samples: gapless). Not through libsndfile, which
/// fixes LAME's quality at 2: for espeak-ng's speech that costs about four times quality 7's
/// time for no difference a listener or the SNR guard in the tests can find.
public final class MP3Writer: AudioWriter, @unchecked Sendable {  // used by one thread at a time; handed over whole
    public let path: String
    public let sampleRate: Int
    public private(set) var frames = 0
    private var lame: OpaquePointer?
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8]
    private let tagged: Bool
    /// After `close`: the frames LAME wrote, the padding it added at the end, and the Info
    /// frame (empty when untagged) — what joining segments needs.
    public private(set) var encodedFrames = 0
    public private(set) var padding = 0
    public private(set) var tagFrame: [UInt8] = []
    /// After `close`: the segment as `MP3Join` takes it.
    public var part: MP3Part { MP3Part(path: path, encodedFrames: encodedFrames, padding: padding, tagFrame: tagFrame) }

    /// The settings every MP3 of ours is encoded with (README: "Sample rates and the MP3").
    public static let kbps = 64, quality = 7
    /// The encoder and its settings, for keys of kept encoded parts: another LAME or other
    /// settings never reuse a part.
    public static var identity: String { "LAME \(String(cString: get_lame_version())) \(kbps) kb/s q\(quality), preset scale undone" }

    /// `kbps` must be a standard MPEG bitrate for `sampleRate`; `quality` is LAME's 0 (slowest)…9.
    /// `tagged: false` leaves out the LAME/Info frame: for a segment that will follow another.
    public init(path: String, sampleRate: Int, kbps: Int = MP3Writer.kbps, quality: Int = MP3Writer.quality, tagged: Bool = true) throws {
        self.path = path
        self.tagged = tagged
        self.sampleRate = sampleRate
        buffer = [UInt8](repeating: 0, count: 1 << 16)
        guard let lame = lame_init() else { throw AudioError.open(path, "LAME could not start") }
        self.lame = lame
        Self.configure(lame, sampleRate: sampleRate, kbps: kbps, quality: quality)
        lame_set_bWriteVbrTag(lame, tagged ? 1 : 0)  // the LAME/Info frame, rewritten at close with delay and padding
        lame_set_scale(lame, 1 / Self.presetScale(sampleRate: sampleRate, kbps: kbps, quality: quality))
        guard lame_init_params(lame) >= 0 else {
            lame_close(lame); self.lame = nil
            throw AudioError.open(path, "LAME refuses \(kbps) kb/s at \(sampleRate) Hz")
        }
        guard let file = fopen(path, "w+b") else {
            lame_close(lame); self.lame = nil
            throw AudioError.open(path, String(cString: strerror(errno)))
        }
        self.file = file
    }

    /// LAME's CBR and ABR presets scale the input down against clipping (by 0.95 at every
    /// bitrate LAME 3.100 has for 22.05 kHz), which left our MP3 0.45 dB quieter than its master:
    /// −16.5 LUFS for a −16 target. Mastering already keeps the codec's headroom under the
    /// ceiling, so the writer undoes the preset's scale (LAME multiplies a scale set by the caller
    /// into it). The scale is read from LAME once per setting, on a throwaway encoder, so another
    /// LAME's presets are followed rather than assumed.
    static func presetScale(sampleRate: Int, kbps: Int, quality: Int) -> Float {
        let key = "\(sampleRate) \(kbps) \(quality)"
        if let known = presetScales.withLock({ $0[key] }) { return known }
        var scale: Float = 1
        if let probe = lame_init() {
            configure(probe, sampleRate: sampleRate, kbps: kbps, quality: quality)
            if lame_init_params(probe) >= 0 { scale = lame_get_scale(probe) }
            lame_close(probe)
        }
        if !(scale > 0.5 && scale <= 1) { scale = 1 }   // nothing sane read: leave LAME as it is
        presetScales.withLock { $0[key] = scale }
        return scale
    }
    private static let presetScales = Mutex<[String: Float]>([:])

    /// Mono CBR at `kbps`, LAME quality `quality`, no resampling.
    private static func configure(_ lame: OpaquePointer, sampleRate: Int, kbps: Int, quality: Int) {
        lame_set_in_samplerate(lame, Int32(sampleRate))
        lame_set_out_samplerate(lame, Int32(sampleRate))
        lame_set_num_channels(lame, 1)
        lame_set_mode(lame, MONO)
        lame_set_brate(lame, Int32(kbps))
        lame_set_VBR(lame, vbr_off)
        lame_set_quality(lame, Int32(quality))
    }

    deinit {
        if let lame { lame_close(lame) }
        if let file { fclose(file) }
    }

    public func write(_ samples: UnsafeBufferPointer<Float>) throws {
        guard let base = samples.baseAddress, samples.count > 0 else { return }
        var done = 0
        while done < samples.count {  // in pieces, so the output buffer's worst case always fits
            let n = min(8192, samples.count - done)
            let needed = n + n / 4 + 7200
            if buffer.count < needed { buffer = [UInt8](repeating: 0, count: needed) }
            let produced = buffer.withUnsafeMutableBufferPointer {
                lame_encode_buffer_ieee_float(lame, base + done, base + done, Int32(n), $0.baseAddress, Int32($0.count))
            }
            guard produced >= 0 else { throw AudioError.write(path, "LAME failed (\(produced))") }
            try put(Int(produced))
            done += n
        }
        frames += samples.count
    }

    public func close() throws {
        guard let lame, let file else { return }
        defer { lame_close(lame); self.lame = nil; fclose(file); self.file = nil }
        let produced = buffer.withUnsafeMutableBufferPointer { lame_encode_flush(lame, $0.baseAddress, Int32($0.count)) }
        guard produced >= 0 else { throw AudioError.write(path, "LAME failed to flush (\(produced))") }
        try put(Int(produced))
        encodedFrames = Int(lame_get_frameNum(lame))
        padding = Int(lame_get_encoder_padding(lame))
        // The first frame is the Info tag LAME left empty: now it knows the length, delay and padding.
        let size = tagged ? buffer.withUnsafeMutableBufferPointer { lame_get_lametag_frame(lame, $0.baseAddress, $0.count) } : 0
        if size > 0, size <= buffer.count {
            guard fseek(file, 0, SEEK_SET) == 0 else { throw AudioError.write(path, String(cString: strerror(errno))) }
            try put(size)
            tagFrame = Array(buffer[0..<size])
        }
        guard fflush(file) == 0 else { throw AudioError.write(path, String(cString: strerror(errno))) }
    }

    private func put(_ count: Int) throws {
        guard count > 0 else { return }
        let written = buffer.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, count, file) }
        guard written == count else { throw AudioError.write(path, String(cString: strerror(errno))) }
    }
}
