import Building
import EditionCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-line live progress display on a terminal; silent when stderr is not a TTY.
final class ProgressDisplay {
    private let live: Bool
    private var shown = false
    private var lastDraw = Date.distantPast
    private let started = Date()

    init(enabled: Bool) {
        live = enabled && isatty(STDERR_FILENO) == 1
    }

    func update(_ name: String, _ p: NarrationProgress) {
        guard live, Date().timeIntervalSince(lastDraw) > 0.1 || p.sentencesDone == p.sentencesTotal else { return }
        lastDraw = Date()
        let width = 28
        let filled = p.sentencesTotal == 0 ? 0 : width * p.sentencesDone / p.sentencesTotal
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let elapsed = Date().timeIntervalSince(started)
        let speed = elapsed > 0 ? p.secondsOfAudio / elapsed : 0
        let file = (name as NSString).lastPathComponent.prefix(30)
        Console.error("\r\u{1B}[2K\(file) \(bar) \(p.sentencesDone)/\(p.sentencesTotal) · \(Timecode.string(p.secondsOfAudio).prefix(8)) audio · \(String(format: "%.0f", speed))× real time", newline: false)
        shown = true
    }

    func finish() {
        if shown { Console.error("\r\u{1B}[2K", newline: false) }
        shown = false
    }
}

enum Console {
    static func error(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((text + (newline ? "\n" : "")).utf8))
    }
}
