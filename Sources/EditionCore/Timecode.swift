import Foundation

/// HH:MM:SS.mmm: for messages, chapter lists and (with "," before the milliseconds) SubRip.
public enum Timecode {
    public static func string(_ seconds: Double, separator: String = ".") -> String {
        let ms = Int((seconds * 1000).rounded())
        // By hand: String(format:) costs microseconds a call on Linux, and a transcript writes
        // two per word (0.28 s of a 15,000-word narration's WebVTT). Negative times keep printf's form.
        guard ms >= 0 else {
            return String(format: "%02d:%02d:%02d%@%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000)
        }
        return Digits.padded(ms / 3_600_000, 2) + ":" + Digits.padded(ms / 60_000 % 60, 2) + ":"
            + Digits.padded(ms / 1000 % 60, 2) + separator + Digits.padded(ms % 1000, 3)
    }
}

/// A non-negative integer with leading zeros to `width` digits, as "%0*d" writes it.
enum Digits {
    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.utf8.count >= width ? digits : String(repeating: "0", count: width - digits.utf8.count) + digits
    }
}

/// Times in sidecars are kept to the millisecond: finer is noise, coarser drifts from the audio.
public enum Seconds {
    public static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
    /// "12.345": the form transcripts and pages write a time in.
    public static func string(_ seconds: Double) -> String {
        // A whole number of milliseconds (what sidecars hold), by hand; anything else as printf
        // rounds it, so the text is the same either way.
        let ms = (seconds * 1000).rounded()
        guard seconds >= 0, seconds.sign == .plus, ms < 1e15, abs(seconds * 1000 - ms) < 1e-6 else { return String(format: "%.3f", seconds) }
        let whole = Int(ms)
        return String(whole / 1000) + "." + Digits.padded(whole % 1000, 3)
    }
}
