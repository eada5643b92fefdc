import CSndFile
import Foundation
import Synchronization

/// The one owner of a libsndfile handle. libsndfile wants every chunk and string before the
/// first sample, so they are arguments of the writing initializer: the wrong order cannot be written.
public final class SoundFile {
    /// sf_open and its error lookup touch libsndfile globals.
    private static let openLock = Mutex(())

    private var handle: OpaquePointer?
    public let path: String
    public private(set) var sampleRate: Int
    public private(set) var channels: Int
    public private(set) var frames: Int
    public let format: Int32

    /// Opens `path` for writing with the given major/minor format (e.g. `SoundFile.wav16`),
    /// raw RIFF chunks (id, bytes) in order, and text tags (SF_STR_*).
    public init(writingTo path: String, format: Int32, sampleRate: Int, channels: Int = 1,
                chunks: [(id: String, data: [UInt8])] = [], strings: [(Int32, String)] = [],
                autoDowngrade: Bool = true) throws {
        var info = SF_INFO(frames: 0, samplerate: Int32(sampleRate), channels: Int32(channels),
                           format: format, sections: 0, seekable: 0)
        self.path = path
        self.format = format
        self.sampleRate = sampleRate
        self.channels = channels
        self.frames = 0
        handle = try Self.open(path, Int32(SFM_WRITE), &info)
        if autoDowngrade && (format & Int32(SF_FORMAT_TYPEMASK)) == Int32(SF_FORMAT_RF64) {
            _ = sf_command(handle, Int32(SFC_RF64_AUTO_DOWNGRADE), nil, Int32(SF_TRUE))
        }
        for (key, value) in strings {
            try check(sf_set_string(handle, key, value), "write tag")
        }
        for chunk in chunks {
            let status = chunk.data.withUnsafeBytes {
                edition_sf_set_chunk(handle, chunk.id, $0.baseAddress, UInt32($0.count))
            }
            try check(status, "write the '\(chunk.id)' chunk")
        }
    }

    /// Opens `path` for reading.
    public init(readingFrom path: String) throws {
        var info = SF_INFO()
        self.path = path
        handle = try Self.open(path, Int32(SFM_READ), &info)
        sampleRate = Int(info.samplerate)
        channels = Int(info.channels)
        frames = Int(info.frames)
        format = info.format
    }

    deinit { if let handle { sf_close(handle) } }

    /// libsndfile takes at most this many samples per call: handed a 30-second block at once,
    /// its Ogg Vorbis encoder crashes inside libvorbis (1.2.0 with libvorbis 1.3.7, measured).
    static let largestWrite = 1 << 16

    public func write(_ samples: UnsafeBufferPointer<Int16>) throws {
        try write(samples) { sf_write_short(handle, $0, $1) }
    }

    public func write(_ samples: [Int16]) throws {
        try samples.withUnsafeBufferPointer { try write($0) }
    }

    public func write(_ samples: UnsafeBufferPointer<Float>) throws {
        guard (format & Int32(SF_FORMAT_SUBMASK)) == Int32(SF_FORMAT_PCM_16) else {
            try write(samples) { sf_write_float(handle, $0, $1) }
            return
        }
        // 16-bit PCM: converted here as libsndfile converts, then written as shorts, which
        // libsndfile passes straight on: its own conversion goes through an 8 KB buffer, one
        // write(2) per 4,096 samples, 70,000 calls for 50 articles.
        guard let base = samples.baseAddress else { return }
        var done = 0
        while done < samples.count {
            let n = min(Self.largestWrite, samples.count - done)
            try shorts.withUnsafeMutableBufferPointer { shorts in
                edition_float_to_pcm16(base + done, shorts.baseAddress!, Int32(n))
                try write(UnsafeBufferPointer(rebasing: shorts[0..<n]))
            }
            done += n
        }
    }

    /// One block's 16-bit samples, reused.
    private lazy var shorts = [Int16](repeating: 0, count: SoundFile.largestWrite)

    /// `samples` through libsndfile's `call` at most `largestWrite` at a time.
    private func write<T>(_ samples: UnsafeBufferPointer<T>, _ call: (UnsafePointer<T>, sf_count_t) -> sf_count_t) throws {
        guard let base = samples.baseAddress else { return }
        var done = 0
        while done < samples.count {
            let n = min(Self.largestWrite, samples.count - done)
            guard call(base + done, sf_count_t(n)) == n else { throw AudioError.write(path, lastError) }
            done += n
        }
        frames += samples.count / channels
    }

