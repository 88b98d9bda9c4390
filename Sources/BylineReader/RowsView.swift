import BylineModel

/// The articles the list shows, in order: a view over the library by identity. The whole
/// library is one rows view; a filter or a search result is another.
public struct RowsView: Equatable, Sendable {
    public private(set) var ids: [ArticleID]

    public init(_ ids: [ArticleID]) {
        self.ids = ids
    }

    public var count: Int { ids.count }
    public var isEmpty: Bool { ids.isEmpty }

    public subscript(row: Int) -> ArticleID { ids[row] }

    /// The row showing an article, if it is in the view.
    public func row(of id: ArticleID) -> Int? { ids.firstIndex(of: id) }

    /// The article at a row, when the row exists.
    public func id(at row: Int) -> ArticleID? { ids.indices.contains(row) ? ids[row] : nil }

    /// Adds articles at their places in the view's order.
    mutating func insert(_ new: [ArticleID], library: Library, order: ListOrder) {
        let known = Set(ids)
        let fresh = new.filter { !known.contains($0) }
        ids = library.merge(fresh, into: ids, order: order)
    }

    /// Removes articles from the view.
    mutating func remove(_ gone: Set<ArticleID>) {
        guard !gone.isEmpty else { return }
        ids.removeAll { gone.contains($0) }
    }
}
