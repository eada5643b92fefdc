import EditionCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Parent → worker: speak these texts one after another in one speaker, with these settings,
/// within `deadline` seconds.
struct SynthesisRequest: Codable {
    var texts: [String]
    var settings: EngineSettings
    var deadline: Double
}

/// Worker → parent: the header of a reply; the PCM of every take follows, one after another,
/// as the frame's payload. A failure is the request's (the forked speaker crashed or hung, or
/// espeak-ng refused a text); the worker itself goes on.
struct SynthesisReply: Codable {
    /// One text's take: how many samples of the payload are its, and its words.
    struct Spoken: Codable {
        var samples: Int
        var words: [WordEvent]
    }

    var sampleRate: Int
    var takes: [Spoken]
    var failure: ChunkFailure?

    static func failing(_ failure: ChunkFailure, sampleRate: Int) -> Frame {
        let reply = SynthesisReply(sampleRate: sampleRate, takes: [], failure: failure)
        return Frame(header: (try? JSONEncoder().encode(reply)) ?? Data(), payload: Data())
    }
}

/// How a process ended, from `waitpid`'s status.
struct ExitStatus: CustomStringConvertible {
    var raw: Int32

    var signal: Int32? {
        let signal = raw & 0x7f
        return signal != 0 && signal != 0x7f ? signal : nil
    }
    var exitedCleanly: Bool { raw & 0x7f == 0 && (raw >> 8) & 0xff == 0 }

    var description: String {
        if raw == -1 { return "ended unobserved" }
        if let signal { return "killed by signal \(signal)" }
        return "exited with status \((raw >> 8) & 0xff)"
    }

    /// Waits for `pid`, EINTR-safe. nil only when not `blocking` and it is still running; a
    /// pid that is not (or no longer) our child gives `raw == -1`.
    static func wait(for pid: pid_t, blocking: Bool = true) -> ExitStatus? {
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if r == pid { return ExitStatus(raw: status) }
            if r == 0 { return nil }
            if errno == EINTR { continue }
            return ExitStatus(raw: -1)
        }
    }
}

extension Take {
    /// The frame payload's little-endian samples.
    static func samples(from data: Data) -> [Int16] {
        var samples = [Int16](unsafeUninitializedCapacity: data.count / 2) { buffer, count in
            count = data.copyBytes(to: UnsafeMutableRawBufferPointer(buffer)) / 2
        }
        #if _endian(big)
        samples = samples.map { Int16(littleEndian: $0) }
        #endif
        return samples
    }
}
