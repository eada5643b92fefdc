import EditionCore
/// A Vorbis comment list, the tag format of FLAC, Ogg Vorbis and Ogg Opus: a vendor string and
/// `KEY=value` entries, each length-prefixed (u32 little-endian), values in UTF-8.
///
/// Chapters follow the OGM convention that FFmpeg reads (`ff_vorbis_comment` → chapters):
/// `CHAPTER001=HH:MM:SS.mmm`, then `CHAPTER001NAME=Title`. FFmpeg 5.1 scans the time as
/// `%02d:%02d:%02d.%03d` and the number as `%03d`, so it needs exactly three fractional digits
/// (`.5` would read as 5 ms), the NAME after its time (a NAME names an existing chapter), at
/// most 999 chapters (three digits) and less than 100 hours.
public struct VorbisComment: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The encoder's name. `nil` keeps the vendor string already in the file (for example
    /// "libopus 1.3.1"): it names the encoder, which tagging does not change.
    public let vendor: String?
    public let fields: [Field]

    public static let maxChapters = 999

    /// Throws `.invalidField` for a key that the format forbids: empty, or with a character
    /// outside ASCII 0x20…0x7D or `=`. Values are written as given.
    public init(vendor: String? = nil, fields: [Field]) throws {
        for field in fields {
            let valid = !field.key.isEmpty && field.key.utf8.allSatisfy { (0x20...0x7D).contains($0) && $0 != 0x3D }
            guard valid else {
                throw TaggingError.invalidField("Vorbis comment key \"\(field.key.prefix(40))\" must be ASCII without \"=\"")
            }
        }
        self.vendor = vendor
        self.fields = fields
    }

    /// The episode's tags: TITLE, ARTIST, ALBUM, DATE, COMMENT (those given), then the chapters
    /// numbered from 001. Text is cleaned the same way as in `ID3Tag` (an empty chapter title
    /// becomes "Chapter N"), so titles match across formats. Throws `.invalidChapters` for
    /// chapters out of order, before 0, at 100 h or later, or more than 999.
    public static func episode(title: String? = nil, artist: String? = nil, album: String? = nil,
                               date: String? = nil, comment: String? = nil,
                               chapters: [ChapterMark] = []) throws -> VorbisComment {
        guard chapters.count <= maxChapters else {
            throw TaggingError.invalidChapters("Vorbis comments hold at most \(maxChapters) chapters (got \(chapters.count))")
        }
        try ChapterMark.validate(chapters, durationMs: nil)
        if let last = chapters.last, last.startMs >= 100 * 3_600_000 {
            throw TaggingError.invalidChapters("chapter times must be under 100 hours (got \(last.startMs) ms)")
        }
        var fields: [Field] = []
        if let title { fields.append(Field("TITLE", TagText.singleLine(title))) }
        if let artist { fields.append(Field("ARTIST", TagText.singleLine(artist))) }
        if let album { fields.append(Field("ALBUM", TagText.singleLine(album))) }
        if let date { fields.append(Field("DATE", TagText.singleLine(date))) }
        if let comment { fields.append(Field("COMMENT", TagText.multiLine(comment))) }
        for (index, chapter) in chapters.enumerated() {
            let number = String(index + 1)
            let key = "CHAPTER" + String(repeating: "0", count: 3 - number.count) + number
            fields.append(Field(key, clock(chapter.startMs)))
            fields.append(Field(key + "NAME", TagText.chapterTitle(chapter.title, number: index + 1)))
        }
        return try VorbisComment(fields: fields)
    }

    /// `HH:MM:SS.mmm`, always three fractional digits.
    static func clock(_ ms: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let fraction = ms % 1000
        let millis = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return "\(two(ms / 3_600_000)):\(two(ms / 60_000 % 60)):\(two(ms / 1000 % 60)).\(millis)"
    }

    /// The comment list as FLAC's VORBIS_COMMENT block holds it (no framing bit). Ogg Vorbis
    /// adds `\x03vorbis` before and a framing bit after; Opus adds `OpusTags` before.
    /// `fallbackVendor` is used when `vendor` is nil.
    public func bytes(fallbackVendor: String = "") -> [UInt8] {
        let vendorBytes = Array((vendor ?? fallbackVendor).utf8)
        var out = UInt32(vendorBytes.count).littleEndianBytes + vendorBytes
        out += UInt32(fields.count).littleEndianBytes
        for field in fields {
            let entry = Array("\(field.key)=\(field.value)".utf8)
            out += UInt32(entry.count).littleEndianBytes + entry
        }
        return out
    }

    /// Reads a comment list: its vendor string, its `KEY=value` entries (an entry without `=` has
    /// an empty value; text is decoded as UTF-8, invalid bytes replaced) and where the list ends
    /// (for data after it, which Opus allows). Returns nil when the lengths run past the end.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (vendor: String, fields: [Field], end: Int)? {
        var p = bytes.startIndex
        func u32() -> Int? {
            guard p + 4 <= bytes.endIndex else { return nil }
            defer { p += 4 }
            return Int(UInt32.littleEndian(bytes, at: p))
        }
        guard let vendorLength = u32(), vendorLength <= bytes.endIndex - p else { return nil }
        let vendor = String(decoding: bytes[p..<p + vendorLength], as: UTF8.self)
        p += vendorLength
        guard let count = u32() else { return nil }
        // Every entry takes at least its 4-byte length, so a count the bytes cannot hold ends
        // at the first missing length: the loop is bounded by the input, whatever the count says.
        var fields: [Field] = []
        for _ in 0..<count {
            guard let length = u32(), length <= bytes.endIndex - p else { return nil }
            let entry = bytes[p..<p + length]
            p += length
            let equals = entry.firstIndex(of: 0x3D) ?? entry.endIndex
            fields.append(Field(String(decoding: entry[..<equals], as: UTF8.self),
                                String(decoding: entry[min(equals + 1, entry.endIndex)...], as: UTF8.self)))
        }
        return (vendor, fields, p)
    }
}
