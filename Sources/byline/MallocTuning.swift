#if canImport(Glibc)
import CMalloc
#endif

/// How glibc's malloc is set up for the reader, a process that runs for hours: measured with
/// `scripts/soak.sh` (100,000 keys), its resident size grew about 4 MiB more than its live heap
/// with glibc's defaults (issue 16).
///
/// - **Two arenas.** By default each thread that meets a locked arena gets one of its own (up
///   to eight a core); the reader's five workers ended up with five or six, each keeping the
///   free memory its own bursts left (a search's rows, a parse) where no other thread could
///   use it. Two (the main thread's, and one the workers share) keep the free memory in fewer
///   places; the workers take turns on it rarely enough that the keys per second did not change.
/// - **Fixed thresholds.** glibc raises its mmap threshold to the size of each large block
///   freed (up to 32 MiB), after which big buffers (a 300x100 screen's cells, a search's
///   ranking) come from the arenas and stay there after they are freed; fixing the mmap and
///   trim thresholds at 128 KiB turns that off, so a block that large is given back when freed
///   and an arena keeps at most 128 KiB of free memory at its top.
///
/// Elsewhere (musl, Darwin) nothing is changed.
enum MallocTuning {
    static let arenas: Int32 = 2
    static let threshold: Int32 = 128 * 1024

    /// Applies the settings; call it before the worker threads start. Returns whether glibc
    /// took every one of them (false elsewhere).
    @discardableResult
    static func apply() -> Bool {
        #if canImport(Glibc)
        return mallopt(M_ARENA_MAX, arenas) == 1
            && mallopt(M_MMAP_THRESHOLD, threshold) == 1
            && mallopt(M_TRIM_THRESHOLD, threshold) == 1
        #else
        return false
        #endif
    }

    /// Gives the free memory in every arena back to the system (the pages between live blocks
    /// too, not only an arena's top): what a burst of work (a search on a worker, a big
    /// terminal's screens) freed stops counting as resident. The reader calls it when its loop
    /// goes idle, at most once a second.
    static func trim() {
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }
}
