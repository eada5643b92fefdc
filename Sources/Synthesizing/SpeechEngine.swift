import CEspeakNG
import EditionCore
import Foundation

/// The one owner of espeak-ng in a process. espeak-ng keeps all its state in globals and
/// cannot run in two threads, so there is exactly one engine per worker process and it is
/// deliberately not `Sendable`.
public final class SpeechEngine {
    public let sampleRate: Int
    private var settings: EngineSettings?

    public init(dataPath: String? = nil) throws {
        espeak_ng_InitializePath(dataPath)
        var context: espeak_ng_ERROR_CONTEXT? = nil
        try Self.check(espeak_ng_Initialize(&context), "initialise espeak-ng")
        try Self.check(espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nil), "open espeak-ng output")
        sampleRate = Int(espeak_ng_GetSampleRate())
        espeak_SetSynthCallback { wav, count, events in
            guard let events, let box = events.pointee.user_data else { return 0 }
            let sink = Unmanaged<TakeSink>.fromOpaque(box).takeUnretainedValue()
            var event = events
            while event.pointee.type != espeakEVENT_LIST_TERMINATED {
                if event.pointee.type == espeakEVENT_WORD {
                    sink.words.append(WordEvent(textPosition: Int(event.pointee.text_position) - 1,
                                                length: Int(event.pointee.length),
                                                sample: Int(event.pointee.sample)))
                }
                event += 1
            }
            if let wav, count > 0 { sink.receive(UnsafeBufferPointer(start: wav, count: Int(count))) }
            return 0
        }
    }

    /// Speaks one chunk. `phonemes` enables `[[...]]` inline phoneme notation (lexicon entries).
    public func speak(_ text: String, settings: EngineSettings, phonemes: Bool = true) throws -> Take {
        let sink = TakeSink()
        // Room for the take up front (about 1,500 samples a character at newsreader rates).
        sink.samples.reserveCapacity(text.utf8.count * 2048 + sampleRate)
        try synthesize(text, settings: settings, phonemes: phonemes, into: sink)
        return Take(sampleRate: sampleRate, samples: sink.samples, words: sink.clampedWords)
    }

    /// Speaks one chunk, handing the PCM to `stream` block by block as the engine makes it,
    /// and returns the word events. A forked speaker streams straight into its pipe: a buffer
    /// for the whole take would cost it a page fault per 4 KB.
    public func speak(_ text: String, settings: EngineSettings, phonemes: Bool = true,
                      stream: @escaping (UnsafeBufferPointer<Int16>) -> Void) throws -> [WordEvent] {
        let sink = TakeSink()
        sink.stream = stream
        try synthesize(text, settings: settings, phonemes: phonemes, into: sink)
        return sink.clampedWords
    }

    private func synthesize(_ text: String, settings: EngineSettings, phonemes: Bool, into sink: TakeSink) throws {
        try apply(settings)
        let box = Unmanaged.passRetained(sink)
        defer { box.release() }
        var utf8 = Array(text.utf8CString)
        let status = utf8.withUnsafeMutableBytes { bytes in
            espeak_ng_Synthesize(bytes.baseAddress, bytes.count, 0, POS_CHARACTER, 0,
                                 edition_espeak_flags(phonemes ? 1 : 0), nil, box.toOpaque())
        }
        try Self.check(status, "synthesize")
    }

    /// Loads the voice and sets its parameters, once per change of settings. A worker calls it
    /// before it forks its speakers, so each child starts with the voice loaded.
    public func apply(_ new: EngineSettings) throws {
        guard new != settings else { return }
        let status = new.voiceName.withCString { espeak_ng_SetVoiceByName($0) }
        guard status == ENS_OK else { throw SynthesisError.unknownVoice(new.voiceName) }
        try Self.check(espeak_ng_SetParameter(espeakRATE, Int32(new.rate), 0), "set rate")
        try Self.check(espeak_ng_SetParameter(espeakPITCH, Int32(new.pitch), 0), "set pitch")
        try Self.check(espeak_ng_SetParameter(espeakRANGE, Int32(new.range), 0), "set range")
        try Self.check(espeak_ng_SetParameter(espeakVOLUME, Int32(new.volume), 0), "set volume")
        try Self.check(espeak_ng_SetParameter(espeakWORDGAP, Int32(new.wordGap), 0), "set word gap")
        settings = new
    }

    static func check(_ status: espeak_ng_STATUS, _ what: String) throws {
        guard status != ENS_OK else { return }
        var buffer = [CChar](repeating: 0, count: 512)
        espeak_ng_GetStatusCodeMessage(status, &buffer, buffer.count)
        throw SynthesisError.engine("\(what): \(String(cString: buffer))")
    }
}

/// Collects what the synthesis callback delivers for one call: the PCM kept or streamed on.
private final class TakeSink {
    var samples: [Int16] = []
    var stream: ((UnsafeBufferPointer<Int16>) -> Void)?
    var count = 0
    var words: [WordEvent] = []

    func receive(_ block: UnsafeBufferPointer<Int16>) {
        count += block.count
        if let stream { stream(block) } else { samples.append(contentsOf: block) }
    }

    /// espeak counts `sample` from the start of each Synthesize call; events may be reported
    /// before their audio arrives, so they are clamped into the audio.
    var clampedWords: [WordEvent] {
        words.map { WordEvent(textPosition: $0.textPosition, length: $0.length, sample: min($0.sample, count)) }
    }
}

extension SpeechEngine {
    /// espeak-ng's version and data path, e.g. "1.51 /usr/lib/x86_64-linux-gnu/espeak-ng-data":
    /// part of every cache key, since another version speaks differently. Safe without initialising.
    public static let version: String = {
        var path: UnsafePointer<CChar>?
        let version = espeak_Info(&path).map { String(cString: $0) } ?? "unknown"
        return "espeak-ng \(version) \(path.map { String(cString: $0) } ?? "")"
    }()
}
