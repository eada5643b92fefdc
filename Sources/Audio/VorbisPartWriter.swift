import COgg
import Foundation

/// One part of an Ogg Vorbis stream, encoded by libvorbis on its own, its packets written to
/// `path` with their granule positions (`PacketFile`; `OggVorbisJoin` lays the parts end to
/// end as one stream).
///
/// Vorbis blocks overlap by half and switch between two sizes where the signal has transients,
/// so a part cannot simply start where the last one stopped: the first encoder's blocks fall
/// wherever its transients put them. The part is therefore kept until `seam()`, which runs
/// libvorbis's block planning alone (a twentieth of an encode) over the part followed by
/// silence, and finds the first block centred at or after the part's end. The stream keeps the
/// part's packets up to that block; the next part's encoder starts where that block's overlap
/// with the next part's first (short) block ends, so its samples land exactly where the
/// programme has them. The overlap itself holds only silence when the programme is digital
/// silence from this part's end for `quietNeeded` samples.
public final class VorbisPartWriter: AudioWriter, @unchecked Sendable {  // used by one thread at a time; handed over whole
    /// libsndfile's own setting, which the Vorbis output had before it was encoded in parts:
    /// 45 kb/s nominal for mono 22.05 kHz, about 57 kb/s on espeak-ng's speech (README: the
    /// quality table).
    public static let quality: Float = 0.4

    public let path: String
    public let sampleRate: Int
    public let final: Bool
    public private(set) var frames = 0
    /// A part that is not the last is kept whole (it is at most a minute or so) for its two
    /// passes; the last one is encoded as it comes, since it is all the programme when no pause
    /// takes a cut.
    private var samples: [Float] = []
    private var streaming: (encoder: Encoder, file: PacketFile)?
    /// From `seam()`: the last packet this part keeps and the granule position it must have.
    private var kept: (index: Int, granule: Int64)?

    public init(path: String, sampleRate: Int, final: Bool) throws {
        self.path = path
        self.sampleRate = sampleRate
        self.final = final
        if final { streaming = (try Encoder(sampleRate: sampleRate, path: path), try PacketFile(path: path)) }
    }

    public func write(_ block: UnsafeBufferPointer<Float>) throws {
        frames += block.count
        guard let streaming else { return samples.append(contentsOf: block) }
        _ = try streaming.encoder.feed(block, analyse: true) { granule, _, packet in
            try streaming.file.write(packet!.contents, granule: granule)
            return true
        }
    }

    /// The block sizes libvorbis uses at `sampleRate` with these settings (512 and 1024 at 22.05 kHz).
    public static func blockSizes(sampleRate: Int) throws -> (short: Int, long: Int) {
        try Encoder(sampleRate: sampleRate, path: "").blockSizes
    }

    /// Samples of digital silence the programme needs from a part's end (its cut) for the seam:
    /// the last kept block is centred within half a long block past the cut, and its overlap
    /// with the next part's first block runs a quarter of each further; the rest is margin.
    public static func quietNeeded(sampleRate: Int) throws -> Int {
        let sizes = try blockSizes(sampleRate: sampleRate)
        return 2 * sizes.long + sizes.short
    }

    /// Plans the hand-over to the next part (not for the final part): returns where the next
    /// part must start, in this part's samples (past its end, inside the silence after it).
    public func seam() throws -> Int {
        guard !final else { throw AudioError.write(path, "the last Vorbis part has no seam") }
        let encoder = try Encoder(sampleRate: sampleRate, path: path)
        var found: (index: Int, granule: Int64, long: Bool)?
        var index = 0
        try encoder.run(samples, analyse: false) { granule, long, _ in
            defer { index += 1 }
            guard granule >= Int64(samples.count) else { return true }
            found = (index, granule, long)
            return false
        }
        guard let found else { throw AudioError.write(path, "libvorbis made no block past the part's end") }
        kept = (found.index, found.granule)
        let sizes = encoder.blockSizes
        return Int(found.granule) + (found.long ? sizes.long : sizes.short) / 4 + sizes.short / 4
    }

    /// Encodes the part (up to the block `seam()` chose; the last part: what is left of it) into
    /// `path`. Throws if libvorbis's blocks differ from the plan's.
    public func close() throws {
        if let streaming {
            self.streaming = nil
            try streaming.encoder.finish(analyse: true) { granule, _, packet in
                try streaming.file.write(packet!.contents, granule: granule)
                return true
            }
            return try streaming.file.close()
        }
        guard let kept else { throw AudioError.write(path, "a Vorbis part that is not the last needs its seam first") }
        let encoder = try Encoder(sampleRate: sampleRate, path: path)
        let file = try PacketFile(path: path)
        var index = 0, last: Int64 = -1
        try encoder.run(samples, analyse: true) { granule, _, packet in
            defer { index += 1 }
            try file.write(packet!.contents, granule: granule)
            last = granule
            return index < kept.index
        }
        try file.close()
        guard index == kept.index + 1, last == kept.granule else {
            throw AudioError.write(path, "libvorbis's blocks differ from its plan (block \(index - 1) at \(last), planned \(kept.index) at \(kept.granule))")
        }
        samples = []
    }

