import Audio
import Building
import Settings
import EditionCore
import Assembling
import EditionTestSupport
import Foundation
import Synthesizing
import XCTest

/// Word timing comes from espeak-ng's own WORD events; these tests hold it against the audio.
final class TimingTests: XCTestCase {
    static let article = """
        Timing test headline

        The committee met on Monday. Officials said the river rose quickly overnight.

        Repairs will begin soon. Residents are asked to stay away from the banks.
        """

    var dir: URL!
    var profile: VoiceProfile!
    var narration: Narration!
    var samples: [Int16] = []
    var words: [TimedText] = []
    var sentences: [TimedText] = []
    var rate: Int { narration.timeline.sampleRate }

    /// One narration for the whole class: every test reads the same files.
    static let fixture = Result { () throws -> (dir: URL, narration: Narration) in
        let dir = try TestEnvironment.scratchDirectory("timing")
        let source = try TestEnvironment.write(Data(article.utf8), named: "t.txt", in: dir)
        return (dir, try TestNarrator.narrate(source.path, into: dir))
    }

    override class func tearDown() {
        if let dir = try? fixture.get().dir { try? FileManager.default.removeItem(at: dir) }
    }

    override func setUpWithError() throws {
        (dir, narration) = try Self.fixture.get()
        profile = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news")
        words = try narration.timeline.allWords()
        sentences = try narration.timeline.allSentences()
        samples = try SoundFile(readingFrom: dir.appendingPathComponent("timing-test-headline.wav").path).readAll()
    }


    func testWordCuesAreMonotonicInsideTheAudioAndOnePerSourceWord() throws {
        let vtt = try String(contentsOf: dir.appendingPathComponent("timing-test-headline.vtt"), encoding: .utf8)
        let cues = try WebVTTParser.parse(vtt)
        let spokenWords = sentences.flatMap { $0.text.split(separator: " ") }
        XCTAssertEqual(cues.count, spokenWords.count, "one cue per spoken source word")
        XCTAssertEqual(cues.map(\.text), spokenWords.map { String($0) })
        let duration = Double(samples.count) / Double(rate)
        var previousEnd = 0.0
        for cue in cues {
            XCTAssertGreaterThanOrEqual(cue.start, previousEnd, "\(cue.text) starts before the previous cue ended")
            XCTAssertGreaterThan(cue.end, cue.start)
            XCTAssertLessThanOrEqual(cue.end, duration + 0.001)
            previousEnd = cue.end
        }
    }

    func testFirstWordStartsAtTheAcousticOnset() throws {
        // 10 ms frames; the onset is the first frame whose RMS rises above -40 dBFS.
        let frame = rate / 100
        var onset: Int?
        for start in stride(from: 0, to: samples.count - frame, by: frame) {
            let rms = sqrt(samples[start..<start + frame].reduce(0.0) { $0 + Double($1) * Double($1) } / Double(frame))
            if rms > 328 { onset = start; break }
        }
        let first = try XCTUnwrap(words.first)
        let onsetSeconds = Double(try XCTUnwrap(onset)) / Double(rate)
        XCTAssertEqual(Double(first.start) / Double(rate), onsetSeconds, accuracy: 0.05)
        // And every sentence's first word, too: each starts at its own onset after a pause.
        for sentence in sentences.dropFirst() {
            let word = try XCTUnwrap(words.first { $0.start >= sentence.start })
            let window = samples[sentence.start..<min(samples.count, sentence.start + rate / 10)]
            let firstLoud = try XCTUnwrap(window.firstIndex { abs(Int($0)) > 1000 })
            XCTAssertEqual(Double(word.start) / Double(rate), Double(firstLoud) / Double(rate), accuracy: 0.05, sentence.text)
        }
    }

