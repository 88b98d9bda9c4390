import BylineCanvas
import XCTest

final class CanvasTests: XCTestCase {
    func testPutClipsAtMaxX() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        let end = canvas.put("Hello, world", x: 1, y: 0, role: .body, maxX: 6)
        XCTAssertEqual(end, 6)
        XCTAssertEqual(canvas.lines(), [" Hello    "])
    }

    func testWideGlyphTakesTwoCellsAndNeverStraddlesTheEdge() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.put("a東京", x: 0, y: 0, role: .body)
        XCTAssertEqual(canvas.lines(), ["a東京"])
        XCTAssertEqual(canvas[x: 1, y: 0].width, 2)
        XCTAssertTrue(canvas[x: 2, y: 0].isContinuation)
        var edge = Canvas(size: Size(width: 4, height: 1))
        edge.put("ab東京", x: 0, y: 0, role: .body)
        XCTAssertEqual(edge.lines(), ["ab東"])
        var cut = Canvas(size: Size(width: 3, height: 1))
        cut.put("ab東", x: 0, y: 0, role: .body)
        XCTAssertEqual(cut.lines(), ["ab "], "a wide glyph that does not fit is not drawn")
    }

    func testOverwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.put("東京", x: 0, y: 0, role: .body)
        canvas.put("x", x: 1, y: 0, role: .body)
        XCTAssertEqual(canvas.lines(), [" x京"])
        canvas.put("y", x: 2, y: 0, role: .body)
        XCTAssertEqual(canvas.lines(), [" xy "])
    }

    func testNoControlCharacterEntersTheGrid() {
        var canvas = Canvas(size: Size(width: 20, height: 1))
        canvas.put("a\u{1B}]52;c;ZZ\u{07}b\u{9B}c\u{7F}", x: 0, y: 0, role: .body)
        for cell in canvas.cells {
            for scalar in cell.text.unicodeScalars {
                XCTAssertFalse(TerminalGlyph.isUnsafe(scalar), "unsafe scalar \(scalar.value) in grid")
            }
        }
    }

    func testFillAndRestyleKeepGeometry() {
        var canvas = Canvas(size: Size(width: 3, height: 2))
        canvas.fill(Rect(x: 1, y: 0, width: 5, height: 5), role: .status)
        XCTAssertEqual(canvas[x: 0, y: 0].role, .base)
        XCTAssertEqual(canvas[x: 2, y: 1].role, .status)
        canvas.restyle(Rect(x: 0, y: 0, width: 1, height: 1), role: .error)
        XCTAssertEqual(canvas[x: 0, y: 0].role, .error)
    }

    func testZeroSizedCanvasIsSafe() {
        var canvas = Canvas(size: Size(width: 0, height: 0))
        canvas.put("x", x: 0, y: 0, role: .body)
        canvas.fill(Rect(x: 0, y: 0, width: 3, height: 3), role: .body)
        XCTAssertEqual(canvas.lines(), [])
    }
}

/// Issue 12 #8: emoji variation selectors never reach the terminal.
final class VariationSelectorTests: XCTestCase {
    func testVariationSelectorsAreDroppedFromCells() {
        for emoji in ["❤️", "☀️", "✌️", "🏳️", "#️⃣"] {
            var canvas = Canvas(size: Size(width: 6, height: 1))
            canvas.put(emoji + "x", x: 0, y: 0, role: .body)
            for x in 0..<6 {
                let scalars = canvas[x: x, y: 0].text.unicodeScalars
                XCTAssertFalse(scalars.contains { (0xFE00...0xFE0F).contains($0.value) }, "\(emoji): a variation selector reached cell \(x)")
            }
            XCTAssertEqual(DisplayWidth.of(emoji), TerminalGlyph.cells(of: Character(emoji)).reduce(0) { $0 + $1.width })
        }
        XCTAssertEqual(TerminalGlyph.cells(of: "❤️").map(\.text), ["❤"])
        XCTAssertEqual(TerminalGlyph.cells(of: "\u{8FBB}\u{E0100}").map(\.text), ["\u{8FBB}"], "ideographic variation selectors too")
    }
}

