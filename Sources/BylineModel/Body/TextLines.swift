/// The lines of clean text (sanitised: `\n` line ends, no CR), found in one pass over its
/// UTF-8 bytes: where each line starts and ends, and whether it is blank.
///
/// The parser reads lines as byte ranges of the text and makes a `String` only of the lines it
/// keeps (collapsed, copied from the text without validating its UTF-8 again), instead of a
/// `Substring` per line and a scalar walk per test. Line feeds are found eight bytes at a time.
struct TextLines {
    /// The text the lines are of.
    let text: String
    /// Per line, its bytes (without the `\n`), as offsets into the text's UTF-8.
    private(set) var ranges: [Range<Int>] = []
    /// Per line, whether it holds only whitespace (`TextScan.isSpace`), or nothing.
    private(set) var blank: [Bool] = []

    init(_ text: String) {
        self.text = text
        var ranges: [Range<Int>] = []
        var blank: [Bool] = []
        Self.withBytes(text) { b in
            // Room for lines of a few hundred bytes (news text), so few grow the arrays again.
            ranges.reserveCapacity(b.count / 128 + 8)
            blank.reserveCapacity(b.count / 128 + 8)
            let raw = UnsafeRawBufferPointer(b)
            let n = b.count
            var start = 0
            var i = 0
            while true {
                // The next line feed: whole words of eight bytes without one skipped.
                while i + 8 <= n {
                    let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                    if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                while i < n, b[i] != 0x0A { i += 1 }
                ranges.append(start..<i)
                blank.append(Self.isBlank(UnsafeBufferPointer(rebasing: b[start..<i])))
                guard i < n else { break }
                i += 1
                start = i
            }
        }
        self.ranges = ranges
        self.blank = blank
    }

    /// The number of lines (one more than the line feeds).
    var count: Int { ranges.count }

    /// Calls `body` with the UTF-8 of `text` (contiguous for any native string; a copy otherwise).
    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether a line's bytes are whitespace only; a line opening with a visible ASCII byte
    /// (nearly every one) is answered from that byte.
    private static func isBlank(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c != 0x20 && !(c >= 0x09 && c <= 0x0D) { return false }
                i += 1
                continue
            }
            let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            var v = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { v = v << 6 | UInt32(b[i + k] & 0x3F) }
            if !TextScan.isWideSpace(v) { return false }
            i += length
        }
        return true
    }

    /// Line `k` as a substring of the text.
    func line(_ k: Int) -> Substring {
        let utf8 = text.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: ranges[k].lowerBound)
        let hi = utf8.index(lo, offsetBy: ranges[k].count)
        return text[lo..<hi]
    }

    /// Line `k` as it stands in the text.
    func string(_ k: Int) -> String { String(line(k)) }

    /// Line `k` collapsed (see `ArticleParser.collapse`).
    func collapsed(_ k: Int) -> String {
        let plain = Self.withBytes(text) { ArticleParser.isPlainLine(UnsafeBufferPointer(rebasing: $0[ranges[k]])) }
        return plain ? String(line(k)) : ArticleParser.collapseScalars(line(k))
    }

    /// The scalars of line `k` (its bytes but continuation bytes).
    func scalarCount(_ k: Int) -> Int {
        Self.withBytes(text) { b in
            var n = 0
            for i in ranges[k] where b[i] & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }
}
