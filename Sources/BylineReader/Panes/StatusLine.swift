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
        let count = state.rows.count
        let position = count == 0 ? "0/0" : "\(state.selectedRow + 1)/\(count)"
        var left = " \(position)"
        // How far through the body: only while the body is on screen.
        if layout.shows(.body) { left += "  \(state.bodyPercent)%" }
        if state.readingMode { left += "  reading" }
        if let search = state.search, !search.query.isEmpty { left += "  /\(search.query) \(search.counter)" }
        if !state.fresh.isEmpty { left += "  +\(state.fresh.count) new" }
        if count > 0 { left += "  \(max(0, count - state.read.count)) unread" }
        let problems = state.library.problemCount
        // Until every file was looked at (`!` checks them), the count is a lower bound.
        let atLeast = state.library.uncheckedCount > 0 ? "+" : ""
        if problems > 0 { left += "  \(problems)\(atLeast) unreadable (!)" }
        if !state.notes.isEmpty { left += "  \(state.notes.count) note\(state.notes.count == 1 ? "" : "s") (!)" }
        let q = state.zoomed || (layout.panes.count == 1 && state.focus != .list) ? "q back" : "q quit"
        let hints = state.size.width >= 100 ? "]/[ quotes  ? help  \(q) " : "? help  \(q) "
        left = Transliterate.forTerminal(left, ascii: state.ascii)
        let message = Transliterate.forTerminal(state.message ?? "", ascii: state.ascii)
        // The hints only where they fit beside the rest; what does not fit is cut with an ellipsis.
        let hintWidth = DisplayWidth.of(hints)
        let showHints = DisplayWidth.of(left) + 1 + hintWidth + (message.isEmpty ? 0 : 12) <= rect.width
        let room = rect.width - (showHints ? hintWidth + 1 : 0)
        let text = message.isEmpty ? left : left + "  " + message
        let ellipsis = BoxGlyphs.forMode(ascii: state.ascii).ellipsis
        canvas.put(Truncate.toWidth(text, room, ellipsis: ellipsis), x: rect.x, y: rect.y, role: .status, maxX: rect.x + room)
        if showHints { canvas.put(hints, x: rect.maxX - hintWidth, y: rect.y, role: .status, maxX: rect.maxX) }
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