/// `placeRow` (one pass) draws what filling the row and placing the cells draw.
final class PlaceRowTests: XCTestCase {
    func testPlaceRowIsFillThenPlace() {
        let wide = Cell(text: "東", width: 2, role: .body), tail = Cell.continuation(.body)
        let a = Cell(text: "a", role: .listRead), b = Cell(text: "b", role: .listRead)
        let rows: [[Cell]] = [[], [a], [a, b], [wide, tail], [a, wide, tail], [wide, tail, b]]
        // Canvases with wide glyphs straddling the row's edges, and plain ones.
        var before = Canvas(size: Size(width: 12, height: 2), role: .base)
        before.put("東京東京東京", x: 0, y: 0, role: .body)
        before.put("abcdefghijkl", x: 0, y: 1, role: .body)
        for y in 0..<2 {
            for x in 0..<12 {
                for width in 1...(12 - x) {
                    for saved in rows where saved.count <= width {
                        for lead in 0...(width - saved.count) {
                            let rect = Rect(x: x, y: y, width: width, height: 1)
                            var one = before, two = before
                            one.placeRow(saved, lead: lead, in: rect, role: .listUnread)
                            two.fill(rect, role: .listUnread)
                            two.place(saved, x: x + lead, y: y, filledWith: .listUnread)
                            XCTAssertEqual(one, two, "x \(x) y \(y) width \(width) lead \(lead) \(saved.map(\.text))")
                        }
                    }
                }
            }
        }
    }

    /// A row put back whole across the canvas takes the tag it is given; anything drawn on it
    /// after (or a row put back on part of the width) leaves it without one; tags are not
    /// part of a canvas's equality.
    func testARowPutBackAcrossTheCanvasKeepsItsTagUntilDrawnOn() {
        let a = Cell(text: "a", role: .listRead)
        let full = Rect(x: 0, y: 1, width: 6, height: 1)
        func tagged() -> Canvas {
            var c = Canvas(size: Size(width: 6, height: 3))
            c.placeRow([a], lead: 1, in: full, role: .listRead, tag: 7)
            c.placeRow([a], lead: 0, in: Rect(x: 0, y: 0, width: 6, height: 1), role: .listRead, tag: 9)
            return c
        }
        var c = tagged()
        XCTAssertEqual(c.tag(row: 1), 7)
        XCTAssertEqual(c.tag(row: 0), 9)
        XCTAssertEqual(c.tag(row: 2), 0)
        XCTAssertEqual(c.tag(row: 3), 0, "past the last row")
        var untagged = Canvas(size: Size(width: 6, height: 3))
        untagged.placeRow([a], lead: 1, in: full, role: .listRead)
        untagged.placeRow([a], lead: 0, in: Rect(x: 0, y: 0, width: 6, height: 1), role: .listRead)
        XCTAssertEqual(c, untagged, "tags are not compared")
        c.placeRow([a], lead: 0, in: Rect(x: 1, y: 1, width: 5, height: 1), role: .listRead, tag: 8)
        XCTAssertEqual(c.tag(row: 1), 0, "part of the width: no tag")
        let draws: [(String, (inout Canvas) -> Void)] = [
            ("put", { $0.put("x", x: 3, y: 1, role: .body) }),
            ("put bytes", { $0.put("xy", bytes: 0..<1, x: 3, y: 1, role: .body) }),
            ("put substring", { $0.put("xy".dropFirst(), x: 3, y: 1, role: .body) }),
            ("fill", { $0.fill(Rect(x: 5, y: 1, width: 1, height: 1), role: .body) }),
            ("restyle", { $0.restyle(Rect(x: 5, y: 1, width: 1, height: 1), role: .body) }),
            ("vline", { $0.vline("|", x: 2, y: 0, height: 2, role: .border) }),
            ("hline", { $0.hline("-", x: 2, y: 1, width: 2, role: .border) }),
            ("place", { $0.place([a], x: 4, y: 1, filledWith: .body) }),
            ("reset", { $0.reset(size: Size(width: 6, height: 3)) }),
            ("resize", { $0.reset(size: Size(width: 7, height: 3)) }),
            ("untagged placeRow", { $0.placeRow([a], lead: 0, in: full, role: .listRead) }),
            ("tag 0", { $0.setTag(0, row: 1) }),
        ]
        for (what, draw) in draws {
            var c = tagged()
            draw(&c)
            XCTAssertEqual(c.tag(row: 1), 0, what)
        }
        var other = tagged()
        other.put("x", x: 0, y: 2, role: .body)
        XCTAssertEqual(other.tag(row: 1), 7, "drawing on another row leaves the tag")
        other.setTag(5, row: 2)
        XCTAssertEqual(other.tag(row: 2), 5)
    }

