/// Where an encoder's samples go: a libsndfile file or LAME's MP3 stream. Samples are mono
/// floats in −1…1; `frames` counts what was written; `close` finishes the file or throws.
public protocol AudioWriter: AnyObject {
    var frames: Int { get }
    func write(_ samples: UnsafeBufferPointer<Float>) throws
    func close() throws
}

extension SoundFile: AudioWriter {}
