import BylineCanvas
@testable import BylineTerminal
import XCTest

/// The terminal's diff without curses: which cells a frame draws and which lines it scrolls.
final class ScreenImageTests: XCTestCase {
    private func canvas(_ lines: [String], width: Int = 8) -> Canvas {
        var c = Canvas(size: Size(width: width, height: lines.count))
        for (y, line) in lines.enumerated() { c.put(line, x: 0, y: y, role: .body) }
        return c
    }

    /// Presents `canvas` as the terminal does: scroll, then draw; returns the drawn cells (each
    /// range's cells but continuations).
    private func present(_ canvas: Canvas, on image: inout ScreenImage) -> (ScreenImage.Shift?, [String]) {
        if !image.holds(canvas.size) { image.start(canvas.size) }
        var shift: ScreenImage.Shift?
        var drawn: [String] = []
        image.update(toward: canvas, scroll: { shift = $0 }) { y, columns, row in
            for x in columns where !row[x].isContinuation { drawn.append("\(x),\(y):\(row[x].text)") }
        }
        return (shift, drawn)
    }

    func testFirstFrameDrawsEveryCellButContinuations() {
        var image = ScreenImage()
        let (shift, drawn) = present(canvas(["ab", "東"], width: 3), on: &image)
        XCTAssertNil(shift)
        XCTAssertEqual(drawn, ["0,0:a", "1,0:b", "2,0: ", "0,1:東", "2,1: "])
    }

    /// The soak's seed 2 crashed here (key 9,124): a resize to as many cells in other rows.
    func testAResizeToAsManyCellsInOtherRowsDrawsTheNewShape() {
        var image = ScreenImage()
        _ = present(canvas(["ab", "cd"], width: 2), on: &image)
        XCTAssertEqual(present(canvas(["wxyz"], width: 4), on: &image).1, ["0,0:w", "1,0:x", "2,0:y", "3,0:z"])
        XCTAssertEqual(present(canvas(["p", "q", "r", "s"], width: 1), on: &image).1, ["0,0:p", "0,1:q", "0,2:r", "0,3:s"])
        XCTAssertEqual(present(canvas(["p", "q", "t", "s"], width: 1), on: &image).1, ["0,2:t"])
        _ = present(Canvas(size: Size(width: 0, height: 3)), on: &image)
        _ = present(Canvas(size: Size(width: 0, height: 5)), on: &image)
        XCTAssertEqual(image.size, Size(width: 0, height: 5))
    }

    func testAnUnchangedFrameDrawsNothingAndAChangeDrawsItsCells() {
        var image = ScreenImage()
        _ = present(canvas(["abc", "def"]), on: &image)
        XCTAssertEqual(present(canvas(["abc", "def"]), on: &image).1, [])
        XCTAssertEqual(present(canvas(["abc", "dxf"]), on: &image).1, ["1,1:x"])
    }

    func testAWideGlyphIsDrawnWhenEitherHalfChanged() {
        var image = ScreenImage()
        _ = present(canvas(["東x"]), on: &image)
        var next = canvas(["東x"])
        next.restyle(Rect(x: 1, y: 0, width: 1, height: 1), role: .error)
        XCTAssertEqual(present(next, on: &image).1, ["0,0:東"])
    }

    func testLinesMovedUpAreScrolledAndOnlyTheNewLinesDrawn() {
        var image = ScreenImage()
        let lines = (0..<10).map { "line \($0)" }
        _ = present(canvas(lines + ["status 0"]), on: &image)
        let (shift, drawn) = present(canvas(Array(lines.dropFirst()) + ["line 10", "status 1"]), on: &image)
        XCTAssertEqual(shift, ScreenImage.Shift(top: 0, bottom: 9, lines: 1))
        XCTAssertEqual(drawn.filter { $0.hasSuffix(",9:l") || $0.hasPrefix("0,9") }, ["0,9:l"], "the uncovered line is drawn whole")
        XCTAssertFalse(drawn.contains { $0.contains(",3:") }, "moved lines are not drawn again: \(drawn)")
        XCTAssertEqual(drawn.filter { $0.contains(",10:") }, ["7,10:1"], "the status line's change")
        XCTAssertEqual(image[x: 5, y: 3].text, "4", "the image moved with the window")
    }

    func testLinesMovedDownAreScrolledToo() {
        var image = ScreenImage()
        let lines = (0..<10).map { "line \($0)" }
        _ = present(canvas(lines), on: &image)
        let (shift, _) = present(canvas(["line x"] + Array(lines.dropLast())), on: &image)
        XCTAssertEqual(shift, ScreenImage.Shift(top: 0, bottom: 9, lines: -1))
        XCTAssertEqual(image[x: 5, y: 0].text, "x")
    }

