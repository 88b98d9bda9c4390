import BylineCanvas

/// A pane's rows as last drawn, so a row whose content did not change is copied into the frame
/// instead of being measured and drawn again: a move in the zoomed list changes two rows of
/// forty, a line scrolled in reading mode brings in one. A row is kept under a key (the
/// article of a list row, the line of the body) with everything its cells come from
/// (`Content`); a row drawn from other content replaces it. Used on the run loop's thread only.
///
/// A row is kept without the blanks it was filled with on either side (``KeptRow``): a body
/// line centred in a wide pane, or a headline in the zoomed list, leaves most of its row blank.
final class RowCache<Key: Hashable, Content: Equatable> {
    /// A row's cells between the blanks it was filled with: put it back by filling the row
    /// and placing `cells` from `lead` columns in.
    struct KeptRow {
        /// Blank cells before `cells`.
        var lead: Int
        var cells: [Cell]
    }

    private struct Row {
        var content: Content
        var kept: KeptRow
        /// Cells the row spans, blanks included (what the limits count).
        var width: Int
        /// When the row was last kept or copied (``clock`` then).
        var used: Int
    }

    /// Where each key's row is in `kept`.
    private var slots: [Key: Int] = [:]
    /// The rows, by slot (a row is read in place, not copied out of a dictionary with its
    /// content and cells); the slots of rows dropped are in `free`.
    private var kept: [Row] = []
    private var free: [Int] = []
    /// Counts keeps and copies, to tell the rows used last.
    private var clock = 0
    /// Cells the rows kept span, blanks included.
    private(set) var cellCount = 0
    /// Cells held in memory for the rows kept (their blanks either side left out).
    private(set) var storedCellCount = 0
    /// Most rows kept: a few screens' worth.
    static var capacity: Int { 512 }
    /// Most cells kept: half again as many as the pane shows (``fit(_:)``), so its rows stay
    /// from frame to frame and a line scrolled back finds its row, but not 512 rows of a wide
    /// terminal (16 bytes a cell: 2.3 MiB at 300 columns).
    private(set) var cellCapacity = RowCache.minimumCells
    /// Fewest cells kept, however small the pane.
    static var minimumCells: Int { 4096 }

    /// Rows kept.
    var count: Int { slots.count }

    /// Sizes the cache to the pane it keeps rows of (call it as the pane is drawn). A pane
    /// made smaller (a resize) drops the rows used longest ago at once, not at the next row kept:
    /// a frame whose rows are all kept keeps none.
    func fit(_ pane: Rect) {
        cellCapacity = max(Self.minimumCells, pane.width * pane.height * 3 / 2)
        if cellCount > cellCapacity { evict() }
    }

    /// The row drawn from `content`, if it is kept.
    func cells(for key: Key, _ content: Content) -> KeptRow? {
        slot(of: key).flatMap { cells(inSlot: $0, content) }
    }

    /// The content of the row kept under `key`, if any (the row is not marked used).
    func content(for key: Key) -> Content? { slots[key].map { kept[$0].content } }

    /// Where the row kept under `key` is, if it is kept: for the calls below, valid until the
    /// next ``keep(_:filledWith:for:_:)`` or ``fit(_:)`` (a row looked at twice is looked up once).
    func slot(of key: Key) -> Int? { slots[key] }

    /// What `body` makes of the content of the row in `slot`, read in place (not copied out).
    func withContent<Result>(inSlot slot: Int, _ body: (Content) -> Result) -> Result {
        kept.withUnsafeBufferPointer { body($0[slot].content) }
    }

    /// The row in `slot` if it was drawn from `content`.
    func cells(inSlot slot: Int, _ content: Content) -> KeptRow? {
        let same = kept.withUnsafeBufferPointer { $0[slot].content == content }
        guard same else { return nil }
        clock += 1
        return kept.withUnsafeMutableBufferPointer { rows in
            rows[slot].used = clock
            return rows[slot].kept
        }
    }

    /// Keeps a row's cells as drawn from `content` on a row filled with `blank`; past
    /// ``capacity`` rows or ``cellCapacity`` cells, the rows used longest ago go.
    func keep(_ cells: [Cell], filledWith blank: Cell, for key: Key, _ content: Content) {
        clock += 1
        let first = cells.firstIndex { $0 != blank } ?? cells.count
        let end = first == cells.count ? first : cells.lastIndex { $0 != blank }! + 1
        let row = Row(content: content, kept: KeptRow(lead: first, cells: Array(cells[first..<end])),
                      width: cells.count, used: clock)
        if let slot = slots[key] {
            cellCount += row.width - kept[slot].width
            storedCellCount += row.kept.cells.count - kept[slot].kept.cells.count
            kept[slot] = row
        } else {
            cellCount += row.width
            storedCellCount += row.kept.cells.count
            if let slot = free.popLast() {
                slots[key] = slot
                kept[slot] = row
            } else {
                slots[key] = kept.count
                kept.append(row)
            }
        }
        if slots.count > Self.capacity || cellCount > cellCapacity { evict() }
    }

    /// Whether the row under `key` is kept (whatever its content).
    func holds(_ key: Key) -> Bool { slots[key] != nil }

    /// Drops the rows used longest ago until a quarter of both limits is free (so this runs
    /// once in many rows kept, not on each).
    private func evict() {
        let byAge = slots.map { (key: $0.key, slot: $0.value, used: kept[$0.value].used) }.sorted { $0.used < $1.used }
        for row in byAge {
            if slots.count <= Self.capacity * 3 / 4 && cellCount <= cellCapacity * 3 / 4 { break }
            slots[row.key] = nil
            cellCount -= kept[row.slot].width
            storedCellCount -= kept[row.slot].kept.cells.count
            // The slot's cells go now; its content stays until the slot is used again.
            kept[row.slot].kept.cells = []
            kept[row.slot].width = 0
            free.append(row.slot)
        }
    }
}
