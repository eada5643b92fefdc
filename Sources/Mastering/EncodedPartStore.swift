import Audio

/// Where finished MP3 parts are kept between renders, so that an article corrected in one
/// sentence encodes again only the part that sentence is in: LAME is most of such a render's
/// time. A part is named by everything its bytes depend on (`EncodeJob.partKey`), so a kept
/// part is, byte for byte, what encoding it again would give, and the output stays a function
/// of the programme alone.
public protocol EncodedPartStore: Sendable {
    /// Puts the part kept under `key` at `path`; nil when there is none or it cannot be read.
    func loadPart(_ key: String, to path: String) -> MP3Part?
    /// Keeps a copy of `part` under `key`. A part that cannot be kept only costs time later.
    func storePart(_ part: MP3Part, key: String)
}