    /// Reads up to `buffer.count` samples; returns how many were read (0 at the end).
    public func read(into buffer: UnsafeMutableBufferPointer<Int16>) -> Int {
        Int(sf_read_short(handle, buffer.baseAddress, sf_count_t(buffer.count)))
    }

    public func read(into buffer: UnsafeMutableBufferPointer<Float>) -> Int {
        Int(sf_read_float(handle, buffer.baseAddress, sf_count_t(buffer.count)))
    }

    /// Reads up to `frames` frames mixed down to mono (the average of the channels) into
    /// `mono`, replacing its contents; returns the number of frames read (0 at the end).
    public func readMono(frames: Int, into mono: inout [Float]) -> Int {
        var interleaved = [Float](repeating: 0, count: frames * channels)
        let n = interleaved.withUnsafeMutableBufferPointer { read(into: $0) } / channels
        mono.removeAll(keepingCapacity: true)
        guard n > 0 else { return 0 }
        if channels == 1 { mono.append(contentsOf: interleaved[0..<n]); return n }
        for i in 0..<n {
            var sum: Float = 0
            for c in 0..<channels { sum += interleaved[i * channels + c] }
            mono.append(sum / Float(channels))
        }
        return n
    }

    /// Every sample of the file.
    public func readAll() -> [Int16] {
        var samples = [Int16](repeating: 0, count: frames * channels)
        let n = samples.withUnsafeMutableBufferPointer { read(into: $0) }
        return Array(samples.prefix(n))
    }

    /// Cue points with the names libsndfile read from `labl` chunks.
    public func cues() -> [(position: Int, name: String)] {
        let capacity = 4096
        var positions = [UInt32](repeating: 0, count: capacity)
        var names = [CChar](repeating: 0, count: capacity * 256)
        let n = Int(edition_sf_get_cues(handle, &positions, &names, UInt32(capacity)))
        return (0..<n).map { i in
            let name = names[(i * 256)..<(i * 256 + 256)].withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return (Int(positions[i]), name)
        }
    }

    public func string(_ key: Int32) -> String? {
        sf_get_string(handle, key).map { String(cString: $0) }
    }

    /// Closes the file, flushing headers; errors are reported, not swallowed.
    public func close() throws {
        guard let h = handle else { return }
        handle = nil
        let status = sf_close(h)
        guard status == 0 else { throw AudioError.write(path, String(cString: sf_error_number(status))) }
    }

    private var lastError: String { String(cString: sf_strerror(handle)) }

    private func check(_ status: Int32, _ what: String) throws {
        guard status == 0 else { throw AudioError.write(path, "cannot \(what): \(String(cString: sf_error_number(status)))") }
    }

    private static func open(_ path: String, _ mode: Int32, _ info: inout SF_INFO) throws -> OpaquePointer {
        try openLock.withLock { _ in
            guard let handle = sf_open(path, mode, &info) else {
                throw AudioError.open(path, String(cString: sf_strerror(nil)))
            }
            return handle
        }
    }
}

extension SoundFile {
    /// 16-bit PCM in RF64 that downgrades itself to plain RIFF WAV when it stays under 4 GiB.
    public static let wav16 = Int32(SF_FORMAT_RF64 | SF_FORMAT_PCM_16)
    /// The encoded formats Debian's libsndfile writes (MP3 through LAME, with its Xing/Info
    /// gapless frame). Opus takes 8/12/16/24/48 kHz only.
    public static let mp3 = Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III)
    public static let flac16 = Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
    public static let oggOpus = Int32(SF_FORMAT_OGG | SF_FORMAT_OPUS)
    public static let oggVorbis = Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
    public static let title = Int32(SF_STR_TITLE)
    public static let artist = Int32(SF_STR_ARTIST)
    public static let date = Int32(SF_STR_DATE)
    public static let comment = Int32(SF_STR_COMMENT)
    public static let software = Int32(SF_STR_SOFTWARE)
    public static let album = Int32(SF_STR_ALBUM)
}

public enum AudioError: LocalizedError {
    case open(String, String)
    case write(String, String)

    public var errorDescription: String? {
        switch self {
        case .open(let path, let why): return "\(path): cannot open audio file (\(why))"
        case .write(let path, let why): return "\(path): cannot write audio (\(why))"
        }
    }
}
