import Building
import EditionCore
import EditionTestSupport
import Foundation
import Reading
import XCTest

/// The library API as a long-lived caller (a service) uses it: one `Narrator`, many calls,
/// some at once, some cancelled.
final class NarratorTests: XCTestCase {
    var output: URL!

    override func setUpWithError() throws { output = try TestEnvironment.scratchDirectory("narrator") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: output) }

    static func story(_ headline: String, sentences: Int) -> String {
        let body = (1...sentences).map { "Sentence number \($0) of the story about \(headline.lowercased()) is read here." }
        return "\(headline)\n\n" + stride(from: 0, to: body.count, by: 5).map { body[$0..<min($0 + 5, body.count)].joined(separator: " ") }
            .joined(separator: "\n\n") + "\n"
    }

    /// Files a production leaves in the output folder besides finished episodes.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") && $0 != ".edition-journal" }
    }

    func testConcurrentCallsShareOneNarratorAndEachGetsItsOwnEpisode() async throws {
        let narrator = try TestNarrator.make()
        let options = Narrator.Options(outputDirectory: output, formats: [.wav])
        async let first = narrator.narrate(.bytes(Data(Self.story("Harbour opens", sentences: 12).utf8), name: "harbour.txt"), options: options)
        async let second = narrator.narrate(.bytes(Data(Self.story("Library closes", sentences: 12).utf8), name: "library.txt"), options: options)
        let (a, b) = try await (first, second)
        XCTAssertEqual(a.episode.title, "Harbour opens")
        XCTAssertEqual(b.episode.title, "Library closes")
        for narration in [a, b] {
            XCTAssertEqual(narration.chunks, 12 + 1, "every sentence and the intro's headline was spoken")
            let wav = try XCTUnwrap(narration.files.first { $0.pathExtension == "wav" })
            let riff = try RIFFReader(url: wav)
            XCTAssertEqual(try XCTUnwrap(riff.chunk("data")).data.count, narration.timeline.totalSamples * 2)
        }
        // A third call on the same narrator, after the others, still works.
        let again = try await narrator.narrate(.file(try TestEnvironment.write(Data(Self.story("Late news", sentences: 2).utf8),
                                                                              named: "late.txt", in: output).path), options: options)
        XCTAssertEqual(again.episode.slug, "late-news")
        XCTAssertEqual(try leftovers(), [])
    }

    func testCancellingStopsSynthesisAndLeavesNoFile() async throws {
        let narrator = try TestNarrator.make()
        let started = Cancellation()   // set when the first sentence has been spoken
        let options = Narrator.Options(outputDirectory: output, formats: [.wav])
        let text = Data(Self.story("Very long report", sentences: 3000).utf8)
        let task = Task { [narrator] in
            try await narrator.narrate(.bytes(text, name: "long.txt"), options: options) { progress in
                if progress.sentencesDone > 0 { started.cancel() }
            }
        }
        while !started.isCancelled { try await Task.sleep(nanoseconds: 5_000_000) }
        let cancelledAt = Date()
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("a cancelled narration must not finish: 3,000 sentences take far longer than the test")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        // Not a speed figure: a bound that only a narration that ignored cancellation would break.
        XCTAssertLessThan(Date().timeIntervalSince(cancelledAt), 10)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") }, [],
                       "no episode file appears")
        XCTAssertEqual(try leftovers(), [], "no spool, partial or scratch file is left")
    }

    func testErrorsNameTheArticle() async throws {
        let narrator = try TestNarrator.make(jobs: 1)
        let options = Narrator.Options(outputDirectory: output, formats: [.wav])
        do {
            _ = try await narrator.narrate(.bytes(Data("   \n".utf8), name: "blank-story.txt"), options: options)
            XCTFail("blank input must fail")
        } catch {
            XCTAssertTrue(error.localizedDescription.hasPrefix("blank-story.txt: "), error.localizedDescription)
        }
        let missing = output.appendingPathComponent("nowhere.md").path
        do {
            _ = try await narrator.narrate(.file(missing), options: options)
            XCTFail("a missing file must fail")
        } catch {
            XCTAssertTrue(error.localizedDescription.hasPrefix(missing), error.localizedDescription)
        }
        do {
            _ = try await narrator.narrate(.file(missing), voice: "robot", options: options)
            XCTFail("an unknown voice must fail")
        } catch {
            XCTAssertTrue(error.localizedDescription.contains(missing) && error.localizedDescription.contains("robot"),
                          error.localizedDescription)
        }
    }

    func testBytesWithAFormatHintAndTheUpdateSequence() async throws {
        let narrator = try TestNarrator.make(jobs: 1)
        let markdown = "# Tram line reopens\n\nThe tram line reopened on Monday.\n\nPassengers cheered.\n"
        var progress = 0
        var finished: Narration?
        for try await update in narrator.updates(.bytes(Data(markdown.utf8), name: "cms-item-42", format: .markdown),
                                                 options: .init(outputDirectory: output, formats: [.wav])) {
            switch update {
            case .progress: progress += 1
            case .finished(let narration): finished = narration
            }
        }
        let narration = try XCTUnwrap(finished)
        XCTAssertEqual(narration.episode.title, "Tram line reopens", "read as Markdown although the name has no extension")
        XCTAssertGreaterThan(progress, 0)
        XCTAssertEqual(narration.episode.source.path, "cms-item-42")
    }
}