    func testRecolourChangesOnlyTheRoleOfARowInOneRole() {
        var cells = [Cell(text: "a", role: .listRead), Cell(text: "東", width: 2, role: .listRead), .continuation(.listRead),
                     Cell(text: "e\u{301}", role: .listRead)]
        let glyphs = cells.map(\.glyph), widths = cells.map(\.width)
        XCTAssertTrue(cells.withUnsafeMutableBufferPointer { Cell.recolour($0, from: .listRead, to: .listSelected) })
        XCTAssertEqual(cells.map(\.role), Array(repeating: .listSelected, count: 4))
        XCTAssertEqual(cells.map(\.glyph), glyphs)
        XCTAssertEqual(cells.map(\.width), widths)
        var mixed = cells
        mixed[2].role = .body
        let was = mixed
        XCTAssertFalse(mixed.withUnsafeMutableBufferPointer { Cell.recolour($0, from: .listSelected, to: .listRead) })
        XCTAssertEqual(mixed, was, "nothing changed")
        // The cell in another role first or last: nothing changed either.
        for odd in [0, 3] {
            var row = cells
            row[odd].role = .body
            let before = row
            XCTAssertFalse(row.withUnsafeMutableBufferPointer { Cell.recolour($0, from: .listSelected, to: .listRead) })
            XCTAssertEqual(row, before, "cell \(odd) in another role")
        }
    }

    /// Rows copied with their tags, the spans overlapping either way, as if through a buffer:
    /// row by row from a canvas's rows as they were, at widths copied a row and several rows
    /// at a time.
    func testCopyRowsMovesRowsAndTheirTagsAsThroughABuffer() {
        for width in [3, 40, 300] {
            var canvas = Canvas(size: Size(width: width, height: 9))
            for y in 0..<9 {
                canvas.put(String(repeating: "abcdefghi".map(String.init)[y], count: width), x: 0, y: y, role: .body)
                canvas.setTag(UInt64(100 + y), row: y)
            }
            let original = canvas
            func expect(_ copied: Canvas, from: Int, to: Int, count: Int, _ what: String) {
                for y in 0..<9 {
                    let k = y - to
                    let source = k >= 0 && k < count && from + k >= 0 && from + k < 9 ? from + k : y
                    XCTAssertEqual(copied.cells(x: 0, y: y, width: width), original.cells(x: 0, y: source, width: width), "\(what) width \(width) row \(y)")
                    XCTAssertEqual(copied.tag(row: y), original.tag(row: source), "\(what) width \(width) tag \(y)")
                }
            }
            for (from, to, count) in [(1, 0, 8), (0, 1, 8), (2, 0, 5), (0, 3, 6), (4, 1, 3), (6, 2, 3), (3, 6, 5), (-2, 0, 4), (0, 0, 9)] {
                var copied = original
                copied.copyRows(from, to: to, count: count)
                expect(copied, from: from, to: to, count: count, "rows \(from) to \(to), \(count)")
            }
        }
    }
}