    func testFewMovedLinesAreDrawnNotScrolled() {
        var image = ScreenImage()
        _ = present(canvas(["aa", "bb", "cc", "dd", "ee", "ff"]), on: &image)
        XCTAssertNil(present(canvas(["bb", "cc", "zz", "yy", "xx", "ww"]), on: &image).0)
    }

    /// The image keeps a key a cell; glyphs with combining marks go through its table.
    func testGlyphsWithMarksAreComparedExactly() {
        var image = ScreenImage()
        _ = present(canvas(["e\u{301}a", "o\u{308}b"]), on: &image)
        XCTAssertEqual(image[x: 0, y: 0].text, "e\u{301}")
        XCTAssertEqual(image[x: 0, y: 0].role, .body)
        XCTAssertEqual(present(canvas(["e\u{301}a", "o\u{308}b"]), on: &image).1, [], "the same marks: nothing drawn")
        XCTAssertEqual(present(canvas(["e\u{300}a", "o\u{308}b"]), on: &image).1, ["0,0:e\u{300}"], "another mark is drawn")
        XCTAssertEqual(present(canvas(["ea", "o\u{308}b"]), on: &image).1, ["0,0:e"], "a mark taken away is drawn")
        XCTAssertEqual(present(canvas(["ea", "o\u{308}c"]), on: &image).1, ["1,1:c"])
    }

    func testTheTableOfGlyphsWithMarksStaysBounded() {
        var image = ScreenImage()
        func glyph(_ k: Int) -> String { "\(Unicode.Scalar(0x100 + k / 0x70)!)\(Unicode.Scalar(0x300 + k % 0x70)!)" }
        // A new glyph with marks in the first cell each frame, one kept in the second row.
        for k in 0..<(ScreenImage.maxMarked + 10) {
            _ = present(canvas([glyph(k) + "x", "o\u{308}b"], width: 4), on: &image)
            XCTAssertLessThanOrEqual(image.markedCount, ScreenImage.maxMarked + 1)
        }
        XCTAssertEqual(image[x: 0, y: 0].text, glyph(ScreenImage.maxMarked + 9))
        XCTAssertEqual(image[x: 0, y: 1].text, "o\u{308}")
        XCTAssertEqual(image[x: 1, y: 1].text, "b")
        // The frame after the table was emptied drew the kept glyph with marks again, and only it.
        var trimmed = ScreenImage()
        for k in 0..<ScreenImage.maxMarked { _ = present(canvas([glyph(k) + "x", "o\u{308}b"], width: 4), on: &trimmed) }
        XCTAssertEqual(present(canvas([glyph(0) + "x", "o\u{308}b"], width: 4), on: &trimmed).1, ["0,0:\(glyph(0))", "0,1:o\u{308}"])
        XCTAssertEqual(trimmed.markedCount, 2)
    }

    /// Rows are told apart by digests of whole cells: a second or fourth mark alone counts.
    func testRowsDifferingOnlyInALaterMarkAreDrawn() {
        var image = ScreenImage()
        _ = present(canvas(["a\u{301}\u{302}b", "cd"]), on: &image)
        XCTAssertEqual(present(canvas(["a\u{301}\u{303}b", "cd"]), on: &image).1, ["0,0:a\u{301}\u{303}"])
        XCTAssertEqual(present(canvas(["a\u{301}\u{303}\u{304}\u{305}b", "cd"]), on: &image).1, ["0,0:a\u{301}\u{303}\u{304}\u{305}"])
        XCTAssertEqual(present(canvas(["a\u{301}\u{303}\u{304}\u{306}b", "cd"]), on: &image).1, ["0,0:a\u{301}\u{303}\u{304}\u{306}"])
        XCTAssertEqual(present(canvas(["a\u{301}\u{303}\u{304}\u{306}b", "cd"]), on: &image).1, [])
    }

    /// A fourth mark differing only in bit 10 (U+0330, U+0730) flips the top bit of its cell's
    /// first digest word, which a multiply keeps and a rotation puts at bit 4: a next cell
    /// differing there ("a", "q") cancelled it, whatever the key, and the row was not drawn.
    func testRowsWhoseCellsDifferInTheDigestWordsTopBitAndTheNextCellAreDrawn() {
        var image = ScreenImage()
        _ = present(canvas(["a\u{301}\u{302}\u{303}\u{330}a", "cd"]), on: &image)
        XCTAssertEqual(present(canvas(["a\u{301}\u{302}\u{303}\u{730}q", "cd"]), on: &image).1,
                       ["0,0:a\u{301}\u{302}\u{303}\u{730}", "1,0:q"])
    }

