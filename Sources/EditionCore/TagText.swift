import Foundation

/// Cleans text before it goes into any tag (and chapter titles where they are recorded), the same way for every format so that a title reads
/// the same in the MP3, the FLAC and the Ogg files.
public enum TagText {
    /// Longest episode title, in UTF-8 bytes. Headlines are far shorter; the cap only
    /// keeps hostile input from building a tag of megabytes. UTF-16 never needs more code units
    /// than UTF-8 needs bytes, so the same cut fits ID3's UTF-16 as well.
    public static let maxTitleBytes = 1024
    /// Longest chapter title, in UTF-8 bytes: what fits the 256-byte name of libsndfile's
    /// SF_CUE_POINT, so a WAV's chapter names read back whole like every other format's.
    public static let maxChapterTitleBytes = 255
    /// Longest comment (episode description), in UTF-8 bytes.
    public static let maxCommentBytes = 16 * 1024

    /// For titles, artist, album, date: one line. A NUL would end the string early in C readers
    /// (FFmpeg reads tags as C strings); other controls have no meaning in a chapter menu.
    public static func singleLine(_ text: String, maxBytes: Int = maxTitleBytes) -> String {
        truncated(clean(text, keepNewlines: false), maxBytes: maxBytes)
    }

    /// A chapter's title as every format writes it: one line, trimmed, and "Chapter N" (N from 1)
    /// when nothing is left. An empty title is legal in ID3 and Vorbis comments, but FFmpeg shows
    /// the CHAP element ID ("chp5") in its place and players show a blank menu entry; naming
    /// it here keeps all formats alike.
    public static func chapterTitle(_ title: String, number: Int) -> String {
        let text = singleLine(title, maxBytes: maxChapterTitleBytes).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? "Chapter \(number)" : text
    }

    /// For comments: newlines kept (a description may have paragraphs), other controls dropped.
    public static func multiLine(_ text: String, maxBytes: Int = maxCommentBytes) -> String {
        truncated(clean(text, keepNewlines: true), maxBytes: maxBytes)
    }

    private static func clean(_ text: String, keepNewlines: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A where keepNewlines:
                if !previousWasCR { scalars.append(scalar) }
            case 0x0D where keepNewlines:
                scalars.append("\n")   // CRLF and lone CR become LF
            case 0x09, 0x0A, 0x0D:
                scalars.append(" ")
            case 0x00..<0x20, 0x7F:
                continue
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Cuts on a grapheme boundary, so no UTF-8 sequence, UTF-16 surrogate pair or emoji
    /// sequence is split.
    public static func truncated(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var bytes = 0
        var end = text.startIndex
        for index in text.indices {
            let next = text.index(after: index)
            let size = text[index..<next].utf8.count
            if bytes + size > maxBytes { break }
            bytes += size
            end = next
        }
        return String(text[..<end])
    }
}
