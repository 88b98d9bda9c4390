import BylineCanvas
import CNcursesw

/// What the window shows, cell by cell, and how to bring it to a new canvas: which lines to
/// scroll and which cells to draw. Bookkeeping only (``CursesTerminal`` draws), so it is tested
/// without curses.
///
/// The image keeps a 4-byte key a cell, not the 16-byte ``Cell``: a cell without combining
/// marks is its ``Cell/packedHead`` (base, width and role); a cell with marks has, in place of
/// its base, `0x110000` (past every scalar) plus the glyph's place in a small table of the
/// glyphs with marks shown. A key equals a cell's exactly when the cell is the same.
///
/// Each row also keeps a digest of the canvas row it was taken from (64 bits over the whole
/// 16-byte cells, keyed per process), and rows are told apart by their digests: a frame hashes
/// each canvas row once, and finding a scroll or an unchanged row compares digests, not cells.
/// Only the cells of rows whose digest changed are compared one by one, against their keys. A
/// canvas row under a tag (``Canvas/tag(row:)``) that a row of the window within ``maxShift``
/// lines was taken in under has that row's digest without being read: the zoomed list puts its
/// kept rows back under tags, so a move reads the rows it drew anew, not forty. The
/// image is kept in its own buffer, updated in place: presenting a frame allocates nothing (but
/// a glyph with marks not seen before). Its rows are reached through a table of row starts, so
/// a scroll moves table entries (and digests), not cells.
struct ScreenImage {
    /// Lines `top...bottom` of the window moved up by `lines` (down when negative), as curses'
    /// `wscrl` moves them inside that scrolling region.
    struct Shift: Equatable {
        var top: Int
        var bottom: Int
        var lines: Int
    }

    private(set) var size = Size(width: 0, height: 0)
    /// A key per cell (see the type's notes), rows at ``rowStart``.
    private var cells: [UInt32] = []
    /// The glyphs with marks the keys name, by their key's base minus ``markedBase``, and
    /// their places. Emptied (and the cells naming them forgotten) past ``maxMarked``.
    private var marked: [Glyph] = []
    private var markedIndex: [Glyph: UInt32] = [:]
    /// Where each row of the window starts in `cells`.
    private var rowStart: [Int] = []
    /// Per row, whether it differs from the canvas being presented (scratch for `scroll`).
    private var differs: [Bool] = []
    /// Per row of the window, the digest of the canvas row it shows (``RowDigest``), and
    /// whether it is known (false for rows not drawn since the window was erased or scrolled).
    private var digests: [UInt64] = []
    private var known: [Bool] = []
    /// Per row of the window, the tag of the canvas row it shows (``Canvas/tag(row:)``; 0 for
    /// none): a canvas row with the same tag has the same digest, found without reading its cells.
    private var tags: [UInt64] = []
    /// Scratch: the digests of the rows of the canvas being presented.
    private var incoming: [UInt64] = []
    private let digest = RowDigest()
    private var valid = false

    /// A cell no canvas holds (width 3): what the image has where the window's content is not known.
    private static let unknown = Cell(glyph: .none, width: 3, role: .base).packedHead

    private static let scalarMask: UInt32 = 0x1F_FFFF
    /// The key base of the first glyph with marks: the first value past every scalar.
    private static let markedBase: UInt32 = 0x11_0000
    /// Most glyphs with marks the table keeps (far fewer than the key's 21 bits can name).
    static let maxMarked = 4096

    /// Most lines a move is looked for (a line or a few: keys and the mouse wheel scroll so).
    static let maxShift = 3
    /// Fewest rows a move must bring into place to be worth a scroll.
    static let minRowsMoved = 3

    /// Whether the image is known and of this size.
    func holds(_ size: Size) -> Bool { valid && size == self.size }

