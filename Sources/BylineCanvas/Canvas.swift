/// An in-memory grid of cells that every pane draws into.
///
/// Nothing here does I/O: the terminal copies a finished canvas to the screen,
/// and tests read it back as text. Text enters only through ``put(_:x:y:role:maxX:)``,
/// which turns every grapheme into its ``TerminalGlyph`` form, so no control
/// character can reach the screen and wide glyphs never straddle an edge.
///
/// A frame is drawn into the same canvas every time (``reset(size:role:)``): its cells are plain
/// values in one buffer, so drawing a frame allocates nothing.
public struct Canvas: Equatable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should show (a prompt being typed in); nil keeps it hidden.
    public var cursor: Point?
    /// Per row, a number that names the row's whole content, or 0 (see ``tag(row:)``).
    public private(set) var rowTags: [UInt64]

    public init(size: Size, role: Role = .base) {
        self.size = size
        self.cells = Array(repeating: .blank(role), count: size.width * size.height)
        self.rowTags = Array(repeating: 0, count: max(0, size.height))
    }

    /// Canvases are equal when they show the same: their tags are not compared.
    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.size == b.size && a.cursor == b.cursor && a.cells == b.cells
    }

    // MARK: - Row tags

    /// The tag of row `y`: a number other than 0 when whoever drew the row gave its whole
    /// content one (``placeRow(_:lead:in:role:tag:)``, ``setTag(_:row:)``) and nothing was
    /// drawn on the row since; 0 otherwise. Two rows with the same tag other than 0 hold the
    /// same cells, in whatever frame of a process each was drawn: the terminal takes a row it
    /// showed under the same tag as unchanged without reading its cells. Tags come from the
    /// drawing code's row caches (each content kept gets a number never given before, counted
    /// from a random start), so they never meet by accident.
    @inlinable
    public func tag(row y: Int) -> UInt64 {
        y >= 0 && y < rowTags.count ? rowTags[y] : 0
    }

    /// Gives row `y` the tag `tag` (0: none): the caller vouches that the row's cells, the
    /// whole width of the canvas, are what `tag` was given for (see ``tag(row:)``).
    public mutating func setTag(_ tag: UInt64, row y: Int) {
        guard y >= 0 && y < rowTags.count else { return }
        rowTags[y] = tag
    }

    /// Rows `ys` were drawn on: their tags no longer say what they hold.
    @inline(__always)
    private mutating func untag(_ ys: Range<Int>) {
        let ys = ys.clamped(to: 0..<rowTags.count)
        guard !ys.isEmpty else { return }
        rowTags.withUnsafeMutableBufferPointer { tags in
            for y in ys { tags[y] = 0 }
        }
    }

    /// Starts a new frame: every cell blank in `role`, no cursor. Keeps the buffer when the
    /// size stays the same.
    public mutating func reset(size: Size, role: Role = .base) {
        cursor = nil
        guard size == self.size else {
            // The old cells go before the new are made: a resize never holds both.
            cells = []
            self = Canvas(size: size, role: role)
            return
        }
        let blank = Cell.blank(role)
        cells.withUnsafeMutableBufferPointer { Self.set($0.baseAddress!, count: $0.count, to: blank) }
        untag(0..<size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x x: Int, y y: Int) -> Cell {
        cells[y * size.width + x]
    }

    // MARK: - Drawing

    /// Fill a rectangle (clipped to the canvas) with blanks in a role.
    public mutating func fill(_ rect: Rect, role: Role) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        untag(r.y..<r.maxY)
        let width = size.width
        let blank = Cell.blank(role)
        cells.withUnsafeMutableBufferPointer { c in
            for y in r.y..<r.maxY {
                let row = y * width
                Self.set(c.baseAddress! + row + r.x, count: r.width, to: blank)
                // Half a wide glyph left outside the rectangle is blanked.
                if r.x > 0, c[row + r.x - 1].width == 2 { c[row + r.x - 1] = .blank(c[row + r.x - 1].role) }
                if r.maxX < width, c[row + r.maxX].isContinuation { c[row + r.maxX] = blank }
            }
        }
    }

    /// Sets `count` cells from `start` to `cell`, a 16-byte store each (the compiler makes four
    /// of a cell's words): a frame's reset and its panes' fills touch every cell.
    @inline(__always)
    private static func set(_ start: UnsafeMutablePointer<Cell>, count: Int, to cell: Cell) {
        let pattern = unsafeBitCast(cell, to: SIMD4<UInt32>.self)
        let raw = UnsafeMutableRawPointer(start)
        for i in 0..<count { raw.storeBytes(of: pattern, toByteOffset: i &* MemoryLayout<Cell>.stride, as: SIMD4<UInt32>.self) }
    }

    /// Change the role of the cells in a rectangle, keeping their text.
    public mutating func restyle(_ rect: Rect, role: Role) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        untag(r.y..<r.maxY)
        let width = size.width
        cells.withUnsafeMutableBufferPointer { c in
            for y in r.y..<r.maxY {
                for i in (y * width + r.x)..<(y * width + r.maxX) { c[i].role = role }
            }
        }
    }

    /// Draw text on row `y` from column `x`, stopping before column `maxX`
    /// (default: the right edge). Returns the column after the last cell drawn.
    /// A wide glyph that would cross `maxX` is not drawn.
    @discardableResult
    public mutating func put<S: StringProtocol>(_ text: S, x: Int, y: Int, role: Role, maxX: Int? = nil) -> Int {
        draw(text, x: x, y: y, role: role, maxX: maxX)
    }

    /// ``put(_:x:y:role:maxX:)`` for a string: made for it here, where the generic one is not
    /// (another module's call goes through the protocol's witnesses for every step).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role, maxX: Int? = nil) -> Int {
        draw(text, x: x, y: y, role: role, maxX: maxX)
    }

    /// ``put(_:x:y:role:maxX:)`` for a substring (a body line is a slice of its block's text).
    @discardableResult
    public mutating func put(_ text: Substring, x: Int, y: Int, role: Role, maxX: Int? = nil) -> Int {
        draw(text, x: x, y: y, role: role, maxX: maxX)
    }

    /// ``put(_:x:y:role:maxX:)`` for the UTF-8 bytes `bytes` of `text` (ends on scalar
    /// boundaries), without making a substring of them.
    @discardableResult
    public mutating func put(_ text: String, bytes range: Range<Int>, x: Int, y: Int, role: Role, maxX: Int? = nil) -> Int {
        guard let writer = writer(row: y, role: role, maxX: maxX) else { return x }
        let drawn: Int? = cells.withUnsafeMutableBufferPointer { c in
            text.utf8.withContiguousStorageIfAvailable { all in
                // A cluster the fast path does not take is read from the substring (made then).
                writer.put(UnsafeBufferPointer(rebasing: all[range]), from: x, into: c) { offset in
                    let slice = text.utf8Slice(range)
                    return slice[slice.utf8.index(slice.utf8.startIndex, offsetBy: offset)]
                }
            }
        }
        return drawn ?? draw(text.utf8Slice(range), x: x, y: y, role: role, maxX: maxX)
    }

    /// ``put(_:x:y:role:maxX:)`` for text given as UTF-8 bytes (valid UTF-8, as a String's are),
    /// such as text gathered in a buffer on the stack: nothing is allocated unless a cluster the
    /// fast path does not take (a combining mark, an emoji sequence) has to be read as a
    /// `Character`.
    @discardableResult
    public mutating func put(utf8 bytes: UnsafeBufferPointer<UInt8>, x: Int, y: Int, role: Role, maxX: Int? = nil) -> Int {
        guard let writer = writer(row: y, role: role, maxX: maxX) else { return x }
        return cells.withUnsafeMutableBufferPointer { c in
            writer.put(bytes, from: x, into: c) { offset in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[offset...]), as: UTF8.self).first ?? " "
            }
        }
    }

    /// The writer of the `put`s on row `y`, up to `maxX` (the canvas's width at most), the row's
    /// tag dropped as it is drawn on; nil for a row outside the canvas (nothing drawn).
    @inline(__always)
    private mutating func writer(row y: Int, role: Role, maxX: Int?) -> RowWriter? {
        guard y >= 0, y < size.height else { return nil }
        untag(y..<(y + 1))
        return RowWriter(row: y * size.width, width: size.width, limit: min(maxX ?? size.width, size.width), role: role)
    }

    /// The body of the `put`s.
    @inline(__always)
    private mutating func draw<S: StringProtocol>(_ text: S, x: Int, y: Int, role: Role, maxX: Int?) -> Int {
        guard let writer = writer(row: y, role: role, maxX: maxX) else { return x }
        let drawn: Int? = cells.withUnsafeMutableBufferPointer { c in
            text.utf8.withContiguousStorageIfAvailable { bytes in
                writer.put(bytes, from: x, into: c) { offset in text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)] }
            }
        }
        if let drawn { return drawn }
        // Text without contiguous UTF-8 (bridged or lazily made): one grapheme at a time.
        return cells.withUnsafeMutableBufferPointer { c in
            var col = x
            for character in text {
                if col >= writer.limit { break }
                guard writer.put(character, at: &col, into: c) else { return writer.limit }
            }
            return col
        }
    }

    /// Draw a single cell's worth of text repeated across a span (for rules and borders).
    public mutating func hline(_ glyph: String, x: Int, y: Int, width: Int, role: Role) {
        guard width > 0 else { return }
        repeatCell(glyph, count: width, role: role) { (x + $0, y) }
    }

    /// Draw a glyph down a column.
    public mutating func vline(_ glyph: String, x: Int, y: Int, height: Int, role: Role) {
        guard height > 0 else { return }
        repeatCell(glyph, count: height, role: role) { (x, y + $0) }
    }

    /// What drawing `glyph` into one cell at each of `count` places does: its cell is made
    /// once and copied.
    private mutating func repeatCell(_ glyph: String, count: Int, role: Role, place: (Int) -> (x: Int, y: Int)) {
        // Nothing fits one cell (a wide glyph, or no glyph): nothing is drawn, as `put` would.
        guard let cell = RowWriter.singleCell(glyph, role: role) else { return }
        let width = size.width, height = size.height
        for k in 0..<count {
            let y = place(k).y
            if y >= 0, y < height { rowTags[y] = 0 }
        }
        cells.withUnsafeMutableBufferPointer { c in
            for k in 0..<count {
                let (x, y) = place(k)
                guard y >= 0, y < height else { continue }
                RowWriter(row: y * width, width: width, limit: width, role: role).set(cell, at: x, into: c)
            }
        }
    }

    /// Puts `saved` (cells read with ``cells(x:y:width:)`` from a row filled in `role` and drawn
    /// on) back on row `y` from column `x`, clipped to the canvas: what filling that span in
    /// `role` and drawing it again does, half a wide glyph left outside blanked as ``fill(_:role:)``
    /// blanks it.
    public mutating func place(_ saved: [Cell], x: Int, y: Int, filledWith role: Role) {
        guard y >= 0, y < size.height, x >= 0, x < size.width else { return }
        let count = min(saved.count, size.width - x)
        guard count > 0 else { return }
        untag(y..<(y + 1))
        let row = y * size.width, end = x + count, width = size.width
        cells.withUnsafeMutableBufferPointer { c in
            saved.withUnsafeBufferPointer { s in (c.baseAddress! + row + x).update(from: s.baseAddress!, count: count) }
            if x > 0, c[row + x - 1].width == 2 { c[row + x - 1] = .blank(c[row + x - 1].role) }
            if end < width, c[row + end].isContinuation { c[row + end] = .blank(role) }
        }
    }

    /// A row put back whole: the same as filling `rect` (one row high) with blanks in `role`
    /// and placing `saved` from `lead` columns in (see ``place(_:x:y:filledWith:)``), in one
    /// pass over the row. With `tag` other than 0 and `rect` the canvas's whole width, the row
    /// is given that tag (the caller vouches that it names these cells, this lead and this
    /// role: see ``tag(row:)``); else it has none.
    public mutating func placeRow(_ saved: [Cell], lead: Int, in rect: Rect, role: Role, tag: UInt64 = 0) {
        let width = size.width
        guard rect.height == 1, rect.y >= 0, rect.y < size.height, rect.x >= 0, lead >= 0,
              rect.width > 0, rect.maxX <= width, lead + saved.count <= rect.width else {
            fill(rect, role: role)
            place(saved, x: rect.x + lead, y: rect.y, filledWith: role)
            return
        }
        rowTags[rect.y] = rect.x == 0 && rect.width == width ? tag : 0
        let blank = Cell.blank(role)
        let row = rect.y * width, start = row + rect.x, end = row + rect.maxX
        cells.withUnsafeMutableBufferPointer { c in
            let base = c.baseAddress!
            Self.set(base + start, count: lead, to: blank)
            saved.withUnsafeBufferPointer { s in
                if let cells = s.baseAddress { (base + start + lead).update(from: cells, count: s.count) }
            }
            Self.set(base + start + lead + saved.count, count: rect.width - lead - saved.count, to: blank)
            // Half a wide glyph left outside the row is blanked (as `fill` does).
            if rect.x > 0, c[start - 1].width == 2 { c[start - 1] = .blank(c[start - 1].role) }
            if end < row + width, c[end].isContinuation { c[end] = blank }
        }
    }

    /// Copies `count` rows from row `from` onto the rows from row `to` (the canvas's whole
    /// width), with their tags, as if through a buffer (the two spans may overlap): what a pane
    /// scrolled by `to - from` lines finds of its rows drawn in the frame before. Rows outside
    /// the canvas are left out.
    public mutating func copyRows(_ from: Int, to: Int, count: Int) {
        let height = size.height
        let first = max(0, -from, -to), end = min(count, height - from, height - to)
        guard from != to, first < end else { return }
        let width = size.width
        // In pieces of at most 4 KiB, each a `memmove` (the C library copies a larger block to
        // a lower address a byte at a time with `rep movsb`), in the order that reads each row
        // before it is written over.
        let piece = max(1, 4096 / (width * MemoryLayout<Cell>.stride))
        cells.withUnsafeMutableBufferPointer { c in
            let base = c.baseAddress!
            var k = to < from ? first : end
            while to < from ? k < end : k > first {
                let rows = to < from ? min(piece, end - k) : min(piece, k - first)
                let start = to < from ? k : k - rows
                (base + (to + start) * width).update(from: base + (from + start) * width, count: rows * width)
                k = to < from ? k + rows : k - rows
            }
        }
        rowTags.withUnsafeMutableBufferPointer { tags in
            let base = tags.baseAddress!
            (base + to + first).update(from: base + from + first, count: end - first)
        }
    }

    // MARK: - Reading back

    /// The `width` cells of row `y` from column `x` (clipped to the canvas), to be put back
    /// with ``place(_:x:y:)``.
    public func cells(x: Int, y: Int, width: Int) -> [Cell] { Array(row(x: x, y: y, width: width)) }

    /// The same cells as ``cells(x:y:width:)`` without copying them: a slice of the canvas's
    /// own cells, for reading before the canvas changes again.
    public func row(x: Int, y: Int, width: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height, x >= 0, x < size.width else { return [] }
        let start = y * size.width + x
        return cells[start..<(start + min(width, size.width - x))]
    }

    /// The canvas as lines of text (continuation cells omitted), for snapshots.
    public func lines() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width {
                let cell = self[x: x, y: y]
                if !cell.isContinuation { line += cell.text }
            }
            return line
        }
    }

    /// The lines with trailing spaces removed, joined by newlines.
    public var text: String {
        lines().map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }
}
