import BylineCanvas
import BylineModel

/// The article body: the laid-out lines from `bodyTop`, centred at a comfortable measure.
/// Its scroll thumb rides on the border to its right (see ``drawThumb(_:rect:x:on:)``).
public struct BodyPane {
    public init() {}

    /// The text measure for a body pane of the given width (room for a margin each side).
    public static func measure(for paneWidth: Int) -> Int {
        max(1, min(BodyLayout.maxMeasure, paneWidth - 4))
    }

    public func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        draw(state, in: rect, on: &canvas, cache: nil)
    }

    /// Draws the body, copying lines from `cache` that were drawn before at the same place
    /// (and keeping the lines drawn), only when `keep`; lines with search matches are always drawn.
    func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas, cache: BodyRowCache?, keep: Bool = true) {
        guard let body = state.body else {
            canvas.fill(rect, role: .body)
            let note = state.selection == nil ? "No article selected." : "Loading" + BoxGlyphs.forMode(ascii: state.ascii).ellipsis
            canvas.put(note, x: rect.x + 2, y: rect.y, role: .body, maxX: rect.maxX)
            return
        }
        let left = rect.x + BodyPane.margin(for: rect.width)
        let textMaxX = rect.maxX
        cache?.fit(rect)
        // The pane is filled once; each row then draws on its own row only.
        canvas.fill(rect, role: .body)
        for row in 0..<rect.height {
            let index = state.bodyTop + row
            let rowRect = Rect(x: rect.x, y: rect.y + row, width: rect.width, height: 1)
            guard index < body.lineCount else { break }
            let line = body.line(at: index)
            var x = left + line.indent
            let hits = state.search.flatMap { search in
                line.source.map { search.hits(inBlock: $0.block, range: $0.offset..<($0.offset + line.length)) }
            } ?? []
            // The block a jump landed on stands out until the next key.
            let highlighted = line.block != nil && line.block == state.highlightedBlock
            // An article's first frame neither keeps its rows nor looks for them (see
            // ``BodyArticleShown``): a row kept from an earlier visit is drawn again instead.
            let cached = hits.isEmpty && keep ? cache : nil
            // The row kept is compared with the line in place (no content made to compare it).
            if let cache = cached, let slot = cache.slot(of: index), let kept = cache.cells(inSlot: slot, where: { kept in
                kept.pointee.x == rect.x && kept.pointee.width == rect.width && kept.pointee.left == left
                    && kept.pointee.highlighted == highlighted && kept.pointee.line == line
            }) {
                canvas.place(kept.cells, x: rect.x + kept.lead, y: rowRect.y, filledWith: .body)
                continue
            }
            func put(_ span: Span, last: Bool) {
                if !hits.isEmpty, last, let source = line.source {
                    x = Self.put(span, highlighting: hits, from: source.offset, x: x, y: rect.y + row, maxX: textMaxX, on: &canvas)
                } else {
                    x = canvas.put(span.base, bytes: span.bytes, x: x, y: rect.y + row, role: highlighted ? .searchMatch : span.role, maxX: textMaxX)
                }
            }
            if let first = line.first { put(first, last: line.second == nil) }
            if let second = line.second { put(second, last: true) }
            if let cache = cached {
                // Kept with its own copy of the text, not a slice of the article's (the cache
                // copies it: see ``RowContent``).
                let content = BodyRowContent(line: line, x: rect.x, width: rect.width, left: left, highlighted: highlighted)
                cache.keep(canvas.row(x: rect.x, y: rowRect.y, width: rect.width), filledWith: .blank(.body), for: index, content)
            }
        }
        if let id = state.articleID, state.deleted[id] != nil {
            // The file is gone: say so on the top row until the user moves away.
            let note = " Deleted from the folder: it stays here until you move to another article "
            canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .error)
            canvas.put(note, x: rect.x + max(0, (rect.width - DisplayWidth.of(note)) / 2), y: rect.y, role: .error, maxX: rect.maxX)
        }
    }

    /// A line's text with the search's matches in it drawn in the match roles. `start` is the
    /// text's offset in its block; match edges are widened to whole characters. Characters of
    /// one role are put in one run.
    private static func put(_ span: Span, highlighting hits: [(range: Range<Int>, current: Bool)], from start: Int,
                            x: Int, y: Int, maxX: Int, on canvas: inout Canvas) -> Int {
        let text = span.slice
        var x = x
        var offset = start
        var run = text.startIndex
        var runRole = span.role
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let end = offset + text.utf8.distance(from: index, to: next)
            var role = span.role
            for hit in hits where hit.range.lowerBound < end && offset < max(hit.range.upperBound, hit.range.lowerBound + 1) {
                role = hit.current ? .searchCurrent : .searchMatch
            }
            if role != runRole {
                x = canvas.put(text[run..<index], x: x, y: y, role: runRole, maxX: maxX)
                run = index
                runRole = role
            }
            offset = end
            index = next
        }
        return canvas.put(text[run..<text.endIndex], x: x, y: y, role: runRole, maxX: maxX)
    }

    /// Columns left of the text: the measure is centred, with at least a small margin.
    public static func margin(for paneWidth: Int) -> Int {
        let measure = measure(for: paneWidth)
        return max(min(2, paneWidth - measure), (paneWidth - measure) / 2)
    }

    /// Columns from the text's left edge to the pane's right edge: the most a line can take.
    public static func room(for paneWidth: Int) -> Int { max(1, paneWidth - margin(for: paneWidth)) }

    /// The body line under a cell of the pane, if there is one.
    public static func line(at point: Point, in rect: Rect, state: ReaderState) -> Int? {
        guard rect.contains(x: point.x, y: point.y), let body = state.body else { return nil }
        let line = state.bodyTop + point.y - rect.y
        return line < body.lineCount ? line : nil
    }

    /// The scroll thumb: drawn over column `x` (the body's right-hand border, or its last column).
    public static func drawThumb(_ state: ReaderState, rect: Rect, x: Int, on canvas: inout Canvas) {
        guard let body = state.body else { return }
        let total = body.lineCount
        guard total > rect.height, rect.height > 0 else { return }
        let glyphs = BoxGlyphs.forMode(ascii: state.ascii)
        let size = max(1, rect.height * rect.height / total)
        let maxTop = total - rect.height
        let offset = maxTop == 0 ? 0 : (rect.height - size) * state.bodyTop / maxTop
        canvas.vline(glyphs.thumb, x: x, y: rect.y + offset, height: size, role: .border)
    }
}

/// The article the body pane showed in the frame drawn last. Its rows are kept (``RowCache``)
/// only from an article's second frame on: a move in the list shows each article for one frame,
/// whose rows would be kept for nothing, while a scroll keeps them from its first line on.
/// Used on the run loop's thread only.
final class BodyArticleShown {
    private(set) var articleID: ArticleID?

    /// Notes the article a frame shows; true when the frame before showed it too.
    func shows(_ id: ArticleID?) -> Bool {
        defer { articleID = id }
        return id != nil && id == articleID
    }
}