    /// A window of this size whose content is not known (just erased): every cell will be drawn.
    mutating func start(_ size: Size) {
        self.size = size
        let count = size.width * size.height
        if cells.count == count {
            cells.withUnsafeMutableBufferPointer { $0.update(repeating: Self.unknown) }
        } else {
            cells = []  // the old cells go before the new are made: a resize never holds both
            cells = Array(repeating: Self.unknown, count: count)
        }
        // As many cells can make another number of rows (40x10 after 20x20; 0xN after 0xM).
        if rowStart.count != size.height {
            differs = Array(repeating: false, count: size.height)
            rowStart = Array(repeating: 0, count: size.height)
            digests = Array(repeating: 0, count: size.height)
            incoming = Array(repeating: 0, count: size.height)
            known = Array(repeating: false, count: size.height)
            tags = Array(repeating: 0, count: size.height)
        }
        for y in 0..<size.height {
            rowStart[y] = y * size.width
            known[y] = false
        }
        valid = true
    }

    /// Forgets the window's content: the next frame starts afresh.
    mutating func forget() { valid = false }

    /// How many glyphs with marks the table holds (for tests).
    var markedCount: Int { marked.count }

    /// The cell the image holds (for tests).
    subscript(x x: Int, y y: Int) -> Cell {
        let key = cells[rowStart[y] + x]
        let base = key & Self.scalarMask
        let glyph = base >= Self.markedBase ? marked[Int(base - Self.markedBase)] : Unicode.Scalar(base).map(Glyph.init) ?? .none
        return Cell(glyph: glyph, width: UInt8(key >> 21 & 3), role: Role.allCases[Int(key >> 23 & 0x1F)])
    }

    // MARK: - Keys

    /// The key of `cell` if the image can hold it without a new table entry (nil for a glyph
    /// with marks the table does not know, which no cell of the image has then).
    private static func knownKey(_ cell: Cell, _ markedIndex: [Glyph: UInt32]) -> UInt32? {
        guard cell.hasMarks else { return cell.packedHead }
        guard let index = markedIndex[cell.glyph] else { return nil }
        return cell.packedHead & ~Self.scalarMask | (Self.markedBase + index)
    }

    /// The key of `cell`, its glyph taken into the table if it has marks the table lacks.
    private mutating func key(_ cell: Cell) -> UInt32 {
        if let key = Self.knownKey(cell, markedIndex) { return key }
        let index = UInt32(marked.count)
        marked.append(cell.glyph)
        markedIndex[cell.glyph] = index
        return cell.packedHead & ~Self.scalarMask | (Self.markedBase + index)
    }

    /// Empties the table of glyphs with marks once it is full, forgetting the cells that named
    /// them (drawn again when next seen): the table stays bounded however many glyphs pass.
    private mutating func trimMarked() {
        guard marked.count > Self.maxMarked else { return }
        marked = []
        markedIndex = [:]
        cells.withUnsafeMutableBufferPointer { keys in
            for i in keys.indices where keys[i] & Self.scalarMask >= Self.markedBase { keys[i] = Self.unknown }
        }
        // Rows that named them no longer hold their canvas rows: compared cell by cell next.
        for y in known.indices { known[y] = false }
    }

    // MARK: - Scrolling

    /// Brings the window to `canvas`: `scroll` is called with the scroll that brings the most
    /// changed rows into place (if any brings at least ``minRowsMoved``), then `draw` once per
    /// row that changed, with the row's cells and the columns from the first to the last cell
    /// the window does not show yet (a wide glyph when either of its halves changed; a range
    /// never starts on a continuation and never ends inside a wide glyph). The cells between
    /// that did not change are drawn again as they are, which changes nothing on the screen
    /// and lets the terminal hand curses the range in one call. The image follows: it is the
    /// canvas afterwards.
    mutating func update(toward canvas: Canvas, scroll: (Shift) -> Void, draw: (_ y: Int, _ columns: Range<Int>, _ row: UnsafeBufferPointer<Cell>) -> Void) {
        precondition(valid && canvas.size == size, "update(toward:) needs start(_:) for the canvas's size")
        trimMarked()
        hashRows(of: canvas)
        var placed = 0..<0
        if let (shift, rows) = findShift() {
            scroll(shift)
            apply(shift)
            placed = rows
        }
        changes(toward: canvas, skipping: placed, draw: draw)
    }