    /// Changes far apart in a row are drawn as runs of their own; near ones as one run.
    func testDistantChangesInARowAreDrawnApart() {
        var image = ScreenImage()
        let blank = String(repeating: " ", count: 30)
        _ = present(canvas(["a" + blank + "b", "c"], width: 32), on: &image)
        var runs: [Range<Int>] = []
        image.update(toward: canvas(["x" + blank + "y", "c"], width: 32), scroll: { _ in }) { _, columns, _ in runs.append(columns) }
        XCTAssertEqual(runs, [0..<1, 31..<32])
        runs = []
        image.update(toward: canvas(["xz   z" + String(repeating: " ", count: 25) + "y", "c"], width: 32), scroll: { _ in }) { _, columns, _ in runs.append(columns) }
        XCTAssertEqual(runs, [1..<6])
    }

    func testForgettingRedrawsEverything() {
        var image = ScreenImage()
        _ = present(canvas(["ab"], width: 2), on: &image)
        image.forget()
        XCTAssertEqual(present(canvas(["ab"], width: 2), on: &image).1, ["0,0:a", "1,0:b"])
    }

    /// A canvas row under the tag of a row the window shows (there or a line or two away) is
    /// taken to hold that row's cells, unread: the cells are not compared (here the tag is
    /// given to other cells on purpose, so the skip shows); without the tag they are.
    func testARowUnderATagTheWindowShowsIsNotRead() {
        func tagged(_ lines: [String], _ tags: [UInt64]) -> Canvas {
            var c = canvas(lines)
            for (y, tag) in tags.enumerated() { c.setTag(tag, row: y) }
            return c
        }
        var image = ScreenImage()
        _ = present(tagged(["a", "b", "c", "d", "e", "s"], [1, 2, 3, 4, 5, 0]), on: &image)
        // Same tags, other cells: nothing drawn (the rows are taken as they were).
        XCTAssertEqual(present(tagged(["A", "B", "c", "d", "e", "s"], [1, 2, 3, 4, 5, 0]), on: &image).1, [])
        // Moved up a line under their tags: scrolled, and only the new row and the status drawn.
        let (shift, drawn) = present(tagged(["b", "c", "d", "e", "f", "t"], [2, 3, 4, 5, 6, 0]), on: &image)
        XCTAssertEqual(shift, ScreenImage.Shift(top: 0, bottom: 4, lines: 1))
        XCTAssertEqual(drawn, ["0,4:f"] + (1..<8).map { "\($0),4: " } + ["0,5:t"], "the uncovered line whole, and the status")
        // A row whose tag is gone is read again.
        XCTAssertEqual(present(tagged(["b", "c", "X", "e", "f", "t"], [2, 3, 0, 5, 6, 0]), on: &image).1, ["0,2:X"])
    }

    /// Frames that scroll a line or two either way, keep rows, repeat rows and change cells, at
    /// random: a screen that takes each frame's scroll (as `wscrl` does) and draws shows the
    /// canvas after every frame (the cells `changes` skips and the runs it draws are the right
    /// ones, and so are the scrolls `findShift` finds).
    func testRandomScrollsAndChangesLeaveTheScreenShowingEachCanvas() {
        var random = SystemRandomNumberGenerator()
        let width = 6, height = 12
        var image = ScreenImage()
        var screen = Array(repeating: Array(repeating: Cell(glyph: .none), count: width), count: height)
        var lines = (0..<height).map { "l\($0)" }
        var next = height
        var tags: [String: UInt64] = [:]  // by the row's text (every row is in one role)
        for frame in 0..<400 {
            switch Int.random(in: 0..<6, using: &random) {
            case 0, 1:  // up by one or two, a status line kept
                let n = Int.random(in: 1...2, using: &random)
                lines = Array(lines[n..<(height - 1)]) + (0..<n).map { _ in next += 1; return "l\(next)" } + [lines[height - 1]]
            case 2:  // down by one
                lines = ["l\(next + 1)"] + Array(lines[0..<(height - 2)]) + [lines[height - 1]]
                next += 1
            case 3:  // a row repeated (blank rows alike)
                lines[Int.random(in: 0..<height, using: &random)] = "same"
            case 4:  // a cell or two changed: to a letter, a wide glyph, a glyph with marks
                let y = Int.random(in: 0..<height, using: &random)
                let put = ["x", "東", "e\u{301}", "yz"].randomElement(using: &random)!
                lines[y] = String(lines[y].prefix(Int.random(in: 0...3, using: &random))) + put + String(lines[y].dropFirst(3))
            default:
                lines[height - 1] = "s\(frame)"
            }
            var c = canvas(lines, width: width)
            // Most rows under a tag named for their text (as the list's kept rows are), some not.
            let texts = c.lines()
            for y in 0..<height where Int.random(in: 0..<4, using: &random) != 0 {
                let row = texts[y]
                let tag = tags[row] ?? UInt64(tags.count + 1)
                tags[row] = tag
                c.setTag(tag, row: y)
            }
            if !image.holds(c.size) { image.start(c.size) }
            image.update(toward: c, scroll: { shift in
                var rows = Array(screen[shift.top...shift.bottom])
                let blank = Array(repeating: Cell(glyph: .none), count: width)
                if shift.lines > 0 {
                    rows = Array(rows.dropFirst(shift.lines)) + Array(repeating: blank, count: shift.lines)
                } else {
                    rows = Array(repeating: blank, count: -shift.lines) + Array(rows.dropLast(-shift.lines))
                }
                screen.replaceSubrange(shift.top...shift.bottom, with: rows)
            }) { y, columns, row in
                for x in columns { screen[y][x] = row[x] }
            }
            for y in 0..<height {
                for x in 0..<width {
                    XCTAssertEqual(screen[y][x], c[x: x, y: y], "frame \(frame) cell \(x),\(y)")
                    XCTAssertEqual(image[x: x, y: y], c[x: x, y: y], "frame \(frame) image \(x),\(y)")
                }
            }
        }
    }

