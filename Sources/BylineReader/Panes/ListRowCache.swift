import BylineCanvas
import BylineModel

/// What a list row's cells are made of besides its headline, in plain values (see
/// ``ListRowContent``): compared first, so a row that did not change is known as such without
/// its strings (marks, reading time, date, folder) being made. The folder is not in it: a path
/// is never given another article's number, so it is the same while the article and the width are.
struct ListRowStamp: Equatable {
    var x: Int
    var width: Int
    /// Columns for the date and folder (0 in the zoomed list).
    var room: Int
    var role: Role
    var ascii: Bool
    var recursive: Bool
    /// Which mark (``ListPane/Mark``).
    var mark: UInt8
    var time: ReadingTime
    /// With dates shown: the file's time (`Int64.min` when not known), the day it is and the
    /// time zone's offset (a date label reads "today" by them); all 0 without.
    var modified: Int64
    var today: Int64
    var offset: Int
}

/// What a list row's cells are made of (see ``RowCache``).
struct ListRowContent: RowContent {
    var stamp: ListRowStamp
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
struct BodyRowContent: RowContent {
    var line: BodyLine
    var x: Int
    var width: Int
    var left: Int
    var highlighted: Bool

    /// With the line's text copied out of its paragraph (``BodyLine/detached``).
    var standalone: BodyRowContent {
        var content = self
        content.line = line.detached
        return content
    }

    /// `new`, its line's text copied into the strings this content's line already has.
    mutating func become(_ new: BodyRowContent) {
        line.copy(new.line)
        x = new.x
        width = new.width
        left = new.left
        highlighted = new.highlighted
    }
}

/// The body's rows as last drawn, by line.
typealias BodyRowCache = RowCache<Int, BodyRowContent>
