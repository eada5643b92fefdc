import Foundation

/// Reads back the chapters (and the episode title) that a file's tags carry, to check what the
/// writers wrote: the ID3v2 tag of an MP3 (CHAP/CTOC), the VORBIS_COMMENT block of a FLAC, the
/// comment header of an Ogg Opus or Ogg Vorbis stream (`CHAPTERnnn` / `CHAPTERnnnNAME`).
/// The container is told by its first bytes, not by the file's name.
///
/// A file with no tag, or a tag with no chapters, has no chapters. A file that is none of these
/// formats, or whose tags are damaged or truncated, throws `TaggingError.unreadable` naming the
/// file and the problem; I/O failures throw `.io`.
public enum ChapterReading {
    public struct Contents: Sendable, Equatable {
        /// The episode title: TIT2, or the TITLE comment.
        public var title: String?
        /// In the order the tag gives them (ID3: the top-level CTOC; Vorbis comments: by number).
        public var chapters: [ChapterMark]

        public init(title: String?, chapters: [ChapterMark]) {
            self.title = title
            self.chapters = chapters
        }
    }

    public static func chapters(in url: URL) throws -> [ChapterMark] {
        try read(url).chapters
    }

    public static func read(_ url: URL) throws -> Contents {
        do {
            let input = try FileInput(url)
            let magic = try input.read(upTo: 4) ?? []
            if magic.isEmpty {
                throw TaggingError.unsupportedFile(path: url.path, reason: "it is empty")
            } else if magic == Array("fLaC".utf8) {
                try input.seek(to: 0)
                let blocks = try FLACMetadata.metadataBlocks(in: input)
                guard let block = blocks.first(where: { $0.type == 4 }) else { return Contents(title: nil, chapters: []) }
                guard let parsed = VorbisComment.parse(block.body[...]) else {
                    throw TaggingError.corruptFile(path: url.path, reason: "its VORBIS_COMMENT block is malformed")
                }
                return try contents(of: parsed.fields, path: url.path)
            } else if magic == Array("OggS".utf8) {
                return try contents(of: OggComments.readComments(in: url), path: url.path)
            } else if magic == Array("RIFF".utf8) || magic == Array("RF64".utf8) {
                let wav = try WAVMarkers.read(input, size: nil)
                return Contents(title: wav.title, chapters: wav.markers.map {
                    ChapterMark(title: $0.name, startMs: ($0.position * 1000 + wav.sampleRate / 2) / wav.sampleRate)
                })
            } else if magic.starts(with: Array("ID3".utf8)) || (magic.count >= 2 && magic[0] == 0xFF && magic[1] & 0xE0 == 0xE0) {
                return try ID3Reading.read(input)
            } else {
                throw TaggingError.unsupportedFile(path: url.path, reason: "it is not a WAV, MP3, FLAC, Ogg Opus or Ogg Vorbis file")
            }
        } catch TaggingError.corruptFile(let path, let why), TaggingError.unsupportedFile(let path, let why) {
            throw TaggingError.unreadable(path: path, reason: why)
        }
    }

    // MARK: Vorbis comments

    /// TITLE, and the chapters of `CHAPTERnnn=HH:MM:SS.mmm` / `CHAPTERnnnNAME=…` (keys in any
    /// case, as Vorbis comments allow), ordered by number. A chapter without a NAME has an empty
    /// title; a NAME without a time, or other `CHAPTERnnn…` keys (URL…), are ignored.
    static func contents(of fields: [VorbisComment.Field], path: String) throws -> Contents {
        var title: String?
        var times: [Int: Int] = [:]
        var names: [Int: String] = [:]
        for field in fields {
            let key = field.key.uppercased()
            if key == "TITLE" {
                if title == nil { title = field.value }
                continue
            }
            guard key.hasPrefix("CHAPTER") else { continue }
            let rest = key.utf8.dropFirst(7)
            let digits = rest.prefix { (0x30...0x39).contains($0) }
            guard !digits.isEmpty, digits.count <= 9 else { continue }
            let number = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            switch String(decoding: rest.dropFirst(digits.count), as: UTF8.self) {
            case "":
                guard let ms = milliseconds(field.value) else {
                    throw TaggingError.corruptFile(path: path, reason: "\(field.key) has the time \"\(field.value.prefix(40))\", not HH:MM:SS.mmm")
                }
                guard times[number] == nil else {
                    throw TaggingError.corruptFile(path: path, reason: "\(field.key) is given twice")
                }
                times[number] = ms
            case "NAME":
                if names[number] == nil { names[number] = field.value }
            default:
                continue
            }
        }
        let chapters = times.keys.sorted().map { ChapterMark(title: names[$0] ?? "", startMs: times[$0]!) }
        return Contents(title: title, chapters: chapters)
    }

    /// `H…H:MM:SS` with an optional decimal fraction (`.mmm` as written; any number of digits is
    /// read as a fraction of a second and rounded to the millisecond). Nil when malformed.
    static func milliseconds(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let secondParts = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        func number(_ text: Substring, maxDigits: Int) -> Int? {
            guard !text.isEmpty, text.count <= maxDigits, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int(text)
        }
        guard let hours = number(parts[0], maxDigits: 6),
              let minutes = number(parts[1], maxDigits: 2), minutes < 60,
              let seconds = number(secondParts[0], maxDigits: 2), seconds < 60 else { return nil }
        var ms = ((hours * 60 + minutes) * 60 + seconds) * 1000
        if secondParts.count == 2 {
            let fraction = secondParts[1]
            guard let value = number(fraction, maxDigits: 9) else { return nil }
            var scale = 1
            for _ in 0..<fraction.count { scale *= 10 }
            ms += (value * 1000 + scale / 2) / scale
        }
        return ms
    }
}
