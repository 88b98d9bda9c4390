// libFuzzer entry for display width, word wrapping and the canvas: bytes -> text -> WordWrap at
// several widths and Canvas.put into a small canvas, checking the canvas invariants.
import BylineCanvas
import BylineModel
import FuzzSupport

/// Wrapped lines fit, and give back the input's text in order but for the spaces and tabs
/// between words (a tab is laid out as spaces to the next tab stop; a space where a line breaks
/// goes); a word that fits a line comes back whole, on one line.
///
/// The text is compared scalar by scalar without its spaces and tabs, not word by word:
/// a character can hold a space (a prepended mark such as U+0600 and the space after it are
/// one character; so are a space and a mark after it), so splitting the lines into words by
/// characters or by scalars told the input and the lines apart where the wrap was right.
private func checkWrap(_ text: String, width: Int) {
    let lines = WordWrap.wrap(text, width: width)
    if lines.isEmpty { Fuzz.violated("wrap returned no lines at width \(width)", text) }
    for line in lines where DisplayWidth.of(line) > max(width, 2) {
        Fuzz.violated("line of width \(DisplayWidth.of(line)) at width \(width): \(line.debugDescription)", text)
    }
    guard width > 0 else { return }
    let input = text.unicodeScalars.filter { $0 != " " && $0 != "\t" }
    let output = lines.flatMap { $0.unicodeScalars.filter { $0 != " " } }
    if !input.elementsEqual(output) {
        Fuzz.violated("wrap gave back \(lines.debugDescription) at width \(width)", text)
    }
    let lineScalars = lines.map { Array($0.unicodeScalars) }
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) where DisplayWidth.of(word) <= width {
        let wanted = Array(word.unicodeScalars)
        if !lineScalars.contains(where: { holds($0, wanted) }) {
            Fuzz.violated("word \(word.debugDescription) fits width \(width) but was cut: \(lines.debugDescription)", text)
        }
    }
}

/// Whether `line` holds `part` as a run of consecutive scalars.
private func holds(_ line: [Unicode.Scalar], _ part: [Unicode.Scalar]) -> Bool {
    guard part.count <= line.count else { return false }
    return (0...(line.count - part.count)).contains { start in line[start..<(start + part.count)].elementsEqual(part) }
}

/// Every cell is terminal-safe, and wide cells and continuations come in pairs.
private func checkCanvas(_ canvas: Canvas, _ text: String) {
    for y in 0..<canvas.size.height {
        for x in 0..<canvas.size.width {
            let cell = canvas[x: x, y: y]
            if let bad = cell.text.unicodeScalars.first(where: TerminalGlyph.isUnsafe) {
                Fuzz.violated("cell (\(x),\(y)) holds U+\(String(bad.value, radix: 16, uppercase: true))", text)
            }
            switch cell.width {
            case 0:
                if x == 0 || canvas[x: x - 1, y: y].width != 2 { Fuzz.violated("orphan continuation at (\(x),\(y))", text) }
                if !cell.text.isEmpty { Fuzz.violated("continuation at (\(x),\(y)) holds text", text) }
            case 1:
                if cell.text.isEmpty { Fuzz.violated("empty cell at (\(x),\(y))", text) }
            case 2:
                if x + 1 >= canvas.size.width || canvas[x: x + 1, y: y].width != 0 {
                    Fuzz.violated("wide cell at (\(x),\(y)) without a continuation", text)
                }
            default:
                Fuzz.violated("cell (\(x),\(y)) has width \(cell.width)", text)
            }
        }
    }
}

/// `put` into a canvas that already holds wide glyphs: safe cells, nothing drawn at or past
/// `maxX` (except blanking the right half of a wide glyph it cut), nothing on other rows.
private func checkPut(_ text: String, x: Int, y: Int, maxX: Int) {
    var canvas = Canvas(size: Size(width: 12, height: 3))
    for row in 0..<3 { canvas.put(row == 1 ? "a世界b世界c世" : "世界世界世界", x: row == 2 ? 1 : 0, y: row, role: .body) }
    checkCanvas(canvas, "(background)")
    let before = canvas
    let end = canvas.put(text, x: x, y: y, role: .headline, maxX: maxX)
    checkCanvas(canvas, text)
    let limit = min(maxX, canvas.size.width)
    if end > max(x, limit) { Fuzz.violated("put returned column \(end) past limit \(limit) from \(x)", text) }
    for row in 0..<3 {
        for col in 0..<12 {
            let old = before[x: col, y: row], new = canvas[x: col, y: row]
            guard old != new else { continue }
            if row != y { Fuzz.violated("put at row \(y) changed row \(row)", text) }
            if col >= limit && !(col == max(limit, 0) && old.isContinuation && new == .blank(old.role)) {
                Fuzz.violated("put with maxX \(maxX) changed column \(col)", text)
            }
        }
    }
}

@main
enum WrapFuzz {
    static func main() { Fuzz.run(fuzzWrap) }
}

/// One input.
private func fuzzWrap(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(input, size)
    guard size > 0 else { return 0 }
    let control = bytes[0]
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let baseWidth = Int(control & 0x1F)
    for width in Set([baseWidth, 1, 2, 3, baseWidth + 7, 40]) { checkWrap(text, width: width) }

    // Raw text straight into the canvas: controls must come out as safe cells.
    let x = Int(control >> 5) - 2          // -2...5: starts off the left edge too
    let maxX = Int(control & 0x0F) + 1     // 1...16: inside and past the right edge
    checkPut(text, x: x, y: 1, maxX: maxX)

    // Model text (sanitised, one line): what DisplayWidth measures is what put draws.
    let clean = String(TextSanitizer.sanitize(text).map { $0 == "\n" ? " " : $0 })
    for line in WordWrap.wrap(clean, width: max(baseWidth, 2)) {
        var wide = Canvas(size: Size(width: 80, height: 1))
        let end = wide.put(line, x: 0, y: 0, role: .body)
        if end != DisplayWidth.of(line) {
            Fuzz.violated("put drew \(end) cells for a line measured at \(DisplayWidth.of(line))", line)
        }
        checkCanvas(wide, line)
    }
    return 0
}
