import EditionCore
/// An ID3v2.3 tag for a podcast MP3: episode text frames, a table of contents and one CHAP
/// frame per chapter, byte for byte what `bytes()` returns.
///
/// Why v2.3 and not v2.4: FFmpeg up to 5.1 (ffprobe, and everything built on it) reads the size
/// of frames embedded in CHAP as a plain u32 even in a v2.4 tag, where it is syncsafe, so a v2.4
/// chapter title of 126 bytes or more silently loses that chapter. In v2.3 every frame size is a
/// plain u32, so titles of any length read right in FFmpeg, and v2.3 is what most podcast tools
/// write and what every player (Apple's included, and Windows, which long ignored v2.4) reads.
/// v2.3 has no UTF-8: non-ASCII text goes as UTF-16 with a BOM, which also carries emoji
/// (as surrogate pairs). The date goes as TYER (+ TDAT, TIME), v2.3's frames for TDRC.
///
/// Layout: TIT2 TPE1 TALB TYER TDAT TIME COMM TLEN, then CTOC(s), then CHAPs in order.
/// One top-level CTOC (flags 0x03, top-level + ordered) lists the CHAPs; a CTOC counts its
/// entries in one byte, so past 255 chapters the top-level CTOC lists ordered sub-CTOCs of up
/// to 255 CHAPs each, as the chapter addendum allows. No padding, no unsynchronisation.
public struct ID3Tag: Sendable, Equatable {
    public let title: String?
    public let artist: String?
    public let album: String?
    /// ISO 8601: `YYYY`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM…` (more is ignored).
    public let date: String?
    public let comment: String?
    /// Length of the audio in ms: TLEN, and the end of the last chapter.
    public let durationMs: Int
    /// In playback order; each chapter ends where the next one starts, the last at `durationMs`.
    public let chapters: [ChapterMark]

    /// Most chapters one tag can hold: 255 sub-tables of 255 chapters.
    public static let maxChapters = 255 * 255

    /// Throws `TaggingError.invalidChapters` for chapters out of order, before 0, after the end or
    /// too many, and `.invalidField` for a date that is not ISO 8601. Text is cleaned (controls
    /// dropped), titles longer than 1 KiB (chapter titles: 255 bytes) are cut on a character boundary, and an empty chapter
    /// title becomes "Chapter N".
    public init(title: String? = nil, artist: String? = nil, album: String? = nil, date: String? = nil,
                comment: String? = nil, durationMs: Int, chapters: [ChapterMark] = []) throws {
        guard durationMs >= 0, durationMs <= Int(UInt32.max) else {
            throw TaggingError.invalidChapters("the duration must be 0…\(UInt32.max) ms (got \(durationMs))")
        }
        guard chapters.count <= Self.maxChapters else {
            throw TaggingError.invalidChapters("an ID3 tag holds at most \(Self.maxChapters) chapters (got \(chapters.count))")
        }
        try ChapterMark.validate(chapters, durationMs: durationMs)
        if let date, DateFrames(iso: date) == nil {
            throw TaggingError.invalidField("the date must be ISO 8601 such as 2026-03-17 (got \"\(date.prefix(40))\")")
        }
        self.title = title.map { TagText.singleLine($0) }
        self.artist = artist.map { TagText.singleLine($0) }
        self.album = album.map { TagText.singleLine($0) }
        self.date = date
        self.comment = comment.map { TagText.multiLine($0) }
        self.durationMs = durationMs
        self.chapters = chapters.enumerated().map { index, chapter in
            ChapterMark(title: TagText.chapterTitle(chapter.title, number: index + 1), startMs: chapter.startMs)
        }
    }

    /// The whole tag: 10-byte header (`ID3`, version 3.0, flags 0, syncsafe size) + frames.
    public func bytes() -> [UInt8] {
        let body = frames().flatMap(\.bytes)
        // Cannot overflow: titles are capped at 1 KiB, so even maxChapters stay under 2^28 bytes.
        precondition(body.count < 1 << 28, "ID3 tag too large")
        let size = UInt32(body.count)
        let syncsafe: [UInt8] = [UInt8(size >> 21 & 0x7F), UInt8(size >> 14 & 0x7F),
                                 UInt8(size >> 7 & 0x7F), UInt8(size & 0x7F)]
        return Array("ID3".utf8) + [3, 0, 0] + syncsafe + body
    }

    private func frames() -> [ID3Frame] {
        var frames: [ID3Frame] = []
        if let title { frames.append(.text("TIT2", title)) }
        if let artist { frames.append(.text("TPE1", artist)) }
        if let album { frames.append(.text("TALB", album)) }
        if let date, let parts = DateFrames(iso: date) {
            frames.append(.text("TYER", parts.year))
            if let dayMonth = parts.dayMonth { frames.append(.text("TDAT", dayMonth)) }
            if let time = parts.time { frames.append(.text("TIME", time)) }
        }
        if let comment { frames.append(.comment(comment)) }
        frames.append(.text("TLEN", String(durationMs)))
        guard !chapters.isEmpty else { return frames }

        let ids = chapters.indices.map { "chp\($0)" }
        if ids.count <= 255 {
            frames.append(.tableOfContents(elementID: "toc", topLevel: true, children: ids))
        } else {
            let groups = stride(from: 0, to: ids.count, by: 255).map { Array(ids[$0..<min($0 + 255, ids.count)]) }
            let groupIDs = groups.indices.map { "toc\($0 + 1)" }
            frames.append(.tableOfContents(elementID: "toc", topLevel: true, children: groupIDs))
            for (id, group) in zip(groupIDs, groups) {
                frames.append(.tableOfContents(elementID: id, topLevel: false, children: group))
            }
        }
        for (index, chapter) in chapters.enumerated() {
            let end = index + 1 < chapters.count ? chapters[index + 1].startMs : durationMs
            frames.append(.chapter(elementID: ids[index], startMs: UInt32(chapter.startMs),
                                   endMs: UInt32(end), title: chapter.title))
        }
        return frames
    }

    /// v2.3 splits a date into TYER (YYYY), TDAT (DDMM) and TIME (HHMM).
    private struct DateFrames {
        var year: String
        var dayMonth: String?
        var time: String?

        init?(iso: String) {
            let c = Array(iso.utf8)
            func digits(_ range: Range<Int>) -> String? {
                guard range.upperBound <= c.count, c[range].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
                return String(decoding: c[range], as: UTF8.self)
            }
            func byte(_ i: Int) -> UInt8? { i < c.count ? c[i] : nil }
            guard let year = digits(0..<4), c.count == 4 || byte(4) == UInt8(ascii: "-") else { return nil }
            self.year = year
            guard c.count > 4 else { return }
            guard let month = digits(5..<7), byte(7) == UInt8(ascii: "-"), let day = digits(8..<10),
                  (1...12).contains(Int(month)!), (1...31).contains(Int(day)!) else { return nil }
            dayMonth = day + month
            guard c.count > 10 else { return }
            guard byte(10) == UInt8(ascii: "T") || byte(10) == UInt8(ascii: " ") else { return nil }
            guard let hour = digits(11..<13), byte(13) == UInt8(ascii: ":"), let minute = digits(14..<16) else { return nil }
            time = hour + minute
        }
    }
}
