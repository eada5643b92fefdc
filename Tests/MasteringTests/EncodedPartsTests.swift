import Audio
import EditionCore
import EditionTestSupport
import Foundation
import Settings
@testable import Mastering
import Synchronization
import XCTest

/// MP3 parts kept between renders: a kept part must be byte for byte what encoding gives, and a
/// programme changed in one place must encode again only the part that holds the change.
final class EncodedPartsTests: XCTestCase {
    /// Parts kept in memory, counting what was taken and what was kept.
    final class KeptParts: EncodedPartStore {
        struct State { var entries: [String: (bytes: Data, part: MP3Part)] = [:]; var loads = 0; var stores = 0 }
        let state = Mutex(State())

        func loadPart(_ key: String, to path: String) -> MP3Part? {
            state.withLock { s in
                guard let kept = s.entries[key], FileManager.default.createFile(atPath: path, contents: kept.bytes) else { return nil }
                s.loads += 1
                var part = kept.part
                part.path = path
                return part
            }
        }

        func storePart(_ part: MP3Part, key: String) {
            guard let bytes = FileManager.default.contents(atPath: part.path) else { return }
            state.withLock { $0.entries[key] = (bytes, part); $0.stores += 1 }
        }

        var counts: (loads: Int, stores: Int) { state.withLock { ($0.loads, $0.stores) } }
    }

    func testKeptPartsGiveTheSameBytesAndOnlyAChangedPartIsEncodedAgain() throws {
        let dir = try TestEnvironment.scratchDirectory("encoded-parts")
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = try SegmentedMP3Tests.speech(parts: 4)
        let plan = try VoiceLibrary(directory: TestEnvironment.voicesDirectory).profile(named: "en-us-news").mastering
        let kept = KeptParts()
        let starts = Array(stride(from: 0, to: long.samples.count, by: 2 * long.sampleRate))   // a "sentence" every 2 s
        func render(_ samples: [Int16], _ name: String, store: KeptParts?) throws -> (bytes: Data, report: MasteringReport, parts: Int) {
            let spool = try PCMSpool(directory: dir)
            defer { spool.discard() }
            try spool.append(samples)
            // The sentences the gain's sample is anchored to.
            let sentences = try TimedTextLog(directory: dir)
            for start in starts { try sentences.append(TimedText(text: "…", start: start, end: start + 1)) }
            try sentences.flush()
            let timeline = Timeline(sampleRate: long.sampleRate, totalSamples: samples.count, chapters: long.chapters, sentences: sentences)
            let parts = try XCTUnwrap(try MP3Segments.parts(spool, lead: 0)).count
            let (_, report) = try Master(plan: plan, formats: [.wav, .mp3], keptParts: store)
                .render(spool: spool, timeline: timeline, tags: EpisodeTags(title: "Kept parts")) {
                    dir.appendingPathComponent("\(name).\($0.fileExtension)").path
                }
            return (try Data(contentsOf: dir.appendingPathComponent("\(name).mp3")), report, parts)
        }

        let fresh = try render(long.samples, "fresh", store: nil)
        let first = try render(long.samples, "first", store: kept)
        XCTAssertGreaterThanOrEqual(first.parts, 4)
        XCTAssertEqual(kept.counts.loads, 0)
        XCTAssertEqual(kept.counts.stores, first.parts, "every part encoded is kept")
        XCTAssertEqual(first.bytes, fresh.bytes, "keeping parts does not change the MP3")

        let again = try render(long.samples, "again", store: kept)
        XCTAssertEqual(kept.counts.loads, first.parts, "the same programme encodes nothing again")
        XCTAssertEqual(kept.counts.stores, first.parts)
        XCTAssertEqual(again.bytes, fresh.bytes, "kept parts join to the same bytes")

        // A correction in the middle, outside the stretches the gain is estimated on: one second
        // of speech played backwards. The gain stays where it was; one part is encoded again.
        var edited = long.samples
        let sampled = try XCTUnwrap(Master.sampleRanges(count: edited.count, rate: long.sampleRate, sentences: starts))
        let middle = try XCTUnwrap((edited.count / 2..<edited.count).first { start in
            !sampled.contains { $0.overlaps(start..<(start + long.sampleRate)) }
        })
        edited[middle..<(middle + long.sampleRate)].reverse()
        let corrected = try render(edited, "corrected", store: kept)
        XCTAssertEqual(corrected.report.gain, first.report.gain, "a small change leaves the rounded gain as it was")
        XCTAssertEqual(kept.counts.stores, first.parts + 1, "only the part holding the change is encoded")
        XCTAssertEqual(kept.counts.loads, 2 * first.parts - 1)
        XCTAssertNotEqual(corrected.bytes, fresh.bytes)
        XCTAssertEqual(corrected.bytes, try render(edited, "corrected-fresh", store: nil).bytes,
                       "the corrected MP3 is what encoding it whole gives")
    }

    /// The gain is a whole number of steps, and the sample it is estimated on is anchored to
    /// sentences: correcting one sentence moves no other sentence's stretch.
    func testTheGainSampleFollowsSentencesNotPositions() throws {
        let dir = try TestEnvironment.scratchDirectory("gain-sample")
        defer { try? FileManager.default.removeItem(at: dir) }
        let rate = 1000
        // 100 "sentences" of 2 s each, every one a constant level of its own.
        var samples: [Int16] = []
        var starts: [Int] = []
        for n in 0..<100 { starts.append(samples.count); samples += Array(repeating: Int16(100 + n), count: 2 * rate) }
        let spool = try PCMSpool(directory: dir)
        defer { spool.discard() }
        try spool.append(samples)
        let before = try Master.sample(spool, rate: rate, sentences: starts)
        XCTAssertEqual(before.count, 20 * 3 * rate, "twenty 3-second stretches")
        // Sentence 11 (not sampled: every 5th is) grows by half a second.
        var longer = Array(samples[0..<starts[11]])
        longer += Array(repeating: Int16(111), count: rate / 2 + 2 * rate)
        longer += Array(samples[starts[12]...])
        let grown = try PCMSpool(directory: dir)
        defer { grown.discard() }
        try grown.append(longer)
        let after = try Master.sample(grown, rate: rate, sentences: starts.enumerated().map { $0 > 11 ? $1 + rate / 2 : $1 })
        XCTAssertEqual(after, before, "the sample is the same sentences' openings")
        XCTAssertEqual(Master.gainStep, 0.25)
    }
}
