import BylineCanvas
import BylineModel

/// What a list row's cells are made of (see ``RowCache``).
struct ListRowContent: Equatable {
    var x: Int
    var width: Int
    var role: Role
    var ascii: Bool
    var mark: String
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
