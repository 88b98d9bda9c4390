import BylineCanvas
import BylineModel

/// What a list row's cells are made of (see ``RowCache``).
struct ListRowContent: Equatable {
    var x: Int
    var width: Int
    var role: Role
    var ascii: Bool
    var mark: String
    /// The headline (or file name) as read, before it is made fit for the terminal: a row
    /// kept is checked against the headline read without making its string again.
    var source: String
    var headline: String
    var right: String
    var folder: String
}

/// The list's rows as last drawn, by article.
typealias ListRowCache = RowCache<ArticleID, ListRowContent>

/// What a body row's cells are made of: the laid-out line and where it goes.
struct BodyRowContent: Equatable {
    var line: BodyLine
    var x: Int
    var width: Int
    var left: Int
    var highlighted: Bool
}

/// The body's rows as last drawn, by line.
typealias BodyRowCache = RowCache<Int, BodyRowContent>
