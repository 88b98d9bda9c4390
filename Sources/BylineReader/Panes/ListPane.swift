import BylineCanvas

/// The article list: one row per article with an unread mark, the headline and reading time.
public struct ListPane {
    public init() {}

    public func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        let glyphs = BoxGlyphs.forMode(ascii: state.ascii)
        let focused = state.focus == .list
        canvas.fill(rect, role: .listNormal)
        guard state.library.count > 0 else {
            canvas.put("No articles here.", x: rect.x + 1, y: rect.y, role: .listNormal, maxX: rect.maxX)
            return
        }
        for row in 0..<rect.height {
            let index = state.listTop + row
            guard index < state.library.count else { break }
            let y = rect.y + row
            let isSelected = index == state.selected
            let isRead = state.read.contains(index)
            let role: Role = isSelected ? (focused ? .listSelected : .listSelectedUnfocused) : (isRead ? .listRead : .listUnread)
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role)
            let estimate = state.library.estimatedMinutes(at: index)
            let minutes = estimate > 0 ? "\(estimate)m" : ""
            let mark = isRead ? " " : glyphs.unreadMark
            let headline = state.library.headline(at: index)
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
}
