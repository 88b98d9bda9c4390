import BylineCanvas

/// The article body: the laid-out lines from `bodyTop`, centred at a comfortable measure,
/// Its scroll thumb rides on the border to its right (see ``drawThumb(_:rect:x:on:)``).
public struct BodyPane {
    public init() {}

    /// The text measure for a body pane of the given width (room for a margin each side).
    public static func measure(for paneWidth: Int) -> Int {
        max(1, min(BodyLayout.maxMeasure, paneWidth - 4))
    }

    public func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, role: .body)
        guard let body = state.body else {
            let note = state.bodyDeferred ? "Loading" + BoxGlyphs.forMode(ascii: state.ascii).ellipsis : "No article selected."
            canvas.put(note, x: rect.x + 2, y: rect.y, role: .body, maxX: rect.maxX)
            return
        }
        let measure = BodyPane.measure(for: rect.width)
        let left = rect.x + max(min(2, rect.width - measure), (rect.width - measure) / 2)
        let textMaxX = rect.maxX
        for row in 0..<rect.height {
            let index = state.bodyTop + row
            guard index < body.lines.count else { break }
            let line = body.lines[index]
            var x = left + line.indent
            for span in line.spans {
                x = canvas.put(span.text, x: x, y: rect.y + row, role: span.role, maxX: textMaxX)
            }
        }
    }

    /// The scroll thumb: drawn over column `x` (the body's right-hand border, or its last column).
    public static func drawThumb(_ state: ReaderState, rect: Rect, x: Int, on canvas: inout Canvas) {
        guard let body = state.body else { return }
        let total = body.lines.count
        guard total > rect.height, rect.height > 0 else { return }
        let glyphs = BoxGlyphs.forMode(ascii: state.ascii)
        let size = max(1, rect.height * rect.height / total)
        let maxTop = total - rect.height
        let offset = maxTop == 0 ? 0 : (rect.height - size) * state.bodyTop / maxTop
        canvas.vline(glyphs.thumb, x: x, y: rect.y + offset, height: size, role: .border)
    }
}
