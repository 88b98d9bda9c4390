/// Finds an entry of a ``LibraryEntries`` by its full path without keeping the paths: a hash
/// table of slot numbers (4 bytes a bucket, at most half of them used), whose lookups make the
/// candidate's path from the packed entries to compare it. A `[String: Int32]` of the same
/// paths kept every path as a string of its own: at 10,000 files about 1.9 MB, against 128 KB
/// here (see `PathIndexTests`).
///
/// Paths are hashed and compared as strings (Unicode canonical equivalence, as a dictionary
/// keyed by `String` does), and a path added again points at its newest slot. The hashes are
/// Swift's, seeded per process, so the table is never saved. Building the table hashes an ASCII
/// path straight from the packed bytes (``LibraryEntries/pathHash(at:)``, the same hash its
/// string gives) and compares two such paths as bytes, so no path string is made for it.
struct PathIndex: Sendable {
    /// Slot numbers, -1 for an empty bucket; the count is a power of two.
    private var buckets: [Int32]
    private(set) var count = 0

    /// An index of every entry (a later entry with the same path as an earlier one wins).
    init(_ entries: LibraryEntries) {
        buckets = Array(repeating: -1, count: Self.bucketCount(for: entries.count))
        let mask = buckets.count - 1
        for i in entries.indices {
            var at = entries.pathHash(at: i) & mask
            while buckets[at] >= 0, !entries.samePath(Int(buckets[at]), i) { at = (at + 1) & mask }
            if buckets[at] < 0 { count += 1 }
            buckets[at] = Int32(i)
        }
    }

    /// The hash a path is filed under: its string's, as `Hasher` takes it in.
    static func hash(_ path: String) -> Int {
        var hasher = Hasher()
        hasher.combine(path)
        return hasher.finalize()
    }

    /// The slot of the entry with this full path, if there is one.
    func slot(of path: String, in entries: LibraryEntries) -> Int32? {
        let mask = buckets.count - 1
        var at = Self.hash(path) & mask
        while buckets[at] >= 0 {
            if entries.path(at: Int(buckets[at])) == path { return buckets[at] }
            at = (at + 1) & mask
        }
        return nil
    }

    /// Points `path` at `slot` (an entry already in `entries`), replacing an older slot of the
    /// same path.
    mutating func insert(_ slot: Int32, path: String, in entries: LibraryEntries) {
        if (count + 1) * 2 > buckets.count { grow(entries) }
        let mask = buckets.count - 1
        var at = Self.hash(path) & mask
        while buckets[at] >= 0 {
            if entries.path(at: Int(buckets[at])) == path {
                buckets[at] = slot
                return
            }
            at = (at + 1) & mask
        }
        buckets[at] = slot
        count += 1
    }

    /// Bytes the table holds (for tests and diagnostics).
    var byteCount: Int { buckets.capacity * MemoryLayout<Int32>.stride }

    /// Twice the buckets, every slot placed again by its path's hash.
    private mutating func grow(_ entries: LibraryEntries) {
        let old = buckets
        buckets = Array(repeating: -1, count: old.count * 2)
        let mask = buckets.count - 1
        for slot in old where slot >= 0 {
            var at = entries.pathHash(at: Int(slot)) & mask
            while buckets[at] >= 0 { at = (at + 1) & mask }
            buckets[at] = slot
        }
    }

    /// The smallest power of two that keeps `count` paths at most half full (at least 16).
    private static func bucketCount(for count: Int) -> Int {
        var n = 16
        while n < count * 2 { n *= 2 }
        return n
    }
}
