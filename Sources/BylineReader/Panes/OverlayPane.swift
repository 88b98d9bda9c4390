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
            if problems.isEmpty { return ("Unreadable files", [("Every file reads.", .help)]) }
            return ("Unreadable files (\(problems.count))", problems.flatMap { [($0.path, Role.help), ("  " + $0.reason, Role.error)] })
        }
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
        canvas.put(" " + content.title + " ", x: box.x + 2, y: box.y, role: .headline, maxX: box.maxX - 1)
        let rows = box.height - 2
        let top = min(state.overlayTop, max(0, content.lines.count - rows))
        for row in 0..<rows {
            let i = top + row
            guard i < content.lines.count else { break }
            canvas.put(content.lines[i].0, x: box.x + 2, y: box.y + 1 + row, role: content.lines[i].1, maxX: box.maxX - 1)
        }
    }
}
