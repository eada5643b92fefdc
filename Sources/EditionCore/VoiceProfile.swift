import Foundation

/// A narrator: which espeak-ng voice speaks, how fast and how high, how long it pauses,
/// and how it says the names the engine gets wrong. Loaded from `Voices/<name>.yaml` by
/// `VoiceProfile.load` (in Settings), which fills in the defaults below for what a file leaves out.
public struct VoiceProfile: Codable, Sendable, Equatable {
    public var name: String
    public var description: String
    /// BCP 47 tag that picks the normalizer's rules: "en-US", "en-GB", "uk".
    public var language: String
    public var engine: EngineSettings
    public var pauses: PausePlan
    public var lexicon: Lexicon
    /// Shared lexicon files (YAML lists of entries), relative to the profile.
    public var lexiconFiles: [String] = []
    public var mastering: MasteringPlan

    public init(name: String, description: String = "", language: String = "en-US",
                engine: EngineSettings = EngineSettings(), pauses: PausePlan = PausePlan(),
                lexicon: Lexicon = Lexicon(), mastering: MasteringPlan = MasteringPlan()) {
        self.name = name
        self.description = description
        self.language = language
        self.engine = engine
        self.pauses = pauses
        self.lexicon = lexicon
        self.mastering = mastering
    }
}

/// The espeak-ng parameters of a profile, in espeak-ng's own units.
public struct EngineSettings: Codable, Sendable, Equatable, Hashable {
    /// espeak-ng voice name, e.g. "en-us", "en-gb-x-rp", "uk".
    public var voice: String
    /// Optional variant, e.g. "m3" or "f2" (joined as "en-us+m3").
    public var variant: String?
    /// Words per minute, 80–450.
    public var rate: Int
    /// Base pitch 0–99.
    public var pitch: Int
    /// Pitch range 0–99.
    public var range: Int
    /// Amplitude 0–200; 100 is espeak-ng's default.
    public var volume: Int
    /// Extra silence between words, in 10 ms units (espeak-ng's `-g`); 0 is espeak-ng's default.
    public var wordGap: Int

    public init(voice: String = "en-us", variant: String? = nil, rate: Int = 165,
                pitch: Int = 45, range: Int = 50, volume: Int = 100, wordGap: Int = 0) {
        self.voice = voice
        self.variant = variant
        self.rate = rate
        self.pitch = pitch
        self.range = range
        self.volume = volume
        self.wordGap = wordGap
    }

    // Settings recorded before `wordGap` existed (journals, service records) still decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(voice: try c.decode(String.self, forKey: .voice), variant: try c.decodeIfPresent(String.self, forKey: .variant),
                  rate: try c.decode(Int.self, forKey: .rate), pitch: try c.decode(Int.self, forKey: .pitch),
                  range: try c.decode(Int.self, forKey: .range), volume: try c.decode(Int.self, forKey: .volume),
                  wordGap: try c.decodeIfPresent(Int.self, forKey: .wordGap) ?? 0)
    }

    /// The name espeak_ng_SetVoiceByName takes.
    public var voiceName: String {
        guard let variant, !variant.isEmpty else { return voice }
        return "\(voice)+\(variant)"
    }
}

/// Silences in milliseconds, inserted as samples between what the engine speaks.
public struct PausePlan: Codable, Sendable, Equatable, Hashable {
    /// After a clause of a long sentence that was split.
    public var clause: Int
    public var sentence: Int
    public var paragraph: Int
    public var heading: Int
    public var chapter: Int
    /// Before and after a quotation block.
    public var quote: Int

    public init(clause: Int = 150, sentence: Int = 400, paragraph: Int = 750,
                heading: Int = 600, chapter: Int = 1200, quote: Int = 300) {
        self.clause = clause
        self.sentence = sentence
        self.paragraph = paragraph
        self.heading = heading
        self.chapter = chapter
        self.quote = quote
    }
}

/// Pronunciations a profile overrides: a whole word or phrase → a respelling,
/// or espeak phonemes written as `[[...]]`.
public struct Lexicon: Codable, Sendable, Equatable, Hashable {
    public struct Entry: Codable, Sendable, Equatable, Hashable {
        /// The word or phrase as written.
        public var word: String
        /// A respelling ("Kee-iv") or espeak phonemes ("[[k'i:v]]").
        public var say: String
        /// Match the case exactly ("US" but not "us"); default is case-insensitive.
        public var caseSensitive: Bool

        public init(word: String, say: String, caseSensitive: Bool = false) {
            self.word = word
            self.say = say
            self.caseSensitive = caseSensitive
        }
        /// True when `say` is espeak phoneme notation rather than a respelling.
        public var isPhonemes: Bool { say.hasPrefix("[[") && say.hasSuffix("]]") }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry] = []) { self.entries = entries }

    public init(from decoder: Decoder) throws {
        entries = try decoder.singleValueContainer().decode([Entry].self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(entries)
    }
}

/// How the finished programme is mastered: one gain for the whole programme to reach the
/// loudness target (EBU R128 / BS.1770), a true-peak ceiling, the output rate, and optional
/// intro and outro audio files placed at the start and end.
public struct MasteringPlan: Codable, Sendable, Equatable, Hashable {
    /// Integrated loudness target in LUFS; Apple asks for −16 ±1.
    public var loudness: Double
    /// True-peak ceiling in dBTP.
    public var truePeak: Double
    /// Output sample rate: 44100 or 48000 (Opus is always 48000).
    public var sampleRate: Int
    public var introAudio: String?
    public var outroAudio: String?
    /// False writes the engine's levels untouched: no loudness gain, no limiter (for those who
    /// master elsewhere, and for like-for-like speed comparisons with plain espeak-ng).
    public var normalize: Bool = true

    public init(loudness: Double = -16, truePeak: Double = -1, sampleRate: Int = 44100,
                introAudio: String? = nil, outroAudio: String? = nil) {
        self.loudness = loudness
        self.truePeak = truePeak
        self.sampleRate = sampleRate
        self.introAudio = introAudio
        self.outroAudio = outroAudio
    }
}
