import Foundation

/// Rewrites the VORBIS_COMMENT metadata block of a FLAC file (libsndfile writes one with only
/// libFLAC's vendor string, and cannot write CHAPTERnnn keys).
///
/// A FLAC file is `fLaC`, metadata blocks (1-byte flag+type: bit 7 = last block; u24 BE length),
/// then audio frames. STREAMINFO (type 0) must stay first; the new VORBIS_COMMENT (type 4) takes
/// the place of the old one (or follows STREAMINFO), every other block (SEEKTABLE, PICTURE…)
/// keeps its bytes and order, and the last block carries the last-block flag.
public enum FLACMetadata {
    /// PADDING left after the metadata when the file has to be rewritten, so that a later
    /// retag with similar text fits in place (metaflac and the flac tool do the same).
    static let paddingOnRewrite = 4096

    /// Replaces the file's Vorbis comments (all VORBIS_COMMENT blocks) with `comment`.
    ///
    /// When the new metadata fits in the space the old metadata and PADDING took, only that region
    /// is overwritten, in one write (the audio is not touched and the file keeps its size).
    /// Otherwise the file is rewritten beside itself with 4 KiB of padding and renamed over the
    /// original (atomic).
    public static func replaceComments(in url: URL, with comment: VorbisComment) throws {
        let input = try FileInput(url)
        let path = url.path
        let blocks = try metadataBlocks(in: input)
        let audioStart = input.offset

        let oldVendor = blocks.first { $0.type == 4 }.flatMap { VorbisComment.parse($0.body[...])?.vendor }
        let commentBody = comment.bytes(fallbackVendor: oldVendor ?? "")
        guard commentBody.count < 1 << 24 else {
            throw TaggingError.invalidField("\(path): the Vorbis comments take \(commentBody.count) bytes; a FLAC block holds under 16 MiB")
        }
        var kept: [(type: UInt8, body: [UInt8])] = []
        for block in blocks where block.type != 1 {   // PADDING is rebuilt below
            if block.type == 4 {
                if !kept.contains(where: { $0.type == 4 }) { kept.append((4, commentBody)) }
            } else {
                kept.append(block)
            }
        }
        if !kept.contains(where: { $0.type == 4 }) { kept.insert((4, commentBody), at: 1) }

        let available = Int(audioStart) - 4
        let needed = kept.reduce(0) { $0 + 4 + $1.body.count }
        if needed == available || (needed + 4 <= available && available - needed - 4 < 1 << 24) {
            if needed < available { kept.append((1, [UInt8](repeating: 0, count: available - needed - 4))) }
            try overwrite(url, at: 4, with: serialize(kept))
        } else {
            kept.append((1, [UInt8](repeating: 0, count: paddingOnRewrite)))
            let metadata = serialize(kept)
            try FileRewrite.replace(url) { output in
                try output.write(Array("fLaC".utf8))
                try output.write(metadata)
                try input.seek(to: audioStart)
                try FileRewrite.copyRest(of: input, to: output)
            }
        }
    }

    /// Reads `fLaC` and every metadata block up to the one flagged last, leaving `input` at the
    /// first audio frame. Each block's length (u24, so under 16 MiB) is read only as far as the
    /// file goes: a truncated file throws `.corruptFile` naming the block.
    static func metadataBlocks(in input: FileInput) throws -> [(type: UInt8, body: [UInt8])] {
        let path = input.path
        guard let magic = try input.read(upTo: 4), magic == Array("fLaC".utf8) else {
            throw TaggingError.unsupportedFile(path: path, reason: "it does not start with \"fLaC\"; is it a FLAC file?")
        }
        var blocks: [(type: UInt8, body: [UInt8])] = []
        var isLast = false
        while !isLast {
            let header = try input.read(exactly: 4, "metadata block \(blocks.count + 1)'s header")
            isLast = header[0] & 0x80 != 0
            let type = header[0] & 0x7F
            guard type != 127 else {
                throw TaggingError.corruptFile(path: path, reason: "metadata block \(blocks.count + 1) has the invalid type 127")
            }
            let length = Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
            blocks.append((type, try input.read(exactly: length, "metadata block \(blocks.count + 1)")))
        }
        guard blocks[0].type == 0, blocks[0].body.count == 34 else {
            throw TaggingError.corruptFile(path: path, reason: "its first metadata block is not STREAMINFO")
        }
        return blocks
    }

    /// Blocks with their headers, the last one flagged.
    private static func serialize(_ blocks: [(type: UInt8, body: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, block) in blocks.enumerated() {
            let last: UInt8 = index == blocks.count - 1 ? 0x80 : 0
            let n = block.body.count
            out += [last | block.type, UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
            out += block.body
        }
        return out
    }

    /// Same-size metadata replaced in place, flushed to disk.
    private static func overwrite(_ url: URL, at offset: UInt64, with bytes: [UInt8]) throws {
        do {
            let handle = try FileHandle(forUpdating: url)
            defer { try? handle.close() }
            try handle.seek(toOffset: offset)
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
        } catch {
            throw TaggingError.io(path: url.path, reason: "cannot write its metadata (\(error.localizedDescription))")
        }
    }
}
