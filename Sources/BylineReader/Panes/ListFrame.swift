import BylineCanvas
import BylineModel

/// What the list's rows in one frame share, found once a frame (see ``ListPane``), and how a
/// row looks in it: its role, its mark and its stamp.
struct ListFrame {
    let rect: Rect
    /// The list's rows on screen.
    let visible: Range<Int>
    /// Lines a row takes (two for a search's results).
    let rowHeight: Int
    let ascii: Bool
    let recursive: Bool
    /// Columns for the date and folder (0 in the zoomed list).
    let room: Int
    let datesShown: Bool
    /// With dates shown: the day it is and the time zone's offset (0 without).
    let today: Int64
    let offset: Int
    /// Whether the pane's rows span the canvas (single lines the whole width): then they are
    /// put back under tags (``Canvas/tag(row:)``).
    let spans: Bool
    private let selectedRow: Int
    private let focused: Bool
    // The state's sets, taken out once (not retained and released for each row).
    private let read: Set<ArticleID>
    private let fresh: Set<ArticleID>
    let deleted: [ArticleID: String]
    private let missing: Set<ArticleID>?
    private let anyGone: Bool

    /// The frame of the list in `rect` on a canvas of size `canvas`; `results` when it shows a
    /// library search's results, whose files gone are `missing`. (The state is borrowed: an
    /// initializer's parameters are taken owned, a copy of the state's fields each frame.)
    init(_ state: borrowing ReaderState, rect: Rect, canvas: Size, results: Bool, missing: Set<ArticleID>?) {
        self.rect = rect
        rowHeight = results ? 2 : 1
        // ``ReaderState/visibleRows`` for the list in `rect` (without making the layout again).
        visible = state.listTop..<min(state.rows.count, state.listTop + max(1, rect.height / rowHeight))
        ascii = state.ascii
        recursive = state.library.recursive
        room = state.zoomed ? 0 : rect.width
        datesShown = room >= ListPane.datesFrom
        today = datesShown ? ListDate.day(state.now, offset: state.utcOffset) : 0
        offset = datesShown ? state.utcOffset : 0
        spans = rect.x == 0 && rect.width == canvas.width && rect.y >= 0 && rect.maxY <= canvas.height
            && rowHeight == 1 && !results
        selectedRow = state.selectedRow
        focused = state.focus == .list
        read = state.read
        fresh = state.fresh
        deleted = state.deleted
        self.missing = missing
        anyGone = !deleted.isEmpty || missing?.isEmpty == false
    }

    /// How a row looks in the frame.
    struct Look {
        var role: Role
        var mark: ListPane.Mark
        /// What the row's cells are made of besides its headline.
        var stamp: ListRowStamp
    }

    /// How row `row` (article `id`, with reading time `time` and file time `modified`) looks.
    @inline(__always)
    func look(_ row: Int, _ id: ArticleID, _ time: ReadingTime, modified: Int64?) -> Look {
        let isRead = read.contains(id)
        let role: Role = row == selectedRow ? (focused ? .listSelected : .listSelectedUnfocused) : (isRead ? .listRead : .listUnread)
        let mark: ListPane.Mark = anyGone && (deleted[id] != nil || missing?.contains(id) == true) ? .deleted
            : !fresh.isEmpty && fresh.contains(id) ? .new : isRead ? .read : .unread
        let stamp = ListRowStamp(x: rect.x, width: rect.width, room: room, role: role, ascii: ascii,
                                 recursive: recursive, mark: mark.rawValue, time: time,
                                 modified: datesShown ? modified ?? Int64.min : 0, today: today, offset: offset)
        return Look(role: role, mark: mark, stamp: stamp)
    }
}

/// What the list found a row to be as it draws it with its cache (see ``ListPane``).
struct ListRowPlan {
    enum Kind: UInt8 {
        /// Drawn anew.
        case draw
        /// The row kept, in place on the canvas.
        case inPlace
        /// The row kept, on the canvas as many rows away as the list moved.
        case moved
        /// The row kept, placed from the cache.
        case place
        /// The row kept in another role (``from``), recoloured.
        case recolour
    }

    /// The row's slot in the cache as the frame began, or -1.
    var slot: Int
    var kind = Kind.draw
    /// Whether the cache noted the row's headline as the one read while no headline has been set since.
    var verified = false
    var role = Role.listNormal
    var from = Role.listNormal
}
