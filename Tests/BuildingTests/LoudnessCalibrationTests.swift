import Building
import EditionCore
import EditionTestSupport
import Foundation
import XCTest

/// A voice's loudness calibration is measured once and stored with the chunk cache; a programme
/// mastered with the stored one is byte for byte the one mastered with a fresh measurement, and
/// lands on the loudness target without a gain search of its own.
final class LoudnessCalibrationTests: XCTestCase {
    func testStoredAndFreshCalibrationsGiveTheSameFilesOnTarget() async throws {
        let scratch = try TestEnvironment.scratchDirectory("calibration")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let article = try TestEnvironment.write(Data(NarratorTests.story("Bridge vote", sentences: 20).utf8), named: "bridge.txt", in: scratch)
        let cache = scratch.appendingPathComponent("cache")
        let options = { (folder: String) in Narrator.Options(outputDirectory: scratch.appendingPathComponent(folder), formats: [.wav]) }

        let first = try await TestNarrator.make(cache: cache).narrate(.file(article.path), options: options("first"))
        let stored = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("calibrations").path)
        XCTAssertEqual(stored.count, 1, "one voice, one calibration")
        let calibration = try JSONDecoder().decode(LoudnessCalibrationFile.self,
                                                   from: Data(contentsOf: cache.appendingPathComponent("calibrations/\(stored[0])")))
        // espeak-ng's speech peaks ~20 dB above its loudness: at −16 LUFS the limiter takes dB.
        XCTAssertGreaterThan(calibration.limiterLoss, 1)
        XCTAssertLessThan(calibration.limiterLoss, 8)

        // A new process reads the stored calibration; another with no cache measures afresh.
        let second = try await TestNarrator.make(cache: cache).narrate(.file(article.path), options: options("second"))
        let fresh = try await TestNarrator.make().narrate(.file(article.path), options: options("fresh"))
        let bytes = try [first, second, fresh].map { try Data(contentsOf: try XCTUnwrap($0.files.first { $0.pathExtension == "wav" })) }
        XCTAssertEqual(bytes[0], bytes[1])
        XCTAssertEqual(bytes[0], bytes[2])
        XCTAssertEqual(first.mastering.loudness, -16, accuracy: 0.4)
        XCTAssertLessThanOrEqual(first.mastering.truePeak, -1.5)
    }
}

/// The stored form, read independently of the library's type.
private struct LoudnessCalibrationFile: Decodable {
    var limiterLoss: Double
    var rateBias: Double
}
