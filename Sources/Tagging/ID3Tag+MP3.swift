import Foundation

extension ID3Tag {
    /// Writes this tag at the start of an MP3 file, before its first MPEG frame, replacing any
    /// ID3v2 tag(s) already there. Everything from the first MPEG frame on is copied byte for byte:
    /// LAME's Xing/Info frame (the gapless delay and padding) stays intact, as does an ID3v1 tag
    /// at the end. Atomic: the file is rewritten beside itself and renamed over the original.
    ///
    /// Throws `.unsupportedFile` when no MPEG audio frame follows the tags (not an MP3).
    public func prepend(to mp3URL: URL) throws {
        let input = try FileInput(mp3URL)
        let audioStart = try Self.firstMPEGFrame(in: input)
        let tag = bytes()
        try FileRewrite.replace(mp3URL) { output in
            try output.write(tag)
            try input.seek(to: audioStart)
            try FileRewrite.copyRest(of: input, to: output)
        }
    }

    /// Offset of the first MPEG audio frame: after every ID3v2 tag at the start (LAME writes
    /// one when libsndfile is given long strings; a retagged file has ours) and any NUL padding
    /// a tagger left after a tag.
    static func firstMPEGFrame(in input: FileInput) throws -> UInt64 {
        var position: UInt64 = 0
        while true {
            try input.seek(to: position)
            let header = try input.read(upTo: 10) ?? []
            guard header.count == 10, header[0...2] == [0x49, 0x44, 0x33] /* "ID3" */ else { break }
            let size = header[6...9]
            guard header[3] != 0xFF, header[4] != 0xFF, size.allSatisfy({ $0 < 0x80 }) else {
                throw TaggingError.corruptFile(path: input.path, reason: "its ID3v2 tag header is malformed")
            }
            let bodySize = size.reduce(UInt64(0)) { $0 << 7 | UInt64($1) }
            let hasFooter = header[3] == 4 && header[5] & 0x10 != 0
            position += 10 + bodySize + (hasFooter ? 10 : 0)
        }
        try input.seek(to: position)
        let maxPadding = 64 * 1024
        let head = try input.read(upTo: maxPadding + 4) ?? []
        guard let first = head.firstIndex(where: { $0 != 0 }) else {
            throw TaggingError.unsupportedFile(path: input.path, reason: "no MPEG audio frame follows its ID3 tag")
        }
        guard first + 4 <= head.count, isMPEGAudioHeader(head[first..<first + 4]) else {
            throw TaggingError.unsupportedFile(path: input.path, reason: "no MPEG audio frame at byte \(position + UInt64(first)); is it an MP3?")
        }
        return position + UInt64(first)
    }

    /// Frame sync (11 bits set) and no reserved value in version, layer, bitrate or sample rate.
    private static func isMPEGAudioHeader(_ h: ArraySlice<UInt8>) -> Bool {
        let b = Array(h)
        return b[0] == 0xFF && b[1] & 0xE0 == 0xE0
            && (b[1] >> 3) & 0x03 != 0x01      // version: 01 reserved
            && (b[1] >> 1) & 0x03 != 0x00      // layer: 00 reserved
            && b[2] >> 4 != 0x0F               // bitrate index 1111 invalid
            && (b[2] >> 2) & 0x03 != 0x03      // sample rate index 11 reserved
    }
}