    /// Takes the digest of each row of `canvas` into ``incoming``: a row tagged as a row the
    /// window shows within ``maxShift`` lines of it (a list scrolled by a line brings its rows
    /// back under the tags they had) has that row's digest; the others are hashed.
    private mutating func hashRows(of canvas: Canvas) {
        let width = size.width, height = size.height, digest = self.digest
        let canvasTags = canvas.rowTags
        canvas.cells.withUnsafeBufferPointer { new in
            incoming.withUnsafeMutableBufferPointer { incoming in
                tags.withUnsafeBufferPointer { tags in
                    known.withUnsafeBufferPointer { known in
                        digests.withUnsafeBufferPointer { digests in
                            for y in 0..<height {
                                let tag = canvasTags[y]
                                if tag != 0 {
                                    // Nearest first: the same row, then a line either way.
                                    var found = false
                                    for k in 0...(2 * Self.maxShift) {
                                        let oldY = y + (k % 2 == 0 ? k / 2 : -(k / 2 + 1))
                                        if oldY >= 0 && oldY < height && known[oldY] && tags[oldY] == tag {
                                            incoming[y] = digests[oldY]
                                            found = true
                                            break
                                        }
                                    }
                                    if found { continue }
                                }
                                incoming[y] = digest.of(new.baseAddress! + y * width, count: width)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether row `y` of the canvas being presented is what the window shows at `oldY`.
    private func same(_ y: Int, _ oldY: Int) -> Bool { known[oldY] && incoming[y] == digests[oldY] }

    /// The scroll that brings the most changed rows of the canvas (whose digests are in
    /// ``incoming``) into place, if it brings at least ``minRowsMoved``, and the rows it brings
    /// into place.
    private mutating func findShift() -> (Shift, Range<Int>)? {
        guard size.height > Self.minRowsMoved else { return nil }
        return known.withUnsafeBufferPointer { known in
            incoming.withUnsafeBufferPointer { incoming in
                digests.withUnsafeBufferPointer { digests in
                    differs.withUnsafeMutableBufferPointer { differs in
                        Self.bestShift(known: known, incoming: incoming, digests: digests, differs: differs)
                    }
                }
            }
        }
    }

    /// ``findShift()`` on the rows' facts: the window's row `oldY` shows canvas row `y` when
    /// `known[oldY] && incoming[y] == digests[oldY]`; `differs` is scratch of one per row.
    ///
    /// For each move (1, -1, 2, -2, ... lines), the maximal runs of rows it puts in place, in
    /// order; a run that fixes more changed rows than the best so far wins. Such a run is longer
    /// than the best's count, so of a stretch of rows not yet looked at only the row that many
    /// rows in is looked at first: where that row is not put in place, no run starting in the
    /// stretch before it is long enough, and the stretch after it is next; where it is, its run
    /// is found by going both ways from it. The same runs win as with every row looked at (for
    /// a list scrolled by a line, the second and later moves look at a row or two, not all).
    static func bestShift(known: UnsafeBufferPointer<Bool>, incoming: UnsafeBufferPointer<UInt64>,
                          digests: UnsafeBufferPointer<UInt64>, differs: UnsafeMutableBufferPointer<Bool>) -> (Shift, Range<Int>)? {
        let height = incoming.count
        guard height > minRowsMoved else { return nil }
        // Whether row `y` of the canvas is what the window shows at `oldY`.
        func same(_ y: Int, _ oldY: Int) -> Bool { known[oldY] && incoming[y] == digests[oldY] }
        var changed = 0
        for y in 0..<height {
            differs[y] = !same(y, y)
            if differs[y] { changed += 1 }
        }
        guard changed >= minRowsMoved else { return nil }
        var best: (Shift, Range<Int>)?
        var bestFixed = minRowsMoved - 1, bestLines = 0
        for k in 0..<(2 * maxShift) {
            // A move that leaves at most the uncovered lines and one more (a status line) to
            // draw is not bettered.
            if bestFixed >= changed - 1 - bestLines { break }
            let delta = k % 2 == 0 ? k / 2 + 1 : -(k / 2 + 1)
            let upper = min(height, height - delta)
            // Runs starting before `next` are done with (the row before it is none of a run).
            var next = max(0, -delta)
            while true {
                let probe = next + bestFixed
                guard probe < upper else { break }
                guard same(probe, probe + delta) else { next = probe + 1; continue }
                var runStart = probe
                while runStart > next && same(runStart - 1, runStart - 1 + delta) { runStart -= 1 }
                var y = probe + 1
                while y < upper && same(y, y + delta) { y += 1 }
                next = y + 1
                var fixed = 0
                for r in runStart..<y where differs[r] { fixed += 1 }
                guard fixed > bestFixed else { continue }
                bestFixed = fixed
                bestLines = abs(delta)
                let last = y - 1
                let shift = delta > 0 ? Shift(top: runStart, bottom: last + delta, lines: delta)
                                      : Shift(top: runStart + delta, bottom: last, lines: delta)
                best = (shift, runStart..<(last + 1))
            }
        }
        return best
    }

    /// Moves the image's rows as `wscrl` moves the window's, leaving the uncovered rows unknown.
    private mutating func apply(_ shift: Shift) {
        let width = size.width
        let n = abs(shift.lines)
        let rows = shift.top...shift.bottom
        // The row starts rotate within the region, a line at a time: the rows scrolled out take
        // the uncovered places.
        for _ in 0..<n {
            if shift.lines > 0 {
                let out = rowStart[rows.lowerBound]
                for y in rows.lowerBound..<rows.upperBound {
                    rowStart[y] = rowStart[y + 1]
                    digests[y] = digests[y + 1]
                    known[y] = known[y + 1]
                    tags[y] = tags[y + 1]
                }
                rowStart[rows.upperBound] = out
            } else {
                let out = rowStart[rows.upperBound]
                for y in stride(from: rows.upperBound, to: rows.lowerBound, by: -1) {
                    rowStart[y] = rowStart[y - 1]
                    digests[y] = digests[y - 1]
                    known[y] = known[y - 1]
                    tags[y] = tags[y - 1]
                }
                rowStart[rows.lowerBound] = out
            }
        }
        let uncovered = uncoveredRows(shift)
        for y in uncovered { known[y] = false }
        let rowStart = self.rowStart
        cells.withUnsafeMutableBufferPointer { c in
            for y in uncovered { (c.baseAddress! + rowStart[y]).update(repeating: Self.unknown, count: width) }
        }
    }

    /// The rows a shift leaves blank.
    private func uncoveredRows(_ shift: Shift) -> ClosedRange<Int> {
        let n = abs(shift.lines)
        return shift.lines > 0 ? (shift.bottom - n + 1)...shift.bottom : shift.top...(shift.top + n - 1)
    }

    // MARK: - Cells

    /// Calls `draw` for each run of cells of `canvas` the window does not show yet, but in rows
    /// `placed` (known to be in place), and takes the canvas in as the new image. Runs closer
    /// than ``joinedGap`` unchanged cells are drawn as one.
    private mutating func changes(toward canvas: Canvas, skipping placed: Range<Int>, draw: (_ y: Int, _ columns: Range<Int>, _ row: UnsafeBufferPointer<Cell>) -> Void) {
        let width = size.width, height = size.height
        var keys = cells
        cells = []  // one owner while the keys are written: no copy
        defer { cells = keys }
        canvas.cells.withUnsafeBufferPointer { new in
            keys.withUnsafeMutableBufferPointer { image in
                guard width > 0 else { return }
                for y in 0..<height where !placed.contains(y) && !same(y, y) {
                    let newRow = new.baseAddress! + y * width
                    let oldRow = image.baseAddress! + rowStart[y]
                    let row = UnsafeBufferPointer(start: newRow, count: width)
                    // A cell's first word: its head (its key when it has no marks) and its
                    // first marks word (see `Cell`).
                    let words = UnsafeRawPointer(newRow)
                    // One pass: each cell's key is made (a glyph with marks taken into the
                    // table), compared with the image's and written over it. A wide glyph is
                    // drawn when either half changed; its right half's key is read before it is
                    // written, as the pass comes to it next.
                    var first = -1, end = 0
                    var x = 0
                    while x < width {
                        let word = words.loadUnaligned(fromByteOffset: x &* 16, as: UInt64.self)
                        let newKey = word >> 32 == 0 ? UInt32(truncatingIfNeeded: word) : key(newRow[x])
                        let oldKey = oldRow[x]
                        if oldKey == newKey {
                            // The same: drawn only if a wide glyph whose right half changed.
                            if newKey & Self.wideBit == 0 { x &+= 1; continue }
                            if x &+ 1 < width && oldRow[x &+ 1] == Self.knownKey(newRow[x &+ 1], markedIndex) { x &+= 1; continue }
                        } else {
                            oldRow[x] = newKey
                            // A continuation: its wide glyph, a cell before, decides.
                            if newKey & Self.widthBits == 0 { x &+= 1; continue }
                        }
                        // Cell x is drawn: a run starts, goes on, or (past the gap) starts anew.
                        if first < 0 {
                            first = x
                        } else if x &- end > Self.joinedGap {
                            draw(y, first..<end, row)
                            first = x
                        }
                        end = min(width, x &+ Int(newKey >> 21 & 3))
                        x &+= 1
                        // The changed cells of one column without marks that follow (most of a
                        // changed run), in a tight loop: written over and drawn.
                        while x < width {
                            let word = words.loadUnaligned(fromByteOffset: x &* 16, as: UInt64.self)
                            guard word & Self.plainMask == Self.plainBits else { break }
                            let newKey = UInt32(truncatingIfNeeded: word)
                            guard oldRow[x] != newKey else { break }
                            oldRow[x] = newKey
                            x &+= 1
                        }
                        end = max(end, x)
                    }
                    if first >= 0 { draw(y, first..<end, row) }
                    digests[y] = incoming[y]
                    known[y] = true
                }
            }
        }
        for y in placed { digests[y] = incoming[y] }
        // Every row of the window now shows the canvas's row: under its tag.
        // (Copied into the image's own storage: holding the canvas's array would make the
        // canvas copy it at its next frame.)
        canvas.rowTags.withUnsafeBufferPointer { from in
            tags.withUnsafeMutableBufferPointer { to in
                for y in 0..<min(to.count, from.count) { to[y] = from[y] }
            }
        }
    }

    /// Most unchanged cells between two changed ones drawn as one run (drawing a cell again
    /// costs less than another call).
    static let joinedGap = 3

    /// The bit of a key (or head) set for a wide glyph's first cell (width 2) and the unknown
    /// cell (width 3).
    private static let wideBit: UInt32 = 1 << 22
    /// A cell's first word (see `Cell`) masked with ``plainMask`` is ``plainBits`` for a
    /// cell of one column without marks (whose key is its head).
    private static let plainMask: UInt64 = 0xFFFF_FFFF_0060_0000
    private static let plainBits: UInt64 = 0x20_0000
    /// A key's (or head's) width bits: none set for a continuation.
    private static let widthBits: UInt32 = 3 << 21
}

/// A 64-bit digest of a row of cells, over their whole 16 bytes, keyed with numbers drawn for
/// the process (so no text can be made to give two different rows one digest, but by chance:
/// one in 2^64 per comparison).
struct RowDigest {
    private let seed: UInt64
    private let multiplier: UInt64

    init() {
        var random = SystemRandomNumberGenerator()
        seed = random.next()
        multiplier = random.next() | 1
    }

    /// The digest of `count` cells from `row`.
    func of(_ row: UnsafePointer<Cell>, count: Int) -> UInt64 {
        // Each cell is two words; a cell without marks has its second word zero (the marks of
        // all a row's cells are or-ed and hashed in a second pass only when any is set).
        UnsafeRawPointer(row).withMemoryRebound(to: UInt64.self, capacity: 2 * count) { words in
            var h = seed ^ UInt64(count), rest: UInt64 = 0
            for i in 0..<count {
                h = Self.mix(h ^ words[2 * i], multiplier)
                rest |= words[2 * i + 1]
            }
            if rest != 0 {
                for i in 0..<count { h = Self.mix(h ^ words[2 * i + 1], multiplier) }
            }
            return (h ^ h >> 29) &* multiplier ^ h >> 32
        }
    }

    /// `x` times `multiplier` in full (128 bits), its halves folded: how a difference in `x`
    /// shows in the result depends on the key. (A plain 64-bit multiply keeps a difference in
    /// the top bit alone as it is, for any odd key: the next word could cancel it, and rows
    /// made to differ so had one digest.)
    @inline(__always)
    private static func mix(_ x: UInt64, _ multiplier: UInt64) -> UInt64 {
        let (high, low) = x.multipliedFullWidth(by: multiplier)
        return high ^ low
    }
}
