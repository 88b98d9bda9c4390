import BylineCanvas
import BylineModel

/// The list's rows as last drawn, so a row whose content did not change is copied into the
/// frame instead of being measured and drawn again (a move in the zoomed list changes two rows
/// of forty). A row is kept by article, with everything its cells come from; a row drawn from
/// other content replaces it. Used on the run loop's thread only.
final class ListRowCache {
    /// What a row's cells are made of.
    struct Content: Equatable {
        var x: Int
        var width: Int
        var role: Role
        var ascii: Bool
        var mark: String
        var headline: String
        var right: String
        var folder: String
    }

    private var rows: [ArticleID: (content: Content, cells: [Cell])] = [:]
    /// Most rows kept: a few screens' worth; past it the cache starts afresh.
    static let capacity = 512

    /// The cells of the row drawn from `content`, if it is kept.
    func cells(for id: ArticleID, _ content: Content) -> [Cell]? {
        guard let row = rows[id], row.content == content else { return nil }
        return row.cells
    }

    /// Keeps a row's cells as drawn from `content`.
    func keep(_ cells: [Cell], for id: ArticleID, _ content: Content) {
        if rows.count >= Self.capacity && rows[id] == nil { rows.removeAll(keepingCapacity: true) }
        rows[id] = (content, cells)
    }
}
