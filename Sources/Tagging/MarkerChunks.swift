import EditionCore

/// The RIFF chunks that name chapter markers in a WAV: `cue ` (positions) and `LIST/adtl`
/// with one `labl` per cue (names). libsndfile writes cue points without names (and none at
/// all in RF64), so we build both chunks ourselves; `cue ` must come before `LIST` for ffmpeg.
public enum MarkerChunks {
    /// Chapter starts are in the programme's samples; the file may be at another rate.
    public static func chunks(for chapters: [Chapter], scale: Double) -> [(id: String, data: [UInt8])] {
        chunks(for: chapters.map { Chapter(title: $0.title, start: Int((Double($0.start) * scale).rounded())) })
    }

    public static func chunks(for chapters: [Chapter]) -> [(id: String, data: [UInt8])] {
        guard !chapters.isEmpty else { return [] }
        return [("cue ", cue(chapters)), ("LIST", labels(chapters))]
    }

    static func cue(_ chapters: [Chapter]) -> [UInt8] {
        var data = le32(UInt32(chapters.count))
        for (i, chapter) in chapters.enumerated() {
            data += le32(UInt32(i + 1))                 // cue point id
            data += le32(UInt32(clamping: chapter.start)) // play-order position
            data += Array("data".utf8)                  // chunk the offset refers to
            data += le32(0) + le32(0)                   // chunk start, block start
            data += le32(UInt32(clamping: chapter.start)) // sample offset
        }
        return data
    }

    /// `adtl` list of `labl` sub-chunks: each title NUL-terminated, an odd-sized label followed
    /// by the RIFF pad byte. ffmpeg reads a title only up to its NUL and then skips one pad byte,
    /// so NUL filler inside a label breaks the next one. libsndfile pads the whole chunk to a
    /// multiple of 4 and then misreads that padding as a sub-chunk (losing the `data` chunk), so
    /// the last label alone is filled with NULs, inside its size, to make the total a multiple of 4.
    static func labels(_ chapters: [Chapter]) -> [UInt8] {
        var data = Array("adtl".utf8)
        for (i, chapter) in chapters.enumerated() {
            var text = Array(chapter.title.utf8) + [0]
            if i == chapters.count - 1 {
                while (data.count + 12 + text.count) % 4 != 0 { text.append(0) }
            }
            data += Array("labl".utf8) + le32(UInt32(4 + text.count)) + le32(UInt32(i + 1)) + text
            if text.count % 2 == 1 { data.append(0) }
        }
        return data
    }

    static func le32(_ v: UInt32) -> [UInt8] {
        [UInt8(v & 0xff), UInt8(v >> 8 & 0xff), UInt8(v >> 16 & 0xff), UInt8(v >> 24 & 0xff)]
    }
}
