import BylineCanvas
import BylineModel

/// The article list: one row per article with its marks, the headline and reading time.
///
/// Marks: `•` unread, `+` new since the reader opened (the folder changed), `x` deleted while
/// selected. Reading times are counted once the article was parsed and estimated from the file's
/// size before (shown `~4m`). Rows whose headline is not read yet show the file name until it arrives.
public struct ListPane {
    public init() {}

    public func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        let glyphs = BoxGlyphs.forMode(ascii: state.ascii)
        let focused = state.focus == .list
        canvas.fill(rect, role: .listNormal)
        guard !state.rows.isEmpty else {
            let below = state.articlesInSubfolders ?? 0
            let note = below > 0 ? "No articles here; \(below) in subfolders (use --recursive)" : "No articles here."
            for (i, line) in WordWrap.wrap(note, width: max(1, rect.width - 1)).prefix(rect.height).enumerated() {
                canvas.put(line, x: rect.x + 1, y: rect.y + i, role: .listNormal, maxX: rect.maxX)
            }
            return
        }
        for row in state.visibleRows {
            let id = state.rows[row]
            let y = rect.y + row - state.listTop
            let isSelected = row == state.selectedRow
            let isRead = state.read.contains(id)
            let role: Role = isSelected ? (focused ? .listSelected : .listSelectedUnfocused) : (isRead ? .listRead : .listUnread)
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role)
            let minutes = Self.minutesLabel(state.library.readingTime(id))
            let mark: String
            if state.deleted[id] != nil {
                mark = glyphs.deletedMark
            } else if state.fresh.contains(id) {
                mark = glyphs.newMark
            } else {
                mark = isRead ? " " : glyphs.unreadMark
            }
            let headline = Transliterate.forTerminal(state.headline(of: id) ?? state.library.name(of: id), ascii: state.ascii)
            let headWidth = rect.width - 2 - minutes.count - 1
            var x = canvas.put(mark, x: rect.x, y: y, role: role, maxX: rect.maxX)
            x = canvas.put(" ", x: x, y: y, role: role, maxX: rect.maxX)
            if headWidth > 0 {
                canvas.put(Truncate.toWidth(headline, headWidth, ellipsis: glyphs.ellipsis), x: x, y: y, role: role, maxX: x + headWidth)
                canvas.put(minutes, x: rect.maxX - minutes.count, y: y, role: role, maxX: rect.maxX)
            } else {
                canvas.put(headline, x: x, y: y, role: role, maxX: rect.maxX)
            }
        }
    }

    static func minutesLabel(_ time: ReadingTime) -> String {
        switch time {
        case .exact(let m): return "\(m)m"
        // Guessed from the file's size: marked, so a change when it is counted is no surprise.
        case .estimate(let m): return "~\(m)m"
        case .unknown, .unreadable: return ""
        }
    }

    /// The list row under a cell of the pane, if there is an article there.
    public static func row(at point: Point, in rect: Rect, state: ReaderState) -> Int? {
        guard rect.contains(x: point.x, y: point.y) else { return nil }
        let row = state.listTop + point.y - rect.y
        return row < state.rows.count ? row : nil
    }
}