    /// The packets of a closed part, in order, with their granule positions (in the part's samples).
    public static func packets(at path: String) throws -> [(bytes: [UInt8], granule: Int64)] { try PacketFile.read(path) }

    /// The identification and setup headers every part's encoder shares, and libvorbis's vendor
    /// string for the comment header.
    public static func headers(sampleRate: Int) throws -> (identification: [UInt8], setup: [UInt8], vendor: String) {
        try Encoder(sampleRate: sampleRate, path: "").headers()
    }
}

/// libvorbis's state for one pass over a part. Its structures point at each other, so they
/// live at fixed addresses.
private final class Encoder {
    let info = UnsafeMutablePointer<vorbis_info>.allocate(capacity: 1)
    let dsp = UnsafeMutablePointer<vorbis_dsp_state>.allocate(capacity: 1)
    let block = UnsafeMutablePointer<vorbis_block>.allocate(capacity: 1)
    private var started = false

    init(sampleRate: Int, path: String) throws {
        vorbis_info_init(info)
        // Thrown from here, the object is whole and `deinit` frees what was made.
        guard vorbis_encode_init_vbr(info, 1, sampleRate, VorbisPartWriter.quality) == 0 else {
            throw AudioError.open(path, "libvorbis does not encode mono at \(sampleRate) Hz")
        }
        vorbis_analysis_init(dsp, info)
        vorbis_block_init(dsp, block)
        started = true
    }

    deinit {
        if started {
            vorbis_block_clear(block)
            vorbis_dsp_clear(dsp)
        }
        vorbis_info_clear(info)
        info.deallocate(); dsp.deallocate(); block.deallocate()
    }

    var blockSizes: (short: Int, long: Int) { (Int(vorbis_info_blocksize(info, 0)), Int(vorbis_info_blocksize(info, 1))) }

    func headers() -> (identification: [UInt8], setup: [UInt8], vendor: String) {
        var comment = vorbis_comment()
        vorbis_comment_init(&comment)
        defer { vorbis_comment_clear(&comment) }
        var id = ogg_packet(), tags = ogg_packet(), setup = ogg_packet()
        vorbis_analysis_headerout(dsp, &comment, &id, &tags, &setup)
        func bytes(_ p: ogg_packet) -> [UInt8] { Array(UnsafeBufferPointer(start: p.packet, count: p.bytes)) }
        // The vendor string is in the comment packet (after "\u{3}vorbis" and its length), not in `comment`.
        let packed = bytes(tags)
        let length = packed.count >= 11 ? packed[7..<11].reversed().reduce(0) { $0 << 8 | Int($1) } : 0
        let vendor = packed.count >= 11 + length ? String(decoding: packed[11..<(11 + length)], as: UTF8.self) : ""
        return (bytes(id), bytes(setup), vendor)
    }

    /// What a pass is told of each block: its granule position (its centre), whether it is
    /// long and, when analysing, its packet. It returns false to stop the pass.
    typealias Visit = (Int64, Bool, ogg_packet?) throws -> Bool

    /// Feeds `samples` 1,024 at a time (the same blocks on every pass over a part, so that the
    /// planning pass and the encoding one see the same stream). Returns false once `visit` stops.
    func feed(_ samples: UnsafeBufferPointer<Float>, analyse: Bool, _ visit: Visit) throws -> Bool {
        var at = 0
        while at < samples.count {
            let n = min(1024, samples.count - at)
            guard let channels = vorbis_analysis_buffer(dsp, Int32(n)), let channel = channels[0] else {
                throw AudioError.write("", "libvorbis could not take more samples")
            }
            channel.update(from: samples.baseAddress! + at, count: n)
            vorbis_analysis_wrote(dsp, Int32(n))
            at += n
            guard try drain(analyse: analyse, visit) else { return false }
        }
        return true
    }

    /// Ends the stream: the last blocks (the part's end padded by libvorbis) are visited.
    func finish(analyse: Bool, _ visit: Visit) throws {
        vorbis_analysis_wrote(dsp, 0)
        _ = try drain(analyse: analyse, visit)
    }

    private func drain(analyse: Bool, _ visit: Visit) throws -> Bool {
        while vorbis_analysis_blockout(dsp, block) == 1 {
            let granule = block.pointee.granulepos, long = block.pointee.W != 0
            guard analyse else {
                if try !visit(granule, long, nil) { return false }
                continue
            }
            vorbis_analysis(block, nil)
            vorbis_bitrate_addblock(block)
            var packet = ogg_packet()
            while vorbis_bitrate_flushpacket(dsp, &packet) == 1 {
                if try !visit(packet.granulepos, long, packet) { return false }
            }
        }
        return true
    }

    /// A part followed by four long blocks of silence, then its end: what both passes over a
    /// part that is not the last see.
    func run(_ samples: [Float], analyse: Bool, _ visit: Visit) throws {
        let silence = [Float](repeating: 0, count: 4 * blockSizes.long)
        guard try samples.withUnsafeBufferPointer({ try feed($0, analyse: analyse, visit) }),
              try silence.withUnsafeBufferPointer({ try feed($0, analyse: analyse, visit) }) else { return }
        try finish(analyse: analyse, visit)
    }
}

private extension ogg_packet {
    var contents: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: packet, count: bytes) }
}