    /// The old search, every row of every move looked at: the reference for `bestShift`.
    private func everyRowShift(known: [Bool], incoming: [UInt64], digests: [UInt64]) -> (ScreenImage.Shift, Range<Int>)? {
        let height = incoming.count
        guard height > ScreenImage.minRowsMoved else { return nil }
        func same(_ y: Int, _ oldY: Int) -> Bool { known[oldY] && incoming[y] == digests[oldY] }
        let differs = (0..<height).map { !same($0, $0) }
        let changed = differs.filter { $0 }.count
        guard changed >= ScreenImage.minRowsMoved else { return nil }
        var best: (ScreenImage.Shift, Range<Int>)?
        var bestFixed = ScreenImage.minRowsMoved - 1, bestLines = 0
        for k in 0..<(2 * ScreenImage.maxShift) {
            if bestFixed >= changed - 1 - bestLines { break }
            let delta = k % 2 == 0 ? k / 2 + 1 : -(k / 2 + 1)
            let ys = max(0, -delta)..<min(height, height - delta)
            var y = ys.lowerBound
            while y < ys.upperBound {
                guard same(y, y + delta) else { y += 1; continue }
                let runStart = y
                var fixed = 0
                while y < ys.upperBound && same(y, y + delta) {
                    if differs[y] { fixed += 1 }
                    y += 1
                }
                guard fixed > bestFixed else { continue }
                bestFixed = fixed
                bestLines = abs(delta)
                let last = y - 1
                best = (delta > 0 ? ScreenImage.Shift(top: runStart, bottom: last + delta, lines: delta)
                                  : ScreenImage.Shift(top: runStart + delta, bottom: last, lines: delta), runStart..<(last + 1))
            }
        }
        return best
    }

    /// Random windows (rows from a few digests, so that moves of every size match runs of every
    /// length; unknown rows; lists moved by a line or a few with rows changed): the search that
    /// looks at a row of each stretch finds the move the search of every row finds.
    func testTheShiftSearchFindsWhatLookingAtEveryRowFinds() {
        var rng = SystemRandomNumberGenerator()
        var moved = 0
        for round in 0..<20_000 {
            let height = Int.random(in: 1...45, using: &rng)
            let kinds = UInt64.random(in: 1...6, using: &rng)
            var digests = (0..<height).map { _ in UInt64.random(in: 0..<kinds, using: &rng) }
            var incoming = (0..<height).map { _ in UInt64.random(in: 0..<kinds, using: &rng) }
            if round % 2 == 0 {
                // A scrolled list: distinct rows moved by up to four lines, a few changed.
                digests = (0..<height).map { UInt64($0 + 100) }
                let by = Int.random(in: -4...4, using: &rng)
                incoming = (0..<height).map { y in UInt64(y + by + 100) }
                for _ in 0..<Int.random(in: 0...3, using: &rng) where height > 0 {
                    incoming[Int.random(in: 0..<height, using: &rng)] = UInt64.random(in: 0...1000, using: &rng)
                }
            }
            let known = (0..<height).map { _ in Int.random(in: 0..<12, using: &rng) != 0 }
            var differs = [Bool](repeating: false, count: height)
            let found = known.withUnsafeBufferPointer { k in
                incoming.withUnsafeBufferPointer { i in
                    digests.withUnsafeBufferPointer { d in
                        differs.withUnsafeMutableBufferPointer { ScreenImage.bestShift(known: k, incoming: i, digests: d, differs: $0) }
                    }
                }
            }
            let expected = everyRowShift(known: known, incoming: incoming, digests: digests)
            XCTAssertEqual(found?.0, expected?.0, "round \(round): \(known) \(incoming) \(digests)")
            XCTAssertEqual(found?.1, expected?.1, "round \(round)")
            if found?.0 != expected?.0 || found?.1 != expected?.1 { return }
            if expected != nil { moved += 1 }
        }
        XCTAssertGreaterThan(moved, 2_000)
    }
}
