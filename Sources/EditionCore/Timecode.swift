import Foundation

/// HH:MM:SS.mmm: for messages, chapter lists and (with "," before the milliseconds) SubRip.
public enum Timecode {
    public static func string(_ seconds: Double, separator: String = ".") -> String {
        let ms = Int((seconds * 1000).rounded())
        return String(format: "%02d:%02d:%02d%@%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000)
    }
}

/// Times in sidecars are kept to the millisecond: finer is noise, coarser drifts from the audio.
public enum Seconds {
    public static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
    /// "12.345": the form transcripts and pages write a time in.
    public static func string(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
}
