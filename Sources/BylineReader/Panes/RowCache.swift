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

    private var rows: [Key: Row] = [:]
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
    var count: Int { rows.count }

    /// Sizes the cache to the pane it keeps rows of (call it as the pane is drawn). A pane
    /// made smaller (a resize) drops the rows used longest ago at once, not at the next row kept:
    /// a frame whose rows are all kept keeps none.
    func fit(_ pane: Rect) {
        cellCapacity = max(Self.minimumCells, pane.width * pane.height * 3 / 2)
        if cellCount > cellCapacity { evict() }
    }

    /// The row drawn from `content`, if it is kept.
    func cells(for key: Key, _ content: Content) -> KeptRow? {
        guard let i = rows.index(forKey: key), rows.values[i].content == content else { return nil }
        clock += 1
        rows.values[i].used = clock
        return rows.values[i].kept
    }

    /// Keeps a row's cells as drawn from `content` on a row filled with `blank`; past
    /// ``capacity`` rows or ``cellCapacity`` cells, the rows used longest ago go.
    func keep(_ cells: [Cell], filledWith blank: Cell, for key: Key, _ content: Content) {
        clock += 1
        let first = cells.firstIndex { $0 != blank } ?? cells.count
        let end = first == cells.count ? first : cells.lastIndex { $0 != blank }! + 1
        let kept = KeptRow(lead: first, cells: Array(cells[first..<end]))
        let old = rows.updateValue(Row(content: content, kept: kept, width: cells.count, used: clock), forKey: key)
        cellCount += cells.count - (old?.width ?? 0)
        storedCellCount += kept.cells.count - (old?.kept.cells.count ?? 0)
        if rows.count > Self.capacity || cellCount > cellCapacity { evict() }
    }

    /// Whether the row under `key` is kept (whatever its content).
    func holds(_ key: Key) -> Bool { rows[key] != nil }

    /// Drops the rows used longest ago until a quarter of both limits is free (so this runs
    /// once in many rows kept, not on each).
    private func evict() {
        let byAge = rows.map { (key: $0.key, used: $0.value.used, width: $0.value.width, stored: $0.value.kept.cells.count) }
            .sorted { $0.used < $1.used }
        for row in byAge {
            if rows.count <= Self.capacity * 3 / 4 && cellCount <= cellCapacity * 3 / 4 { break }
            rows[row.key] = nil
            cellCount -= row.width
            storedCellCount -= row.stored
        }
    }
}
