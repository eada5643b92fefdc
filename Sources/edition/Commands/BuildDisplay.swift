import Building
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shows a build's progress: a live bar on a terminal, plain log lines otherwise, JSON lines
/// for machines, or nothing but errors.
final class BuildDisplay {  // called on the build's own thread only
    enum Mode { case automatic, quiet, json }
    private let mode: Mode
    private let live: Bool
    private var total = 0, totalWeight = 0, done = 0, doneWeight = 0, failed = 0
    private var audioSeconds = 0.0, currentAudio = 0.0
    private var current = ""
    private var currentIndex = -1
    private let started = Date()
    private var lastDraw = Date.distantPast

    init(mode: Mode) {
        self.mode = mode
        live = mode == .automatic && isatty(STDERR_FILENO) == 1
    }

    func show(_ event: BuildEvent) {
        switch mode {
        case .quiet:
            if case .itemFinished(_, let r, _) = event, r.status == .failed { Console.error("error: \(Self.message(r))") }
        case .json: json(event)
        case .automatic: text(event)
        }
    }

    private func text(_ event: BuildEvent) {
        switch event {
        case .started(let items, let weight):
            total = items; totalWeight = max(1, weight)
            if !live { Console.error("building \(items) item\(items == 1 ? "" : "s")") }
        case .itemStarted(let i, let name):
            current = (name as NSString).lastPathComponent
            currentIndex = i
            currentAudio = 0
        case .progress(let i, let p):
            // An item's last takes may be reported after the next item has started.
            guard i == currentIndex else { return }
            currentAudio = p.secondsOfAudio
            if live { draw() }
        case .itemFinished(_, let r, let weight):
            done += 1; doneWeight += weight; audioSeconds += r.audioSeconds; currentAudio = 0
            if live { Console.error("\r\u{1B}[2K", newline: false) }
            switch r.status {
            case .failed: failed += 1; Console.error("error: \(Self.message(r))")
            case .upToDate: if !live { Console.error("[\(done)/\(total)] up to date  \(r.name)") }
            case .built:
                for w in r.warnings { Console.error("warning: \(r.name): \(w)") }
                if !live {
                    Console.error("[\(done)/\(total)] built  \(r.name) → \(r.slug ?? "")  \(Self.clock(r.audioSeconds)) audio in \(String(format: "%.1f", r.elapsedSeconds)) s, \(r.cacheHits)/\(r.chunks) chunks cached")
                }
            }
            if live { draw() }
        case .finished(let report):
            if live { Console.error("\r\u{1B}[2K", newline: false) }
            Console.error("\(report.built) built, \(report.upToDate) up to date, \(report.failed) failed · \(Self.clock(report.audioSeconds)) of audio in \(String(format: "%.1f", report.elapsedSeconds)) s · cache \(report.cacheEntries) chunks, \(ByteCount.string(report.cacheBytes))")
        }
    }

    private func draw() {
        guard Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let elapsed = Date().timeIntervalSince(started)
        let produced = audioSeconds + currentAudio
        let speed = elapsed > 0 ? produced / elapsed : 0
        let fraction = Double(doneWeight) / Double(totalWeight)
        let eta = fraction > 0.02 ? elapsed / fraction - elapsed : nil
        let width = 24
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Console.error("\r\u{1B}[2K\(bar) \(done)/\(total) articles · \(String(format: "%.2f", produced / 3600)) h audio · \(String(format: "%.0f", speed))× real time · ETA \(eta.map { Self.clock($0) } ?? "--:--") · \(current.prefix(30))", newline: false)
    }

    private func json(_ event: BuildEvent) {
        var object: [String: Any] = [:]
        switch event {
        case .started(let items, let weight): object = ["event": "started", "items": items, "bytes": weight]
        case .itemStarted(let i, let name): object = ["event": "item-started", "index": i, "name": name]
        case .progress(let i, let p):
            guard p.sentencesDone == p.sentencesTotal || p.sentencesDone % 25 == 0 else { return }
            object = ["event": "progress", "index": i, "sentencesDone": p.sentencesDone, "sentencesTotal": p.sentencesTotal, "audioSeconds": p.secondsOfAudio]
        case .itemFinished(let i, let r, _):
            object = ["event": "item-finished", "index": i, "name": r.name, "status": r.status.rawValue, "slug": r.slug ?? NSNull(),
                      "error": r.error ?? NSNull(), "audioSeconds": r.audioSeconds, "elapsedSeconds": r.elapsedSeconds,
                      "cacheHits": r.cacheHits, "chunks": r.chunks, "warnings": r.warnings]
        case .finished(let report):
            object = ["event": "finished", "built": report.built, "upToDate": report.upToDate, "failed": report.failed,
                      "audioSeconds": report.audioSeconds, "elapsedSeconds": report.elapsedSeconds]
        }
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }

    /// The error names the input already when it came from reading it.
    static func message(_ r: ItemReport) -> String {
        let error = r.error ?? "failed"
        return error.hasPrefix(r.name) ? error : "\(r.name): \(error)"
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
