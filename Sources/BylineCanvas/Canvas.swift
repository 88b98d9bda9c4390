/// An in-memory grid of cells that every pane draws into.
///
/// Nothing here does I/O: the terminal copies a finished canvas to the screen,
/// and tests read it back as text. Text enters only through ``put(_:x:y:role:maxX:)``,
/// which turns every grapheme into its ``TerminalGlyph`` form, so no control
/// character can reach the screen and wide glyphs never straddle an edge.
public struct Canvas: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should show (a prompt being typed in); nil keeps it hidden.
    public var cursor: Point?

    public init(size: Size, role: Role = .base) {
        self.size = size
        self.cells = Array(repeating: .blank(role), count: size.width * size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x x: Int, y y: Int) -> Cell {
        cells[y * size.width + x]
    }

    // MARK: - Drawing

    /// Fill a rectangle (clipped to the canvas) with blanks in a role.
    public mutating func fill(_ rect: Rect, role: Role) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            let row = y * size.width
            for x in r.x..<r.maxX { cells[row + x] = .blank(role) }
            if r.x > 0 { repairWide(at: row + r.x - 1) }
            if r.maxX < size.width, cells[row + r.maxX].isContinuation { cells[row + r.maxX] = .blank(role) }
        }
    }

    /// Change the role of the cells in a rectangle, keeping their text.
    public mutating func restyle(_ rect: Rect, role: Role) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * size.width + x].role = role }
        }
    }

    /// Draw text on row `y` from column `x`, stopping before column `maxX`
    /// (default: the right edge). Returns the column after the last cell drawn.
    /// A wide glyph that would cross `maxX` is not drawn.
    @discardableResult
    public mutating func put<S: StringProtocol>(_ text: S, x: Int, y: Int, role: Role, maxX: Int? = nil) -> Int {
        let limit = min(maxX ?? size.width, size.width)
        guard y >= 0, y < size.height else { return x }
        var col = x
        for character in text {
            if col >= limit { break }
            if character.isASCII, let ascii = character.asciiValue, ascii >= 0x20, ascii != 0x7F {
                if col >= 0 { set(Cell(text: String(character), width: 1, role: role), x: col, y: y) }
                col += 1
                continue
            }
            for glyph in TerminalGlyph.cells(of: character) {
                if col + glyph.width > limit { return limit }
                if col >= 0 {
                    set(Cell(text: glyph.text, width: UInt8(glyph.width), role: role), x: col, y: y)
                    if glyph.width == 2 { set(Cell(text: "", width: 0, role: role), x: col + 1, y: y) }
                }
                col += glyph.width
            }
        }
        return col
    }

    /// Draw a single cell's worth of text repeated across a span (for rules and borders).
    public mutating func hline(_ glyph: String, x: Int, y: Int, width: Int, role: Role) {
        guard width > 0 else { return }
        for col in x..<(x + width) { put(glyph, x: col, y: y, role: role, maxX: col + 1) }
    }

    /// Draw a glyph down a column.
    public mutating func vline(_ glyph: String, x: Int, y: Int, height: Int, role: Role) {
        guard height > 0 else { return }
        for row in y..<(y + height) { put(glyph, x: x, y: row, role: role, maxX: x + 1) }
    }

    // MARK: - Reading back

    /// The canvas as lines of text (continuation cells omitted), for snapshots.
    public func lines() -> [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width {
                let cell = self[x: x, y: y]
                if !cell.isContinuation { line += cell.text }
            }
            return line
        }
    }

    /// The lines with trailing spaces removed, joined by newlines.
    public var text: String {
        lines().map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    // MARK: - Internals

    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < size.width else { return }
        let i = y * size.width + x
        // Overwriting half of a wide glyph blanks the other half.
        if cells[i].width == 2, x + 1 < size.width { cells[i + 1] = .blank(cells[i].role) }
        if cells[i].isContinuation, x > 0 { cells[i - 1] = .blank(cells[i - 1].role) }
        cells[i] = cell
    }

    private mutating func repairWide(at index: Int) {
        if cells[index].width == 2 { cells[index] = .blank(cells[index].role) }
    }
}
