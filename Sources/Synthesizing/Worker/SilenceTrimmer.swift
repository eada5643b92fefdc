import EditionCore

/// `Take.trimRange` on a stream: passes on the samples that trimming keeps, as they arrive,
/// holding back only a run of quiet samples until it is known whether speech follows it.
/// What comes out is exactly `samples[take.trimRange()]` of the whole take.
struct SilenceTrimmer {
    let threshold: Int16
    /// 2 ms: kept before the first loud sample and after the last.
    let margin: Int
    private var seen = 0             // samples received
    private var start: Int?          // where the kept stretch starts, once a loud sample came
    private var quiet: [Int16] = []  // samples since the last loud one (or, before it, the last `margin`)

    init(sampleRate: Int, threshold: Int16 = 200) {
        self.threshold = threshold
        margin = sampleRate / 500
        quiet.reserveCapacity(1 << 16)
    }

    /// The kept samples, in order and once each, through `emit` (a few calls a block).
    mutating func add(_ block: UnsafeBufferPointer<Int16>, emit: (UnsafeBufferPointer<Int16>) -> Void) {
        defer { seen += block.count }
        let loud = { (s: Int16) in abs(Int(s)) > Int(self.threshold) }
        guard let first = block.firstIndex(where: loud), let last = block.lastIndex(where: loud) else {
            quiet.append(contentsOf: block)
            if start == nil, quiet.count > margin { quiet.removeFirst(quiet.count - margin) }
            return
        }
        var from = 0
        if start == nil {
            // The first loud sample: keep up to `margin` samples before it, some maybe held.
            start = max(0, seen + first - margin)
            let before = Array(quiet.suffix(max(0, margin - first)))
            quiet.removeAll(keepingCapacity: true)
            quiet.append(contentsOf: before)
            from = max(0, first - margin)
        }
        // Speech follows what was held: it is kept after all.
        if !quiet.isEmpty {
            quiet.withUnsafeBufferPointer { emit($0) }
            quiet.removeAll(keepingCapacity: true)
        }
        emit(UnsafeBufferPointer(rebasing: block[from...last]))
        quiet.append(contentsOf: block[(last + 1)...])
    }

    /// Emits the `margin` after the last loud sample; returns the kept range of the whole take.
    mutating func finish(emit: (UnsafeBufferPointer<Int16>) -> Void) -> Range<Int> {
        guard let start else { return 0..<0 }
        let tail = Array(quiet.prefix(margin))
        tail.withUnsafeBufferPointer { emit($0) }
        let end = seen - quiet.count + tail.count
        quiet.removeAll()
        return start..<end
    }
}
