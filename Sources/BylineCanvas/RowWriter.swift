/// Writes cells into one row of a canvas's buffer: the body of ``Canvas/put(_:x:y:role:maxX:)``.
///
/// Text is read as UTF-8 bytes. A scalar that is a grapheme cluster on its own (see
/// ``SingleScalarCluster``), which is nearly every scalar of running text, becomes its cell
/// directly; anything else (combining marks, emoji sequences, flags) goes through
/// ``TerminalGlyph`` one `Character` at a time. Either way the cells are the same.
struct RowWriter {
    /// Index of the row's first cell in the buffer.
    let row: Int
    let width: Int
    /// Column at which drawing stops.
    let limit: Int
    let role: Role

    /// Writes `bytes` (UTF-8) from column `x`; `character(at:)` gives the `Character` that starts
    /// at a byte offset, for clusters the fast path does not take. Returns the column after the
    /// last cell drawn (`limit` when a wide glyph did not fit).
    func put(_ bytes: UnsafeBufferPointer<UInt8>, from x: Int, into c: UnsafeMutableBufferPointer<Cell>,
             character: (Int) -> Character) -> Int {
        var col = x
        var k = 0
        let n = bytes.count
        while k < n {
            if col >= limit { break }
            let b = bytes[k]
            // A run of printable ASCII, each before ASCII (or the end): a cell a byte, as it is.
            if b >= 0x20 && b < 0x7F {
                var e = k + 1
                while e < n, bytes[e] >= 0x20, bytes[e] < 0x7F { e += 1 }
                if e < n, bytes[e] >= 0x80 { e -= 1 }  // the last one may take a combining mark
                if e > k {
                    copyASCII(bytes, k..<e, at: col, into: c)
                    col = min(col + (e - k), limit)
                    k = e
                    continue
                }
            }
            let (scalar, length) = SingleScalarCluster.decode(bytes, at: k)
            let next = k + length < n ? SingleScalarCluster.decode(bytes, at: k + length).scalar : nil
            if SingleScalarCluster.breaksAfter(scalar, next: next) {
                if let (glyph, w) = TerminalGlyph.glyph(ofSingle: Unicode.Scalar(scalar) ?? "\u{FFFD}") {
                    guard draw(glyph, width: w, at: &col, into: c) else { return limit }
                }
                k += length
                continue
            }
            let cluster = character(k)
            guard put(cluster, at: &col, into: c) else { return limit }
            k += cluster.utf8.count
        }
        return col
    }

    /// Writes printable ASCII bytes from column `col`, within the row and before `limit`, as
    /// ``set(_:at:into:)`` would one by one: only the run's two ends can cut a wide glyph.
    private func copyASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at col: Int, into c: UnsafeMutableBufferPointer<Cell>) {
        let first = max(col, 0), end = min(col + range.count, limit, width)
        guard first < end else { return }
        let row = c.baseAddress! + self.row
        if row[first].isContinuation, first > 0 { row[first - 1] = .blank(row[first - 1].role) }
        if row[end - 1].width == 2, end < width { row[end] = .blank(row[end - 1].role) }
        var source = range.lowerBound + (first - col)
        for x in first..<end {
            row[x] = Cell(glyph: Glyph(value: UInt32(bytes[source])), width: 1, role: role)
            source += 1
        }
    }

    /// Writes one grapheme cluster at `col`, moving it on. False when a wide glyph did not fit
    /// before `limit` (the caller stops there).
    func put(_ character: Character, at col: inout Int, into c: UnsafeMutableBufferPointer<Cell>) -> Bool {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii != 0x7F {
            if col >= 0 { set(Cell(glyph: Glyph(value: UInt32(ascii)), width: 1, role: role), at: col, into: c) }
            col += 1
            return true
        }
        var fits = true
        var at = col
        TerminalGlyph.forEachGlyph(of: character) { glyph, w in
            guard fits else { return }
            fits = draw(glyph, width: w, at: &at, into: c)
        }
        col = at
        return fits
    }

    /// One glyph at `col` (and its continuation when wide), moving `col` on; false when it does
    /// not fit before `limit`.
    private func draw(_ glyph: Glyph, width w: Int, at col: inout Int, into c: UnsafeMutableBufferPointer<Cell>) -> Bool {
        if col + w > limit { return false }
        if col >= 0 {
            set(Cell(glyph: glyph, width: UInt8(w), role: role), at: col, into: c)
            if w == 2 { set(.continuation(role), at: col + 1, into: c) }
        }
        col += w
        return true
    }

    /// Puts a cell at column `x`; overwriting half of a wide glyph blanks the other half.
    func set(_ cell: Cell, at x: Int, into c: UnsafeMutableBufferPointer<Cell>) {
        guard x >= 0, x < width else { return }
        let i = row + x
        if c[i].width == 2, x + 1 < width { c[i + 1] = .blank(c[i].role) }
        if c[i].isContinuation, x > 0 { c[i - 1] = .blank(c[i - 1].role) }
        c[i] = cell
    }

    /// The cell that `put(text, x: col, maxX: col + 1)` draws, or nil when it draws nothing.
    static func singleCell(_ text: String, role: Role) -> Cell? {
        for character in text {
            if let ascii = character.asciiValue, ascii >= 0x20, ascii != 0x7F {
                return Cell(glyph: Glyph(value: UInt32(ascii)), width: 1, role: role)
            }
            var first: (Glyph, Int)?
            TerminalGlyph.forEachGlyph(of: character) { glyph, w in first = first ?? (glyph, w) }
            guard let (glyph, w) = first else { continue }
            return w == 1 ? Cell(glyph: glyph, width: 1, role: role) : nil
        }
        return nil
    }
}
