import BylineCanvas

/// The quote sidebar: pull quotes first, then other speech, each with who said it.
/// The quote in view (or the one chosen) is marked, and kept on screen.
public struct SidebarPane {
    public init() {}

    public func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, role: .sidebarNormal)
        let glyphs = BoxGlyphs.forMode(ascii: state.ascii)
        guard let article = state.article, let layout = state.sidebar, rect.width > 3 else { return }
        let entries = state.sidebarEntries
        let pullCount = entries.filter { article.quotes[$0].pull }.count
        let title = entries.isEmpty ? "No quotes" : "Quotes \(pullCount) pull\(glyphs.separator)\(entries.count - pullCount) more"
        // With the keys, the title row shows it (a role of its own, so also without colour).
        let focused = state.focus == .sidebar
        if focused { canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .sidebarCurrent) }
        canvas.put(title, x: rect.x + 1, y: rect.y, role: focused ? .sidebarCurrent : .crosshead, maxX: rect.maxX)
        let current = state.currentSidebarEntry
        let top = rect.y + 2
        guard rect.height > 2 else { return }
        let scroll = Self.scroll(layout, current: current, height: rect.height - 2)
        for (n, lines) in layout.entries.enumerated() {
            let first = top + layout.starts[n] - scroll
            if first >= rect.maxY { break }
            if first + lines.count <= top { continue }
            let isCurrent = n == current
            for (i, line) in lines.enumerated() {
                let y = first + i
                guard y >= top, y < rect.maxY else { continue }
                let role: Role = isCurrent ? .sidebarCurrent : line.role
                if isCurrent { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .sidebarCurrent) }
                if isCurrent && i == 0 { canvas.put(glyphs.currentMark, x: rect.x, y: y, role: .sidebarCurrent, maxX: rect.x + 1) }
                canvas.put(line.base, bytes: line.bytes, x: rect.x + 2, y: y, role: role, maxX: rect.maxX)
            }
        }
    }

    /// Lines scrolled off the top so the current entry shows in `height` lines.
    static func scroll(_ layout: SidebarLayout, current: Int?, height: Int) -> Int {
        guard let current, current < layout.entries.count else { return 0 }
        let s = layout.starts[current], e = s + layout.entries[current].count
        return e > height ? min(s, e - height) : 0
    }

    /// The sidebar entry (an index into ``ReaderState/sidebarEntries``) under a cell of the pane.
    public static func entry(at point: Point, in rect: Rect, state: ReaderState) -> Int? {
        guard rect.contains(x: point.x, y: point.y), let layout = state.sidebar, rect.height > 2 else { return nil }
        let line = point.y - rect.y - 2 + scroll(layout, current: state.currentSidebarEntry, height: rect.height - 2)
        guard line >= 0 else { return nil }
        return layout.starts.indices.first { line >= layout.starts[$0] && line < layout.starts[$0] + layout.entries[$0].count }
    }

    /// Columns of quote text in a sidebar of the given width.
    public static func textWidth(for paneWidth: Int) -> Int { max(1, paneWidth - 3) }
}
