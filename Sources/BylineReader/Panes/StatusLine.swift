import BylineCanvas

/// The bottom line: article n/N, how far through the body, new arrivals, a message, and key
/// hints; or, while a prompt is open, the prompt with its cursor.
public struct StatusLine {
    public init() {}

    public func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, role: .status)
        if let prompt = state.prompt {
            drawPrompt(prompt, in: rect, on: &canvas)
            return
        }
        let layout = state.layout
        let q = state.zoomed || (layout.paneCount == 1 && state.focus != .list) ? "q back" : "q quit"
        let hints = state.size.width >= 100 ? (q == "q back" ? "]/[ quotes  ? help  q back " : "]/[ quotes  ? help  q quit ")
            : (q == "q back" ? "? help  q back " : "? help  q quit ")
        let hintWidth = DisplayWidth.of(hints)
        if state.message == nil, state.search.map({ $0.query.isEmpty }) ?? true {
            // Plain pieces (counts and words): drawn one after another, no text put together.
            var width = 0
            forEachPiece(state, layout) { piece in width += piece.utf8.count }
            let showHints = width + 1 + hintWidth <= rect.width
            let room = rect.width - (showHints ? hintWidth + 1 : 0)
            if width <= room {
                var x = rect.x
                forEachPiece(state, layout) { piece in x = canvas.put(piece, x: x, y: rect.y, role: .status, maxX: rect.x + room) }
                if showHints { canvas.put(hints, x: rect.maxX - hintWidth, y: rect.y, role: .status, maxX: rect.maxX) }
                return
            }
        }
        var left = ""
        forEachPiece(state, layout) { left += $0 }
        left = Transliterate.forTerminal(left, ascii: state.ascii)
        let message = Transliterate.forTerminal(state.message ?? "", ascii: state.ascii)
        // The hints only where they fit beside the rest; what does not fit is cut with an ellipsis.
        let showHints = DisplayWidth.of(left) + 1 + hintWidth + (message.isEmpty ? 0 : 12) <= rect.width
        let room = rect.width - (showHints ? hintWidth + 1 : 0)
        let text = message.isEmpty ? left : left + "  " + message
        let ellipsis = BoxGlyphs.forMode(ascii: state.ascii).ellipsis
        canvas.put(Truncate.toWidth(text, room, ellipsis: ellipsis), x: rect.x, y: rect.y, role: .status, maxX: rect.x + room)
        if showHints { canvas.put(hints, x: rect.maxX - hintWidth, y: rect.y, role: .status, maxX: rect.maxX) }
    }

    /// The left part of the line, in pieces: article n/N, how far through the body (only while
    /// the body is on screen), reading mode, the search, new arrivals, unread, unreadable files,
    /// notes. Only the search's piece can hold more than ASCII.
    private func forEachPiece(_ state: ReaderState, _ layout: Layout, _ body: (String) -> Void) {
        let count = state.rows.count
        body(" ")
        if count == 0 {
            body("0/0")
        } else {
            body(String(state.selectedRow + 1))
            body("/")
            body(String(count))
        }
        if layout.shows(.body) {
            body("  ")
            body(String(state.bodyPercent))
            body("%")
        }
        if state.readingMode { body("  reading") }
        if let search = state.search, !search.query.isEmpty { body("  /\(search.query) \(search.counter)") }
        if !state.fresh.isEmpty {
            body("  +")
            body(String(state.fresh.count))
            body(" new")
        }
        if count > 0 {
            body("  ")
            body(String(max(0, count - state.read.count)))
            body(" unread")
        }
        let problems = state.library.problemCount
        if problems > 0 {
            body("  ")
            body(String(problems))
            // Until every file was looked at (`!` checks them), the count is a lower bound.
            body(state.library.uncheckedCount > 0 ? "+ unreadable (!)" : " unreadable (!)")
        }
        if !state.notes.isEmpty {
            body("  ")
            body(String(state.notes.count))
            body(state.notes.count == 1 ? " note (!)" : " notes (!)")
        }
    }

    /// The prompt's label, its text scrolled so the cursor shows, and the cursor.
    private func drawPrompt(_ prompt: Prompt, in rect: Rect, on canvas: inout Canvas) {
        let label = prompt.kind.label
        let x0 = canvas.put(label, x: rect.x, y: rect.y, role: .status, maxX: rect.maxX)
        let room = rect.maxX - x0 - 1
        guard room > 0 else { return }
        if prompt.text.isEmpty {
            canvas.put(prompt.kind.placeholder, x: x0 + 1, y: rect.y, role: .boilerplate, maxX: rect.maxX)
            canvas.cursor = Point(x: x0, y: rect.y)
            return
        }
        // Scroll the text so the cursor stays in view: drop characters from the front as needed.
        var first = 0
        while first < prompt.cursor,
              DisplayWidth.of(String(prompt.text[first..<prompt.cursor])) >= room {
            first += 1
        }
        let before = String(prompt.text[first..<prompt.cursor])
        let cursorX = canvas.put(before, x: x0, y: rect.y, role: .status, maxX: x0 + room)
        canvas.put(String(prompt.text[prompt.cursor...]), x: cursorX, y: rect.y, role: .status, maxX: x0 + room)
        canvas.cursor = Point(x: cursorX, y: rect.y)
    }
}
