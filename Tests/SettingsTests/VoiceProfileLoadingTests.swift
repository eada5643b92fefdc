import Settings
import EditionCore
import EditionTestSupport
import Foundation
import XCTest

/// Voice profiles load through the one config reader: unknown keys at every level are refused
/// with the nearest known key, and every problem names the file, the line and the key.
final class VoiceProfileLoadingTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try TestEnvironment.scratchDirectory("voices") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Writes `yaml` as `name.yaml` and returns the message loading it gives (nil if it loads).
    func error(_ yaml: String, name: String = "test") throws -> String? {
        let url = try TestEnvironment.write(Data(yaml.utf8), named: "\(name).yaml", in: dir)
        do {
            _ = try VoiceProfile.load(url)
            return nil
        } catch let error as ConfigError {
            XCTAssertEqual(error.file, url.path)
            return error.localizedDescription
        }
    }

    var path: String { dir.appendingPathComponent("test.yaml").path }

    func testShippedProfilesLoadWithTheirValues() throws {
        let library = VoiceLibrary(directory: TestEnvironment.voicesDirectory)
        XCTAssertEqual(try library.names(), ["en-gb-news", "en-us-news", "uk-news"])
        XCTAssertEqual(try library.all().map(\.name), ["en-gb-news", "en-us-news", "uk-news"])

        let us = try library.profile(named: "en-us-news")
        XCTAssertEqual(us.language, "en-US")
        XCTAssertEqual(us.description, "US English newsreader, measured and clear")
        XCTAssertEqual(us.engine, EngineSettings(voice: "en-us", variant: "m2", rate: 155, pitch: 50, range: 50, volume: 100, wordGap: 1))
        XCTAssertEqual(us.engine.voiceName, "en-us+m2", "the variant the listening check heard best, joined with +")
        XCTAssertEqual(try library.profile(named: "en-gb-news").engine.voiceName, "en-gb-x-rp+m1", "a variant joins with +")
        XCTAssertEqual(us.pauses, PausePlan(clause: 150, sentence: 400, paragraph: 750, heading: 600, chapter: 1200, quote: 300))
        XCTAssertEqual(us.mastering, MasteringPlan(loudness: -16, truePeak: -1.5, sampleRate: 44100))
        XCTAssertTrue(us.mastering.normalize)
        XCTAssertEqual(us.lexiconFiles, ["lexicons/ukraine-en.yaml"])
        // The shared lexicon's entries, in the file's order, then the voice's own ("of", stressed).
        XCTAssertEqual(us.lexicon.entries.count, 40)
        XCTAssertEqual(us.lexicon.entries.first, Lexicon.Entry(word: "Kyiv", say: "[[k'i:v]]"))
        XCTAssertEqual(us.lexicon.entries.last, Lexicon.Entry(word: "of", say: "[[,Vv]]"))
        XCTAssertTrue(us.lexicon.entries.allSatisfy(\.isPhonemes))

        let gb = try library.profile(named: "en-gb-news")
        XCTAssertEqual(gb.language, "en-GB")
        XCTAssertEqual(gb.engine, EngineSettings(voice: "en-gb-x-rp", variant: "m1", rate: 160, pitch: 42, range: 40, volume: 100))
        XCTAssertEqual(gb.pauses.sentence, 420)
        XCTAssertEqual(gb.pauses.chapter, 1300)
        XCTAssertEqual(gb.lexicon.entries, Array(us.lexicon.entries.dropLast()), "the shared names, without en-us-news's own entry")

        let uk = try library.profile(named: "uk-news")
        XCTAssertEqual(uk.language, "uk")
        XCTAssertEqual(uk.engine.voiceName, "uk")
        XCTAssertEqual(uk.engine.rate, 145)
        XCTAssertEqual(uk.pauses.sentence, 450)
        XCTAssertEqual(uk.lexiconFiles, ["lexicons/ukraine-uk.yaml"])
        // Stress espeak-ng gets wrong, as phonemes: it ignores U+0301 in the text.
        XCTAssertTrue(uk.lexicon.entries.contains { $0.word == "Дніпро" && $0.say == "[[dnip@-r'o]]" })
        XCTAssertTrue(uk.lexicon.entries.allSatisfy(\.isPhonemes))
    }

    func testOnlyTheEngineVoiceIsRequired() throws {
        let url = try TestEnvironment.write(Data("engine:\n  voice: en-us\n".utf8), named: "plain.yaml", in: dir)
        let profile = try VoiceProfile.load(url)
        XCTAssertEqual(profile, VoiceProfile(name: "plain", engine: EngineSettings(voice: "en-us")))
        XCTAssertEqual(try error("pauses:\n  sentence: 100\n"), "\(path): `engine` is missing")
        let gapped = try TestEnvironment.write(Data("engine:\n  voice: en-us\n  wordGap: 2\n".utf8), named: "gapped.yaml", in: dir)
        XCTAssertEqual(try VoiceProfile.load(gapped).engine.wordGap, 2)
        XCTAssertEqual(try error("engine:\n  voice: en-us\n  wordGap: 90\n").map { $0.contains("wordGap") }, true)
        XCTAssertEqual(try error("name: x\nengine:\n  rate: 165\n"), "\(path):3: `engine.voice` is missing")
        XCTAssertEqual(try error(""), "\(path): must be a mapping of keys to values (`engine:` with `voice:` under it)")
    }

    func testUnknownVoiceListsTheChoices() {
        let library = VoiceLibrary(directory: TestEnvironment.voicesDirectory)
        XCTAssertThrowsError(try library.profile(named: "robot")) {
            XCTAssertEqual($0 as? VoiceProfileError, .unknown("robot", choices: ["en-gb-news", "en-us-news", "uk-news"]))
            XCTAssertEqual($0.localizedDescription, "no voice named 'robot'; choose one of: en-gb-news, en-us-news, uk-news")
        }
    }

    func testMisspeltKeysSuggestTheNearestAtEveryLevel() throws {
        XCTAssertEqual(try error("engin:\n  voice: en-us\n"), "\(path):1: unknown key `engin`; did you mean `engine`?")
        XCTAssertEqual(try error("engine: {voice: en-us}\npauses: {sentance: 400}\n"),
                       "\(path):2: unknown key `pauses.sentance`; did you mean `pauses.sentence`?")
        XCTAssertEqual(try error("engine:\n  voice: en-us\n  Rate: 160\n"), "\(path):3: unknown key `engine.Rate`; did you mean `engine.rate`?")
        XCTAssertEqual(try error("engine: {voice: en-us}\nmastering:\n  true_peak: -1\n"),
                       "\(path):3: unknown key `mastering.true_peak`; did you mean `mastering.truePeak`?")
        XCTAssertEqual(try error("engine: {voice: en-us}\nlexicon:\n  - wrod: Kyiv\n    say: x\n"),
                       "\(path):3: unknown key `lexicon.wrod`; did you mean `lexicon.word`?")
        // Nothing close: the block's keys are listed.
        XCTAssertEqual(try error("engine:\n  voice: en-us\n  colour: red\n"),
                       "\(path):3: unknown key `engine.colour`; `engine` has `voice`, `variant`, `rate`, `pitch`, `range`, `volume` and `wordGap`")
        XCTAssertEqual(try error("engine: {voice: en-us}\nspeed: 3\n"),
                       "\(path):2: unknown key `speed`; the keys are `name`, `description`, `language`, `engine`, `pauses`, "
                       + "`mastering`, `lexiconFiles`, `lexicon`")
    }

    func testWrongTypesAndOutOfRangeValuesNameFileLineAndKey() throws {
        XCTAssertEqual(try error("engine:\n  voice: en-us\n  rate: fast\n"), "\(path):3: `engine.rate` must be a whole number (got \"fast\")")
        XCTAssertEqual(try error("engine:\n  voice: en-us\n  rate: 40\n"), "\(path):3: `engine.rate` must be 80–449 (got 40)")
        XCTAssertEqual(try error("engine:\n  voice: en-us\n  volume: 250\n"), "\(path):3: `engine.volume` must be 0–199 (got 250)")
        XCTAssertEqual(try error("engine: {voice: en-us}\npauses:\n  chapter: -5\n"), "\(path):3: `pauses.chapter` must be 0–10000 (got -5)")
        XCTAssertEqual(try error("engine: {voice: en-us}\npauses: 400\n"),
                       "\(path):2: `pauses` must be a mapping of keys to values such as `clause: …`, `sentence: …` (got \"400\")")
        XCTAssertEqual(try error("engine: {voice: en-us}\nmastering: {loudness: -50}\n"),
                       "\(path):2: `mastering.loudness` must be −40…−5 LUFS (got -50)")
        XCTAssertEqual(try error("engine: {voice: en-us}\nmastering: {loudness: loud}\n"),
                       "\(path):2: `mastering.loudness` must be a number (got \"loud\")")
        XCTAssertEqual(try error("engine: {voice: en-us}\nmastering:\n  sampleRate: 32000\n"),
                       "\(path):3: `mastering.sampleRate` must be 22050, 44100 or 48000 (got 32000)")
        XCTAssertEqual(try error("engine: {voice: en-us}\nmastering:\n  normalize: maybe\n"),
                       "\(path):3: `mastering.normalize` must be true or false (got \"maybe\")")
        XCTAssertEqual(try error("engine:\n  voice: [en-us]\n"), "\(path):2: `engine.voice` must be text")
        XCTAssertEqual(try error("engine: {voice: en-us}\nlexicon:\n  - word: Kyiv\n"), "\(path):3: `lexicon.say` is missing")
        XCTAssertEqual(try error("engine: {voice: en-us}\nlexicon:\n  - {word: \" \", say: x}\n"), "\(path):3: `lexicon.word` is empty")
        XCTAssertEqual(try error("engine: {voice: en-us}\nlexiconFiles: names.yaml\n"),
                       "\(path):2: `lexiconFiles` must be a list (got \"names.yaml\")")
    }

    func testYAMLMistakesNameTheLine() throws {
        XCTAssertEqual(try error("engine:\n  voice: en-us\n  rate: [160\n"), "\(path):4: is not valid YAML: did not find expected ',' or ']'")
        XCTAssertEqual(try error("engine:\n  voice: en-us\n  voice: en-gb\n"), "\(path): `voice` is given twice")
        XCTAssertEqual(try error("engine: {voice: en-us}\n[a]: b\n"), "\(path):2: keys must be plain words such as `name`")
    }

    func testLexiconFilesComeFirstAndTheirMistakesNameTheirOwnFile() throws {
        let lexicons = dir.appendingPathComponent("lexicons")
        try FileManager.default.createDirectory(at: lexicons, withIntermediateDirectories: true)
        let shared = try TestEnvironment.write(Data("- word: Kyiv\n  say: Keev\n- word: NATO\n  say: Nay-toe\n  caseSensitive: true\n".utf8),
                                               named: "names.yaml", in: lexicons)
        let url = try TestEnvironment.write(Data("""
            engine: {voice: en-us}
            lexiconFiles: [lexicons/names.yaml]
            lexicon:
              - word: Kyiv
                say: "[[k'i:v]]"
            """.utf8), named: "mine.yaml", in: dir)
        let profile = try VoiceProfile.load(url)
        XCTAssertEqual(profile.lexicon.entries, [Lexicon.Entry(word: "Kyiv", say: "Keev"),
                                                 Lexicon.Entry(word: "NATO", say: "Nay-toe", caseSensitive: true),
                                                 Lexicon.Entry(word: "Kyiv", say: "[[k'i:v]]")])

        try Data("- word: Kyiv\n  say: Keev\n  casesensitive: true\n".utf8).write(to: shared)
        XCTAssertThrowsError(try VoiceProfile.load(url)) {
            XCTAssertEqual($0.localizedDescription, "\(shared.path):3: unknown key `casesensitive`; did you mean `caseSensitive`?")
        }
        try Data("word: Kyiv\n".utf8).write(to: shared)
        XCTAssertThrowsError(try VoiceProfile.load(url)) {
            XCTAssertEqual($0.localizedDescription, "\(shared.path): must be a list of `word`/`say` entries")
        }
        XCTAssertEqual(try error("engine: {voice: en-us}\nlexiconFiles:\n  - lexicons/missing.yaml\n"),
                       "\(path):3: `lexiconFiles`: `lexicons/missing.yaml` cannot be read")
    }

    func testAFileThatCannotBeReadIsNamed() {
        let url = dir.appendingPathComponent("absent.yaml")
        XCTAssertThrowsError(try VoiceProfile.load(url)) {
            let error = $0 as? ConfigError
            XCTAssertEqual(error?.file, url.path)
            XCTAssertNil(error?.line)
            XCTAssertTrue(error?.problem.hasPrefix("cannot be read") ?? false, $0.localizedDescription)
        }
    }
}
