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
        canvas.put(title, x: rect.x + 1, y: rect.y, role: .crosshead, maxX: rect.maxX)
        let current = state.currentSidebarEntry
        let top = rect.y + 2
        let height = rect.height - 2
        guard height > 0 else { return }
        // Scroll so the current entry shows.
        var scroll = 0
        if let current, current < layout.entries.count {
            let s = layout.starts[current], e = s + layout.entries[current].count
            if e > height { scroll = min(s, e - height) }
        }
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
                canvas.put(line.text, x: rect.x + 2, y: y, role: role, maxX: rect.maxX)
            }
        }
    }

    /// Columns of quote text in a sidebar of the given width.
    public static func textWidth(for paneWidth: Int) -> Int { max(1, paneWidth - 3) }
}