    func testChapterMarkersAgreeWithTheChaptersJSON() throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("timing-test-headline.chapters.json"))) as? [String: Any]
        let chapters = try XCTUnwrap(json?["chapters"] as? [[String: Any]])
        let cues = try SoundFile(readingFrom: dir.appendingPathComponent("timing-test-headline.wav").path).cues()
        XCTAssertEqual(chapters.count, cues.count)
        for (chapter, cue) in zip(chapters, cues) {
            let start = try XCTUnwrap(chapter["startTime"] as? Double)
            XCTAssertEqual(start * Double(rate), Double(cue.position), accuracy: Double(rate) / 1000, "startTime × rate is the cue sample")
        }
    }

    func testPausesHaveTheirPlannedLengths() throws {
        // Silent gaps between sentences, measured on the audio, against the script's pause plan.
        var gaps: [Int] = []
        var run = 0
        for s in samples {
            if abs(Int(s)) <= 200 { run += 1 } else { if run > rate / 10 { gaps.append(run) }; run = 0 }
        }
        let planned = sentences.indices.dropLast().map { i in
            sentences[i + 1].start - sentences[i].end
        }
        let p = profile.pauses
        let expected = [p.chapter, p.sentence, p.paragraph, p.sentence].map { Double($0) * Double(rate) / 1000 }
        // A pause may run up to one grid step (576 samples at 22.05 kHz) long, to end on the grid.
        let step = Double(ProgrammeRecorder.pauseGrid * rate) / 22050
        for (plan, want) in zip(planned, expected) {
            XCTAssertGreaterThanOrEqual(Double(plan), want - Double(rate) / 1000)
            XCTAssertLessThan(Double(plan), want + step + Double(rate) / 1000)
        }
        XCTAssertEqual(planned.count, expected.count,
                       "the headline, then two paragraphs of two sentences")
        XCTAssertEqual(gaps.count, planned.count, "one audible gap per planned pause, none elsewhere")
        for (gap, plan) in zip(gaps, planned) {
            XCTAssertEqual(Double(gap) * 1000 / Double(rate), Double(plan) * 1000 / Double(rate), accuracy: 10, "pause within ±10 ms of its plan")
        }
    }

    func testSRTAndJSONTranscriptsShareTheTimeline() throws {
        let srt = try String(contentsOf: dir.appendingPathComponent("timing-test-headline.srt"), encoding: .utf8)
        let blocks = srt.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        XCTAssertEqual(blocks.count, sentences.count)
        XCTAssertTrue(blocks[1].hasPrefix("2\n"))
        XCTAssertTrue(blocks[1].contains(" --> "))
        XCTAssertTrue(blocks[1].hasSuffix("The committee met on Monday."), blocks[1])

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("timing-test-headline.transcript.json"))) as? [String: Any]
        XCTAssertEqual(json?["version"] as? String, "1.0.0")
        let segments = try XCTUnwrap(json?["segments"] as? [[String: Any]])
        XCTAssertEqual(segments.count, words.count)
        XCTAssertEqual(segments.first?["body"] as? String, "Timing")
        XCTAssertNotNil(segments.last?["endTime"] as? Double)
    }
}

/// A strict WebVTT reader for tests (W3C): the header, then cues of optional id, timing line and text.
enum WebVTTParser {
    struct Cue { var start: Double; var end: Double; var text: String }
    struct Invalid: Error { var why: String }

    static func parse(_ text: String) throws -> [Cue] {
        guard text.hasPrefix("WEBVTT") else { throw Invalid(why: "no WEBVTT header") }
        var cues: [Cue] = []
        for block in text.components(separatedBy: "\n\n").dropFirst() where !block.isEmpty {
            var lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if !lines[0].contains("-->") { lines.removeFirst() }
            guard lines.count >= 2 else { throw Invalid(why: "cue without text: \(block)") }
            let parts = lines[0].components(separatedBy: " --> ")
            guard parts.count == 2, let start = seconds(parts[0]), let end = seconds(parts[1]) else {
                throw Invalid(why: "bad timing line: \(lines[0])")
            }
            let payload = lines.dropFirst().joined(separator: "\n")
            guard !payload.contains("-->"), !payload.contains("<"), !payload.contains("&") || payload.contains(";") else {
                throw Invalid(why: "unescaped cue text: \(payload)")
            }
            cues.append(Cue(start: start, end: end, text: payload))
        }
        return cues
    }

    static func seconds(_ stamp: String) -> Double? {
        let pieces = stamp.split(separator: ":")
        guard pieces.count == 3, pieces[0].count == 2, pieces[1].count == 2, pieces[2].count == 6,
              let h = Double(pieces[0]), let m = Double(pieces[1]), let s = Double(pieces[2]), m < 60, s < 60 else { return nil }
        return h * 3600 + m * 60 + s
    }
}
