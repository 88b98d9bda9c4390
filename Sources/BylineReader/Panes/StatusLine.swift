import BylineCanvas

/// The bottom line: article n/N, how far through the body, a message, and key hints.
public struct StatusLine {
    public init() {}

    public func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, role: .status)
        let count = state.library.count
        let position = count == 0 ? "0/0" : "\(state.selected + 1)/\(count)"
        var left = " \(position)"
        // How far through the body: only while the body is on screen.
        if state.layout.shows(.body) { left += "  \(state.bodyPercent)%" }
        if state.readingMode { left += "  reading" }
        let problems = state.library.problemCount
        if problems > 0 { left += "  \(problems) unreadable (!)" }
        let hints = state.size.width >= 100 ? "]/[ quotes  ? help  q quit " : "? help  q quit "
        let message = state.message ?? ""
        var x = canvas.put(left, x: rect.x, y: rect.y, role: .status, maxX: rect.maxX)
        let hintX = rect.maxX - DisplayWidth.of(hints)
        if !message.isEmpty {
            x = canvas.put("  " + message, x: x, y: rect.y, role: .status, maxX: hintX > x + 10 ? hintX - 1 : rect.maxX)
        }
        if hintX > x + 1 { canvas.put(hints, x: hintX, y: rect.y, role: .status, maxX: rect.maxX) }
    }
}
