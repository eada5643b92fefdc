import Foundation

/// Everything the tag writers refuse (and the readers cannot read), in words that name the file (or the field) and the problem.
public enum TaggingError: LocalizedError, Equatable {
    /// The chapter list cannot be written: unordered, negative, past the end, too many…
    case invalidChapters(String)
    /// A tag field cannot be written (a Vorbis key with `=`, a tag over the format's size limit…).
    case invalidField(String)
    /// The file is not what the writer expects (no MPEG frame after the ID3 tag, no `fLaC`, no Ogg page…).
    case unsupportedFile(path: String, reason: String)
    /// The file is damaged (a truncated block, a page whose CRC does not match).
    case corruptFile(path: String, reason: String)
    /// A file's tags cannot be read back: not a format the readers know, or damaged.
    case unreadable(path: String, reason: String)
    /// Reading, writing or renaming failed.
    case io(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .invalidChapters(let why): return "cannot write chapters: \(why)"
        case .invalidField(let why): return "cannot write tag: \(why)"
        case .unsupportedFile(let path, let why): return "\(path): cannot tag this file (\(why))"
        case .corruptFile(let path, let why): return "\(path): file is damaged (\(why)); it was left unchanged"
        case .unreadable(let path, let why): return "\(path): cannot read its chapters (\(why))"
        case .io(let path, let why): return "\(path): \(why)"
        }
    }
}
