import Foundation

/// Rewrites the comment header of an Ogg Opus or Ogg Vorbis file (libsndfile writes only its
/// encoder's vendor string and cannot write CHAPTERnnn keys).
///
/// Both codecs start with header packets: Opus with OpusHead and OpusTags, Vorbis with
/// identification, comment (`\x03vorbis` … framing bit) and setup. The identification header
/// sits alone on the first page; the comment header (and Vorbis's setup header) may span pages
/// and must end a page, so audio starts on a fresh one. The writer keeps the first page, lays
/// the new comment (and the setup header, byte for byte) on new pages, then copies every
/// following page with its sequence number shifted by the change in header pages and its CRC
/// recomputed. Granule positions (and so timing, Opus pre-skip included) are untouched.
/// Multiplexed or chained streams are refused.
public enum OggComments {
    private enum Codec {
        case opus, vorbis

        /// Header packets after the identification header.
        var laterHeaders: Int { self == .opus ? 1 : 2 }
        var commentMagic: [UInt8] { self == .opus ? Array("OpusTags".utf8) : [0x03] + Array("vorbis".utf8) }
    }

    /// Replaces the comment header of the Opus or Vorbis stream in `url` with `comment`,
    /// atomically (rewritten beside itself, renamed over the original).
    public static func replaceComments(in url: URL, with comment: VorbisComment) throws {
        let path = url.path
        let input = try FileInput(url)
        let (first, codec, packets, oldHeaderPages) = try headers(in: input, count: nil)

        let old = packets[0]
        guard old.starts(with: codec.commentMagic),
              let parsed = VorbisComment.parse(old[codec.commentMagic.count...]) else {
            throw TaggingError.corruptFile(path: path, reason: "its comment header is malformed")
        }
        var newComment = codec.commentMagic + comment.bytes(fallbackVendor: parsed.vendor)
        switch codec {
        case .vorbis:
            newComment.append(0x01)   // framing bit
        case .opus:
            // RFC 7845 §5.2: data after the comments whose first byte has its low bit set is
            // binary metadata to keep; otherwise it is padding and may go.
            let rest = old[parsed.end...]
            if let flag = rest.first, flag & 1 == 1 { newComment += rest }
        }
        let headerPages = OggPage.paginate([newComment] + packets.dropFirst(), serial: first.serial,
                                           firstSequence: first.sequence &+ 1, granule: 0)
        let shift = Int64(headerPages.count) - Int64(oldHeaderPages)

        try FileRewrite.replace(url) { output in
            try output.write(first.bytes())
            for page in headerPages { try output.write(page.bytes()) }
            while var page = try OggPage.read(from: input) {
                guard page.serial == first.serial, page.headerType & OggPage.beginOfStream == 0 else {
                    throw TaggingError.unsupportedFile(path: path, reason: "it holds more than one Ogg stream (chained or multiplexed)")
                }
                let sequence = Int64(page.sequence) + shift
                guard sequence >= 0, sequence <= Int64(UInt32.max) else {
                    throw TaggingError.corruptFile(path: path, reason: "its page sequence numbers run out of range")
                }
                page.sequence = UInt32(sequence)
                try output.write(page.bytes())
            }
        }
    }

    /// Reads the first page (the identification header, alone) and the header packets after it:
    /// `count` of them, or all (`nil`: OpusTags; Vorbis comment and setup). Packets may span
    /// pages; every page is read through `OggPage.read`, so lengths are bounded by what the file
    /// holds and a truncated or damaged file throws. Reading all headers also checks that they
    /// end a page, as a rewrite needs. Returns the pages the packets took.
    private static func headers(in input: FileInput, count: Int?)
        throws -> (first: OggPage, codec: Codec, packets: [[UInt8]], pages: Int) {
        let path = input.path
        guard let first = try OggPage.read(from: input) else {
            throw TaggingError.unsupportedFile(path: path, reason: "it is empty")
        }
        guard first.headerType & OggPage.beginOfStream != 0, first.lacing.last.map({ $0 < 255 }) == true,
              first.lacing.dropLast().allSatisfy({ $0 == 255 }) else {
            throw TaggingError.unsupportedFile(path: path, reason: "its first Ogg page does not hold one whole header packet")
        }
        let codec: Codec
        if first.body.starts(with: Array("OpusHead".utf8)) {
            codec = .opus
        } else if first.body.starts(with: [0x01] + Array("vorbis".utf8)) {
            codec = .vorbis
        } else {
            throw TaggingError.unsupportedFile(path: path, reason: "its Ogg stream is neither Opus nor Vorbis")
        }

        let wanted = count ?? codec.laterHeaders
        var packets: [[UInt8]] = []
        var partial: [UInt8] = []
        var pages = 0
        while packets.count < wanted {
            guard let page = try OggPage.read(from: input) else {
                throw TaggingError.corruptFile(path: path, reason: "it ends inside its header packets")
            }
            guard page.serial == first.serial else {
                throw TaggingError.unsupportedFile(path: path, reason: "it holds more than one Ogg stream")
            }
            pages += 1
            var offset = 0
            for (index, size) in page.lacing.enumerated() {
                partial += page.body[offset..<offset + Int(size)]
                offset += Int(size)
                guard size < 255 else { continue }
                packets.append(partial)
                partial = []
                guard packets.count == wanted else { continue }
                if count == nil && index != page.lacing.count - 1 {
                    throw TaggingError.unsupportedFile(path: path, reason: "audio data shares a page with its header packets")
                }
                break
            }
        }
        return (first, codec, packets, pages)
    }

    /// The fields of the Opus or Vorbis stream's comment header in `url` (the OpusTags packet,
    /// or the `\x03vorbis` packet, which may span pages).
    static func readComments(in url: URL) throws -> [VorbisComment.Field] {
        let input = try FileInput(url)
        let (_, codec, packets, _) = try headers(in: input, count: 1)
        guard packets[0].starts(with: codec.commentMagic),
              let parsed = VorbisComment.parse(packets[0][codec.commentMagic.count...]) else {
            throw TaggingError.corruptFile(path: url.path, reason: "its comment header is malformed")
        }
        return parsed.fields
    }
}
