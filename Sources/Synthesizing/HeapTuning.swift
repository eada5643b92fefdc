import CEspeakNG  // mallopt

/// glibc's allocator gives large blocks back to the kernel as soon as they are freed and maps
/// fresh ones for the next chunk's PCM, so a build page-faulted on the same few megabytes over
/// and over (about a third of its system time). Kept, freed memory is reused without a fault;
/// 8 MB kept at the top of each heap covers a chunk's churn; 64 MB saved more faults but let a
/// 500,000-word build's peak grow from 126 to 157 MB, where memory must stay flat with length.
public enum HeapTuning {
    public static func keepFreedMemory() {
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)   // blocks below 32 MB come from the heap…
        _ = mallopt(M_TRIM_THRESHOLD, 8 << 20)   // …which keeps up to 8 MB free at its top
    }
}
