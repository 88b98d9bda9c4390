import BylineCanvas

/// A pane's rows as last drawn, so a row whose content did not change is copied into the frame
/// instead of being measured and drawn again: a move in the zoomed list changes two rows of
/// forty, a line scrolled in reading mode brings in one. A row is kept under a key (the
/// article of a list row, the line of the body) with everything its cells come from
/// (`Content`); a row drawn from other content replaces it. Used on the run loop's thread only.
final class RowCache<Key: Hashable, Content: Equatable> {
    private var rows: [Key: (content: Content, cells: [Cell])] = [:]
    /// Most rows kept: a few screens' worth; past it the cache starts afresh.
    static var capacity: Int { 512 }

    /// The cells of the row drawn from `content`, if it is kept.
    func cells(for key: Key, _ content: Content) -> [Cell]? {
        guard let row = rows[key], row.content == content else { return nil }
        return row.cells
    }

    /// Keeps a row's cells as drawn from `content`.
    func keep(_ cells: [Cell], for key: Key, _ content: Content) {
        if rows.count >= Self.capacity && rows[key] == nil { rows.removeAll(keepingCapacity: true) }
        rows[key] = (content, cells)
    }
}
