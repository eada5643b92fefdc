import EditionCore
@testable import Synthesizing
import XCTest

/// The forked speaker trims its take as it streams it: what comes out must be exactly what
/// `Take.trimRange` keeps of the whole take, however the engine's blocks fall.
final class SilenceTrimmerTests: XCTestCase {
    func testStreamingTrimKeepsExactlyWhatTrimRangeKeeps() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<400 {
            // Silence, speech bursts and quiet gaps of random lengths; sometimes all silence.
            var samples: [Int16] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                let loud = Bool.random(using: &generator) && round % 7 != 0
                let length = Int.random(in: 0...300, using: &generator)
                samples += (0..<length).map { _ in loud ? Int16.random(in: -3000...3000, using: &generator)
                                                        : Int16.random(in: -200...200, using: &generator) }
            }
            let take = Take(sampleRate: 22050, samples: samples, words: [])
            var trimmer = SilenceTrimmer(sampleRate: 22050)
            var out: [Int16] = []
            var at = 0
            while at < samples.count {
                let n = min(samples.count - at, Int.random(in: 1...120, using: &generator))
                samples[at..<(at + n)].withUnsafeBufferPointer { trimmer.add($0) { out += $0 } }
                at += n
            }
            let kept = trimmer.finish { out += $0 }
            XCTAssertEqual(kept, take.trimRange(), "round \(round)")
            XCTAssertEqual(out, Array(samples[take.trimRange()]), "round \(round)")
        }
    }
}
