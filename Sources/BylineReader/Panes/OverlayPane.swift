import BylineCanvas

/// A centred box over the panes: the key help (generated from the key map) or the
/// list of files that could not be read.
public struct OverlayPane {
    public let keyMap: KeyMap

    public init(keyMap: KeyMap = .standard) {
        self.keyMap = keyMap
    }

    /// The lines an overlay shows, before scrolling.
    public func lines(_ state: ReaderState) -> (title: String, lines: [(String, Role)]) {
        switch state.overlay {
        case .people:
            return ("People", [])  // drawn by PeoplePane
        case .help, .none:
            var out: [(String, Role)] = []
            let sections = keyMap.sections(for: .normal)
            let label: (KeyBinding) -> String = { state.ascii ? $0.asciiKeyLabel : $0.keyLabel }
            let keyWidth = sections.flatMap { $0.bindings.map { DisplayWidth.of(label($0)) } }.max() ?? 8
            for (title, bindings) in sections {
                if !out.isEmpty { out.append(("", .help)) }
                out.append((title, .crosshead))
                for b in bindings {
                    let pad = String(repeating: " ", count: max(0, keyWidth - DisplayWidth.of(label(b))))
                    out.append(("  " + label(b) + pad + "  " + b.help, .help))
                }
            }
            return ("Keys (Esc closes)", out)
        case .problems:
            let problems = state.library.problems
            var out: [(String, Role)] = []
            if !state.notes.isEmpty {
                out.append(("Notes", .crosshead))
                out += state.notes.map { ("  " + $0, Role.error) }
                out.append(("", .help))
            }
            let unchecked = state.library.uncheckedCount
            if unchecked > 0 {
                let what = unchecked == 1 ? "1 file" : "\(unchecked) files"
                out.append((state.checkingFiles ? "Checking \(what) not looked at yet…" : "\(what) not looked at yet", .help))
            }
            if problems.isEmpty {
                out.append((unchecked > 0 ? "No unreadable file so far." : "Every file reads.", .help))
            } else {
                out.append(("Unreadable files (\(unchecked > 0 ? "at least " : "")\(problems.count))", .crosshead))
                out += problems.flatMap { [("  " + $0.path, Role.help), ("    " + $0.reason, Role.error)] }
            }
            return (state.notes.isEmpty ? "Unreadable files" : "Problems", out)
        }
    }

    /// The rows the overlay's box shows at once, and how far its text can scroll.
    static func visibleRows(lineCount: Int, in area: Rect) -> Int { max(0, min(area.height, lineCount + 2) - 2) }

    /// How far the open overlay can scroll (its top line at most), for the state to keep its
    /// offset in range.
    public static func scrollRange(_ state: ReaderState, keyMap: KeyMap) -> Int {
        let count = OverlayPane(keyMap: keyMap).lines(state).lines.count
        return max(0, count - visibleRows(lineCount: count, in: Rect(x: 0, y: 0, width: state.size.width, height: state.size.height - 1)))
    }

    public func draw(_ state: ReaderState, in area: Rect, on canvas: inout Canvas) {
        let glyphs = BoxGlyphs.forMode(ascii: state.ascii)
        var content = lines(state)
        if state.ascii {
            content = (Transliterate.toASCII(content.title), content.lines.map { (Transliterate.toASCII($0.0), $0.1) })
        }
        let widest = max(DisplayWidth.of(content.title) + 4, content.lines.map { DisplayWidth.of($0.0) }.max() ?? 0)
        let width = min(area.width, widest + 4)
        let height = min(area.height, content.lines.count + 2)
        guard width >= 4, height >= 3 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        canvas.fill(box, role: .help)
        canvas.hline(glyphs.horizontal, x: box.x + 1, y: box.y, width: box.width - 2, role: .border)
        canvas.hline(glyphs.horizontal, x: box.x + 1, y: box.maxY - 1, width: box.width - 2, role: .border)
        canvas.vline(glyphs.vertical, x: box.x, y: box.y + 1, height: box.height - 2, role: .border)
        canvas.vline(glyphs.vertical, x: box.maxX - 1, y: box.y + 1, height: box.height - 2, role: .border)
        canvas.put(glyphs.topLeft, x: box.x, y: box.y, role: .border)
        canvas.put(glyphs.topRight, x: box.maxX - 1, y: box.y, role: .border)
        canvas.put(glyphs.bottomLeft, x: box.x, y: box.maxY - 1, role: .border)
        canvas.put(glyphs.bottomRight, x: box.maxX - 1, y: box.maxY - 1, role: .border)
        canvas.put(Truncate.toWidth(" " + content.title + " ", box.width - 3, ellipsis: glyphs.ellipsis), x: box.x + 2, y: box.y,
                   role: .headline, maxX: box.maxX - 1)
        let rows = Self.visibleRows(lineCount: content.lines.count, in: area)
        let top = min(state.overlayTop, max(0, content.lines.count - rows))
        let room = box.width - 3
        for row in 0..<rows {
            let i = top + row
            guard i < content.lines.count else { break }
            // Lines wider than the box are cut with an ellipsis, never silently.
            let line = Truncate.toWidth(content.lines[i].0, room, ellipsis: glyphs.ellipsis)
            canvas.put(line, x: box.x + 2, y: box.y + 1 + row, role: content.lines[i].1, maxX: box.maxX - 1)
        }
        // Scroll hints on the frame: more above, more below.
        let up = state.ascii ? "^" : "↑", down = state.ascii ? "v" : "↓"
        if top > 0 { drawHint(" \(up) more above ", on: box.y, in: box, &canvas) }
        if top + rows < content.lines.count { drawHint(" \(down) more below ", on: box.maxY - 1, in: box, &canvas) }
    }

    private func drawHint(_ hint: String, on y: Int, in box: Rect, _ canvas: inout Canvas) {
        let width = DisplayWidth.of(hint)
        guard box.width - 4 >= width else { return }
        canvas.put(hint, x: box.maxX - 2 - width, y: y, role: .headline, maxX: box.maxX - 1)
    }
}
