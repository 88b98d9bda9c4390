/// The order people expect file names in: runs of digits compare as numbers (2, 9, 10, 100)
/// and letters without regard to case (a, B, c); names equal that way fall back to their bytes,
/// so the order is total and stable ("B" before "b", "007" before "7").
enum NaturalOrder {
    /// Whether `a` comes before `b`.
    static func precedes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        compare(a, b) < 0
    }

    /// -1, 0 or 1 as `a` comes before, is, or comes after `b`.
    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = a.count, m = b.count
        // The common prefix compares equal either way: start at its last run of digits.
        var p = 0
        while p < n && p < m && a[p] == b[p] { p += 1 }
        if p == n && p == m { return 0 }
        let bytewise = p == n ? -1 : (p == m ? 1 : (a[p] < b[p] ? -1 : 1))
        var start = p
        while start > 0 && isDigit(a[start - 1]) { start -= 1 }
        var i = start, j = start
        while i < n && j < m {
            let x = a[i], y = b[j]
            if isDigit(x) && isDigit(y) {
                var i0 = i, j0 = j
                while i0 < n && a[i0] == 0x30 { i0 += 1 }
                while j0 < m && b[j0] == 0x30 { j0 += 1 }
                var i1 = i0, j1 = j0
                while i1 < n && isDigit(a[i1]) { i1 += 1 }
                while j1 < m && isDigit(b[j1]) { j1 += 1 }
                if i1 - i0 != j1 - j0 { return i1 - i0 < j1 - j0 ? -1 : 1 }
                var k = 0
                while k < i1 - i0 {
                    if a[i0 + k] != b[j0 + k] { return a[i0 + k] < b[j0 + k] ? -1 : 1 }
                    k += 1
                }
                i = i1
                j = j1
                continue
            }
            let fx = fold(x), fy = fold(y)
            if fx != fy { return fx < fy ? -1 : 1 }
            i += 1
            j += 1
        }
        if i < n || j < m { return i < n ? 1 : -1 }
        return bytewise
    }

    /// A number that orders names as ``compare(_:_:)`` does wherever two differ (a smaller key
    /// comes first); names with equal keys need ``compare(_:_:)``. It holds what the comparison
    /// looks at first: a leading run of digits as a number (its count of significant digits,
    /// then the first 14 of them), and a name that starts with anything else as before every
    /// number (its first byte, folded, is below `0`) or after them all. Sorting by it first
    /// makes most comparisons of numbered names (`00042_…`) one integer comparison.
    static func leadingKey(_ name: UnsafeRawBufferPointer) -> UInt64 {
        guard let first = name.first else { return 0 }
        guard isDigit(first) else { return fold(first) < 0x30 ? 0 : .max }
        var i = 0
        while i < name.count && name[i] == 0x30 { i += 1 }
        var significant = 0
        var packed: UInt64 = 0
        while i < name.count && isDigit(name[i]) {
            if significant < 14 { packed |= UInt64(name[i] - 0x30) << UInt64(52 - 4 * significant) }
            significant += 1
            i += 1
        }
        // Past 253 digits the count no longer fits: such numbers share one key.
        guard significant < 254 else { return UInt64(255) << 56 }
        return UInt64(significant + 1) << 56 | packed
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// ASCII letters in lower case; every other byte as it is.
    @inline(__always) static func fold(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
}
