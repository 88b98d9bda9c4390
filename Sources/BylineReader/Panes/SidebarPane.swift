import BylineCanvas

/// The quote sidebar: pull quotes first, then other speech, each with who said it.
/// The quote in view (or the one chosen) is marked, and kept on screen.
public struct SidebarPane {
    public init() {}

    /// Longest a quote runs in the sidebar before it is cut.
    static let maxQuoteLines = 4

    public func draw(_ state: ReaderState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, role: .sidebarNormal)
        let glyphs = BoxGlyphs.forMode(ascii: state.ascii)
        guard let article = state.article, rect.width > 3 else { return }
        let entries = state.sidebarEntries
        let pullCount = entries.filter { article.quotes[$0].pull }.count
        let title = entries.isEmpty ? "No quotes" : "Quotes \(pullCount) pull\(glyphs.separator)\(entries.count - pullCount) more"
        canvas.put(title, x: rect.x + 1, y: rect.y, role: .crosshead, maxX: rect.maxX)
        let textWidth = rect.width - 3
        let current = state.currentSidebarEntry
        let open = state.ascii ? "\"" : "“"
        let close = state.ascii ? "\"" : "”"
        // Lay every entry out, then scroll so the current one shows.
        var blocks: [(entry: Int, lines: [(String, Role)])] = []
        for (n, quoteIndex) in entries.enumerated() {
            let quote = article.quotes[quoteIndex]
            var wrapped = WordWrap.wrap(open + quote.text + close, width: textWidth)
            if wrapped.count > Self.maxQuoteLines {
                wrapped = Array(wrapped.prefix(Self.maxQuoteLines))
                wrapped[wrapped.count - 1] = Truncate.toWidth(wrapped[wrapped.count - 1] + glyphs.ellipsis, textWidth, ellipsis: glyphs.ellipsis)
            }
            var lines = wrapped.map { ($0, quote.pull ? Role.pullquote : Role.sidebarNormal) }
            let dash = state.ascii ? "-- " : "— "
            lines.append((Truncate.toWidth(dash + (quote.speaker ?? "unattributed"), textWidth, ellipsis: glyphs.ellipsis), .attribution))
            blocks.append((n, lines))
        }
        let top = rect.y + 2
        let height = rect.height - 2
        guard height > 0 else { return }
        var starts: [Int] = []
        var total = 0
        for block in blocks {
            starts.append(total)
            total += block.lines.count + 1
        }
        var scroll = 0
        if let current, current < blocks.count {
            let s = starts[current], e = s + blocks[current].lines.count
            if e > height { scroll = min(s, e - height) }
        }
        for (n, block) in blocks.enumerated() {
            let isCurrent = n == current
            for (i, line) in block.lines.enumerated() {
                let y = top + starts[n] + i - scroll
                guard y >= top, y < rect.maxY else { continue }
                let role: Role = isCurrent ? .sidebarCurrent : line.1
                if isCurrent { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .sidebarCurrent) }
                if isCurrent && i == 0 { canvas.put(glyphs.currentMark, x: rect.x, y: y, role: .sidebarCurrent, maxX: rect.x + 1) }
                canvas.put(line.0, x: rect.x + 2, y: y, role: role, maxX: rect.maxX)
            }
        }
    }
}
