// What each mastering stage costs per hour of audio, on real speech (issue 19): the WAV given
// (mono, at the engine's 22.05 kHz: Benchmarks/dsp-costs.sh narrates one unmastered) is run
// through each stage alone, in the blocks mastering uses, on one core.
// Usage: dsp-costs FILE.wav
import Audio
import Foundation
import Mastering

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: dsp-costs FILE.wav (mono, 22.05 kHz)\n".utf8))
    exit(2)
}
let file = try SoundFile(readingFrom: CommandLine.arguments[1])
let rate = file.sampleRate
var samples: [Float] = []
var block: [Float] = []
while file.readMono(frames: 65536, into: &block) > 0 { samples += block }
try file.close()
let hours = Double(samples.count) / Double(rate) / 3600
let blocks = stride(from: 0, to: samples.count, by: 65536).map { Array(samples[$0..<min($0 + 65536, samples.count)]) }

/// This thread's CPU time: a virtual machine's stolen time does not count, as it does on a wall clock.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func measure(_ name: String, _ body: () throws -> Void) rethrows {
    var seconds = 1000.0
    for _ in 0..<5 {   // best of five: the least disturbed
        let start = cpuSeconds()
        try body()
        seconds = min(seconds, cpuSeconds() - start)
    }
    print(name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%7.3f s per hour of audio", seconds / hours))
}

print(String(format: "audio: %.2f h at %d Hz", hours, rate))
measure("K-weighted loudness (BS.1770)") {
    let meter = KWeightedMeter(sampleRate: rate)
    for b in blocks { b.withUnsafeBufferPointer { meter.add($0) } }
    precondition(meter.integratedLoudness.isFinite)
}
measure("true peak (4x, near peaks only)") {
    let meter = TruePeakMeter()
    for b in blocks { b.withUnsafeBufferPointer { meter.add($0) } }
    meter.finish()
    precondition(meter.truePeak.isFinite)
}
measure("look-ahead limiter") {
    let limiter = PeakLimiter(ceiling: 0.5, sampleRate: rate)
    var out: [Float] = []
    for b in blocks { out.removeAll(keepingCapacity: true); b.withUnsafeBufferPointer { limiter.process($0, into: &out) } }
}
measure("half-band 2x upsampler (to 44.1k)") {
    let up = HalfBandUpsampler()
    for (i, b) in blocks.enumerated() { _ = up.process(b, last: i == blocks.count - 1) }
}
try measure("polyphase upsampler (to 48k)") {
    let resampler = try Resampler(from: rate, to: 48000)
    for (i, b) in blocks.enumerated() { _ = try resampler.process(b, last: i == blocks.count - 1) }
}
