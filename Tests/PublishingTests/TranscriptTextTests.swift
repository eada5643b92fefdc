import EditionCore
import Foundation
@testable import Publishing
import XCTest

/// Times and cue text are written by hand on the common path (String(format:) and Foundation's
/// replacing are slow on Linux): the text must be exactly what the general path writes.
final class TranscriptTextTests: XCTestCase {
    func testTimesReadAsPrintfWritesThem() {
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [0, 0.001, 0.0005, 0.9995, 1, 59.999, 60, 3599.9994, 3600, 86_399.999, 360_000.5, 1e7, 12.3455, -0.0, -1.25]
        for _ in 0..<2000 {
            values.append(Double(Int.random(in: 0...400_000_000, using: &rng)) / 1000)   // whole milliseconds, as sidecars hold
            values.append(Double.random(in: 0...100_000, using: &rng))                 // and anything else
        }
        for seconds in values {
            XCTAssertEqual(Seconds.string(seconds), String(format: "%.3f", seconds), "\(seconds)")
            let ms = Int((seconds * 1000).rounded())
            for separator in [".", ","] {
                XCTAssertEqual(Timecode.string(seconds, separator: separator),
                               String(format: "%02d:%02d:%02d%@%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000),
                               "\(seconds)")
            }
        }
        XCTAssertEqual(Timecode.string(3723.004), "01:02:03.004")
        XCTAssertEqual(Timecode.string(360_000), "100:00:00.000")
    }

    func testCueTextIsEscapedWhateverPathItTakes() {
        XCTAssertEqual(Transcripts.escapeVTT("plain"), "plain")
        XCTAssertEqual(Transcripts.escapeVTT("A&B <i>"), "A&amp;B &lt;i&gt;")
        XCTAssertEqual(Transcripts.escapeVTT("a-->b"), "a→b")
        XCTAssertEqual(Transcripts.escapeVTT("two\nlines"), "two lines")
        XCTAssertEqual(Transcripts.oneLine("line\u{2028}break"), "line break")
        XCTAssertEqual(Transcripts.oneLine("self-made"), "self-made")
        XCTAssertEqual(Transcripts.jsonString("plain"), "\"plain\"")
        XCTAssertEqual(Transcripts.jsonString("say \"hi\"\\\t"), "\"say \\\"hi\\\"\\\\\\t\"")
        XCTAssertEqual(Transcripts.jsonString("bell\u{7}"), "\"bell\\u0007\"")
        XCTAssertEqual(Transcripts.jsonString("Київ"), "\"Київ\"")
        // Every output of the JSON path parses back to its input.
        for text in ["plain", "quote\"", "back\\slash", "tab\there", "ctl\u{1}", "del\u{7F}", "naïve", "a-b"] {
            let data = Data(("[" + Transcripts.jsonString(text) + "]").utf8)
            XCTAssertEqual((try? JSONSerialization.jsonObject(with: data)) as? [String], [text])
        }
    }
}
