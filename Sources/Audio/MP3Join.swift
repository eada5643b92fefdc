import Foundation

/// One encoded MP3 segment on disk and what joining it needs to know: the frames LAME wrote,
/// the padding it added at the end, and the Info frame at its start (empty when untagged).
/// A segment just encoded gives it (`MP3Writer.part`), and so does one kept from an earlier
/// render (the chunk cache's encoded parts).
public struct MP3Part: Sendable, Codable, Equatable {
    public var path: String
    public var encodedFrames: Int
    public var padding: Int
    public var tagFrame: [UInt8]

    public init(path: String, encodedFrames: Int, padding: Int, tagFrame: [UInt8]) {
        self.path = path
        self.encodedFrames = encodedFrames
        self.padding = padding
        self.tagFrame = tagFrame
    }
}

/// Joins MP3 segments encoded side by side (the first with its Info frame, the others without)
/// into one stream, and rewrites the Info frame for the whole: frame and byte totals, the last
/// segment's padding, the music CRC. The segments must have been cut where the joined stream
/// may carry LAME's padding and delay (silence): see `MP3Segments`.
public enum MP3Join {
    public static func join(_ segments: [MP3Part], into path: String) throws {
        guard let first = segments.first, let last = segments.last, !first.tagFrame.isEmpty else {
            throw AudioError.write(path, "cannot join MP3 segments without the first one's Info frame")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let out = FileHandle(forWritingAtPath: path) else {
            throw AudioError.open(path, "cannot create it")
        }
        defer { try? out.close() }
        var bytes = 0
        var crc: UInt16 = 0
        var frame: [UInt8] = []
        for (n, segment) in segments.enumerated() {
            guard let input = FileHandle(forReadingAtPath: segment.path) else { throw AudioError.open(segment.path, "cannot read it") }
            defer { try? input.close() }
            var atStart = n == 0
            while let data = try input.read(upToCount: 1 << 20), !data.isEmpty {
                var chunk = [UInt8](data)
                if atStart {  // the Info frame: set aside, rewritten once the totals are known
                    frame = Array(chunk.prefix(first.tagFrame.count))
                    chunk.removeFirst(frame.count)
                    try out.write(contentsOf: frame)
                    atStart = false
                }
                crc = LameTag.crc16(chunk, crc: crc)
                try out.write(contentsOf: chunk)
                bytes += chunk.count
            }
        }
        bytes += frame.count
        let frames = first.encodedFrames + segments.dropFirst().reduce(0) { $0 + $1.encodedFrames }
        guard LameTag.patch(&frame, frames: UInt32(frames), bytes: UInt32(bytes), padding: last.padding, musicCRC: crc) else {
            throw AudioError.write(path, "the first segment's Info frame is not LAME's")
        }
        try out.seek(toOffset: 0)
        try out.write(contentsOf: frame)
        try out.synchronize()
    }
}
