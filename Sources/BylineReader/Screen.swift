import BylineCanvas

/// Draws a whole frame from the reader state: panes, borders, status line, overlay.
public struct Screen {
    public let keyMap: KeyMap
    /// The list's and the body's rows as last drawn (see ``RowCache``): the same screen draws
    /// every frame. (Internal for tests.)
    let listRows = ListRowCache()
    let bodyRows = BodyRowCache()
    /// The article the body showed last frame: its rows are kept from its second frame on.
    let bodyShown = BodyArticleShown()

    public init(keyMap: KeyMap = .standard) {
        self.keyMap = keyMap
    }

    public func render(_ state: ReaderState) -> Canvas {
        var canvas = Canvas(size: state.size, role: .base)
        render(state, into: &canvas)
        return canvas
    }

    /// Draws the frame into `canvas`, reusing its cells (the run loop keeps one canvas).
    public func render(_ state: ReaderState, into canvas: inout Canvas) {
        let layout = state.layout
        if canvas.size == state.size && Self.listAndStatusFill(layout, state.size) {
            // Every cell is written below: blanking the frame first would be undone.
            canvas.cursor = nil
        } else {
            canvas.reset(size: state.size, role: .base)
        }
        // A pane not on screen (the zoomed list hides the body) keeps only its rows used last:
        // its cache, sized for the pane as last shown, would hold a screenful of rows besides
        // the shown pane's own, as long as it stays hidden.
        let none = Rect(x: 0, y: 0, width: 0, height: 0)
        if layout.list == nil { listRows.fit(none) }
        if layout.body == nil { bodyRows.fit(none) }
        if layout.tooSmall {
            let note = "Terminal too small (need \(Layout.minimum))"
            let text = state.size.width >= DisplayWidth.of(note) ? note : "Too small"
            canvas.put(text, x: 0, y: 0, role: .error)
            return
        }
        if let r = layout.list { ListPane().draw(state, in: r, on: &canvas, cache: listRows) }
        let sameArticle = bodyShown.shows(layout.body == nil ? nil : state.body?.articleID)
        if let r = layout.body { BodyPane().draw(state, in: r, on: &canvas, cache: bodyRows, keep: sameArticle) }
        if let r = layout.sidebar { SidebarPane().draw(state, in: r, on: &canvas) }
        let glyphs = BoxGlyphs.forMode(ascii: state.ascii)
        layout.forEachBorder { x in
            canvas.vline(glyphs.vertical, x: x, y: 0, height: state.size.height - 1, role: .border)
        }
        // The thumb rides on the body's right-hand border (or its last column). Reading mode has none: there the
        // status line gives the position, and whole lines stay identical as they scroll, so
        // curses can scroll the screen instead of repainting it.
        if let r = layout.body, !state.readingMode {
            var border: Int?
            layout.forEachBorder { if $0 == r.maxX { border = $0 } }
            BodyPane.drawThumb(state, rect: r, x: border ?? r.maxX - 1, on: &canvas)
        }
        if let r = layout.status { StatusLine().draw(state, in: r, on: &canvas) }
        if state.overlay == .people {
            PeoplePane().draw(state, in: Rect(x: 0, y: 0, width: state.size.width, height: state.size.height - 1), on: &canvas)
        } else if state.overlay != nil {
            OverlayPane(keyMap: keyMap).draw(state, in: Rect(x: 0, y: 0, width: state.size.width, height: state.size.height - 1), on: &canvas)
        }
    }

    /// Whether the frame is the list alone (zoomed, or a narrow terminal's) over the status line,
    /// full width and with no border: then the list's rows and the rows below them and the status
    /// line are each filled whole as they are drawn, every cell of the frame (the list's rows
    /// are filled, or put back whole, from its left edge to the frame's right; the status line
    /// fills its row first), so the frame need not be blanked first (about 10 k instructions a
    /// frame at 120x40, a tenth of a zoomed move's drawing).
    static func listAndStatusFill(_ layout: Layout, _ size: Size) -> Bool {
        var border = false
        layout.forEachBorder { _ in border = true }
        guard !layout.tooSmall, !border, layout.paneCount == 1, let list = layout.list, let status = layout.status else { return false }
        return list == Rect(x: 0, y: 0, width: size.width, height: size.height - 1)
            && status == Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
    }
}
