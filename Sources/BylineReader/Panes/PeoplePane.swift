import BylineCanvas

/// People (`P`), over the whole screen but the status line: the speakers of the library with
/// their numbers of quotes and articles, or one speaker's quotes, each above its article's
/// headline. The chosen row is drawn as the list's selection.
public struct PeoplePane {
    public init() {}

    /// Lines above the list: the title and the column heads.
    static let headerLines = 2

    public func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, role: .listNormal)
        guard let view = state.people, rect.height > Self.headerLines else { return }
        let glyphs = BoxGlyphs.forMode(ascii: state.ascii)
        let text = { (s: String) in Transliterate.forTerminal(s, ascii: state.ascii) }
        let listTop = rect.y + Self.headerLines
        let height = rect.height - Self.headerLines
        if let person = view.person {
            let count = view.quoteTotal > view.quotes.count ? "\(view.quotes.count) of \(IndexProgress.grouped(view.quoteTotal)) quotes"
                : "\(view.quotes.count) quote\(view.quotes.count == 1 ? "" : "s")"
            let title = "Quotes by \(person)" + (view.waiting ? "" : glyphs.separator + count)
            put(text(title), x: rect.x + 1, y: rect.y, role: .headline, rect: rect, canvas: &canvas, ellipsis: glyphs.ellipsis)
            put("Enter opens the article at the quote" + glyphs.separator + "Esc back to the names", x: rect.x + 1, y: rect.y + 1,
                role: .boilerplate, rect: rect, canvas: &canvas, ellipsis: glyphs.ellipsis)
            if view.quotes.isEmpty {
                put(view.waiting ? "Loading…" : "No quotes indexed for this name.", x: rect.x + 1, y: listTop, role: .listNormal,
                    rect: rect, canvas: &canvas, ellipsis: glyphs.ellipsis)
                return
            }
            let (open, close) = state.ascii ? ("\"", "\"") : ("“", "”")
            for row in view.quoteTop..<min(view.quotes.count, view.quoteTop + height / 2) {
                let quote = view.quotes[row]
                let y = listTop + (row - view.quoteTop) * 2
                let selected = row == view.quoteSelected
                let role: Role = selected ? .listSelected : .listNormal
                // The pane is filled in `.listNormal` already: only the chosen row again.
                if selected { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 2), role: role) }
                put(text(open + quote.text + close), x: rect.x + 2, y: y, role: selected ? role : .pullquote, rect: rect,
                    canvas: &canvas, ellipsis: glyphs.ellipsis)
                let gone = quote.missing || quote.id == nil ? " (file gone)" : ""
                put(text(BodyLayout.attributionDash(ascii: state.ascii) + quote.headline + gone), x: rect.x + 4, y: y + 1, role: selected ? role : .listRead,
                    rect: rect, canvas: &canvas, ellipsis: glyphs.ellipsis)
            }
            return
        }
        let names = view.speakers.count
        let title = "People" + (view.waiting && names == 0 ? "" : glyphs.separator + "\(IndexProgress.grouped(names)) name\(names == 1 ? "" : "s")")
            + (view.filter.isEmpty ? "" : " matching \u{201C}\(view.filter)\u{201D}")
            + (state.indexProgress.map { glyphs.separator + "so far: indexing \($0.label)" } ?? "")
        put(text(title), x: rect.x + 1, y: rect.y, role: .headline, rect: rect, canvas: &canvas, ellipsis: glyphs.ellipsis)
        let heads = Self.counts("quotes", "articles")
        put(heads, x: rect.maxX - DisplayWidth.of(heads) - 1, y: rect.y + 1, role: .boilerplate, rect: rect, canvas: &canvas,
            ellipsis: glyphs.ellipsis)
        if names == 0 {
            let building = state.indexProgress.map { " yet: the index is being built (\($0.label))" }
            let note = view.waiting ? "Loading…"
                : view.filter.isEmpty ? "No one is quoted" + (building ?? " in this library.") : "No name matches" + (building ?? ".")
            put(note, x: rect.x + 1, y: listTop, role: .listNormal, rect: rect, canvas: &canvas, ellipsis: glyphs.ellipsis)
            return
        }
        for row in view.top..<min(names, view.top + height) {
            let speaker = view.speakers[row]
            let y = listTop + row - view.top
            let selected = row == view.selected
            let role: Role = selected ? .listSelected : .listNormal
            if selected { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role) }
            let columns = Self.counts(IndexProgress.grouped(speaker.quotes), IndexProgress.grouped(speaker.articles))
            let right = rect.maxX - DisplayWidth.of(columns) - 1
            canvas.put(Truncate.toWidth(text(speaker.name), right - rect.x - 3, ellipsis: glyphs.ellipsis), x: rect.x + 1, y: y,
                       role: role, maxX: right - 1)
            canvas.put(columns, x: right, y: y, role: role, maxX: rect.maxX)
        }
    }

    /// Two numbers (or heads) right-aligned in columns.
    private static func counts(_ quotes: String, _ articles: String) -> String {
        func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        return pad(quotes, 7) + "  " + pad(articles, 8)
    }

    private func put(_ line: String, x: Int, y: Int, role: Role, rect: Rect, canvas: inout Canvas, ellipsis: String) {
        canvas.put(Truncate.toWidth(line, rect.maxX - x - 1, ellipsis: ellipsis), x: x, y: y, role: role, maxX: rect.maxX - 1)
    }
}
