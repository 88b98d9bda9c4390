import BylineCanvas

/// A pane's rows as last drawn, so a row whose content did not change is copied into the frame
/// instead of being measured and drawn again: a move in the zoomed list changes two rows of
/// forty, a line scrolled in reading mode brings in one. A row is kept under a key (the
/// article of a list row, the line of the body) with everything its cells come from
/// (`Content`); a row drawn from other content replaces it. Used on the run loop's thread only.
final class RowCache<Key: Hashable, Content: Equatable> {
    private struct Row {
        var content: Content
        var cells: [Cell]
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
    /// Cells in all rows kept.
    private(set) var cellCount = 0
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

    /// Sizes the cache to the pane it keeps rows of (call it as the pane is drawn).
    func fit(_ pane: Rect) {
        cellCapacity = max(Self.minimumCells, pane.width * pane.height * 3 / 2)
    }

    /// The cells of the row drawn from `content`, if it is kept.
    func cells(for key: Key, _ content: Content) -> [Cell]? {
        guard let slot = slots[key], kept[slot].content == content else { return nil }
        clock += 1
        kept[slot].used = clock
        return kept[slot].cells
    }

    /// The content of the row kept under `key`, if any (the row is not marked used).
    func content(for key: Key) -> Content? { slots[key].map { kept[$0].content } }

    /// Keeps a row's cells as drawn from `content`; past ``capacity`` rows or ``cellCapacity``
    /// cells, the rows used longest ago go.
    func keep(_ cells: [Cell], for key: Key, _ content: Content) {
        clock += 1
        let row = Row(content: content, cells: cells, used: clock)
        if let slot = slots[key] {
            cellCount += cells.count - kept[slot].cells.count
            kept[slot] = row
        } else if let slot = free.popLast() {
            cellCount += cells.count
            slots[key] = slot
            kept[slot] = row
        } else {
            cellCount += cells.count
            slots[key] = kept.count
            kept.append(row)
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
            cellCount -= kept[row.slot].cells.count
            // The slot's cells go now; its content stays until the slot is used again.
            kept[row.slot].cells = []
            free.append(row.slot)
        }
    }
}
