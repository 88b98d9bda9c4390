import BylineCanvas
import BylineModel
import BylineTestSupport
import Foundation
import XCTest
@testable import BylineReader

/// The list and the body copy rows they drew before from the same content (a move in the
/// zoomed list draws two rows, a line scrolled in reading mode one): a screen kept from frame
/// to frame must draw exactly what a fresh one draws.
final class RowCacheTests: XCTestCase {
    func testAScreenKeptAcrossFramesDrawsWhatAFreshScreenDraws() throws {
        let kept = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        var state = try ReaderFixtures.state(Size(width: 100, height: 8))
        // Moves, the zoomed index and back, reading marks, focus, a narrower and a wider
        // list, the body scrolled beside the list and in reading mode, a jump to a quote, another
        // article, ASCII glyphs, a resize: each changes what some rows show.
        let steps: [Action] = [.moveDown, .moveDown, .toggleZoom, .moveUp, .toggleRead, .moveDown, .toggleRead,
                               .toggleZoom, .focusForward, .focusBack, .narrowList, .widenList, .widenList,
                               .focusForward, .moveDown, .moveDown, .pageDown, .moveUp, .nextQuote, .moveDown,
                               .toggleZoom, .moveDown, .moveDown, .moveUp, .pageDown, .toggleZoom, .focusBack,
                               .resize(Size(width: 70, height: 6)), .moveDown, .focusForward, .moveDown,
                               .focusBack, .markAllRead, .toggleZoom, .top]
        var compared = 0
        var tagged: [UInt64: [Cell]] = [:]
        var tags = 0
        for step in [nil] + steps {
            if let step { state.send(step) }
            kept.render(state, into: &canvas)
            // A tag names one row's cells, in every frame it is given in.
            for y in 0..<canvas.size.height where canvas.tag(row: y) != 0 {
                let row = canvas.cells(x: 0, y: y, width: canvas.size.width)
                tags += 1
                if let seen = tagged.updateValue(row, forKey: canvas.tag(row: y)) {
                    XCTAssertEqual(seen, row, "row \(y) after \(step.map { "\($0)" } ?? "start"): a tag given to other cells")
                }
            }
            let fresh = Screen().render(state)
            XCTAssertEqual(canvas, fresh, "after \(step.map { "\($0)" } ?? "start"):\n\(canvas.text)\n--- fresh:\n\(fresh.text)")
            compared += 1
        }
        XCTAssertEqual(compared, steps.count + 1)
        XCTAssertGreaterThan(tags, 20, "the zoomed list's rows are put back under tags")
        XCTAssertGreaterThan(tagged.count, 5)
        var ascii = state
        ascii.ascii = true
        kept.render(ascii, into: &canvas)
        XCTAssertEqual(canvas, Screen().render(ascii), "ASCII glyphs")
    }

    /// A move takes the rows the selection left and reached from the cache in their new role
    /// (the row kept, recoloured): up and down the zoomed list and the panes, read marks
    /// toggled, focus moved, the same as a fresh screen at every frame.
    func testRowsTheSelectionMovesOverAreTheRowsKeptInTheirNewRole() throws {
        let kept = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        var state = try ReaderFixtures.state(Size(width: 100, height: 8))
        state.send(.toggleZoom)
        let steps: [Action] = [.moveDown, .moveDown, .moveUp, .toggleRead, .moveDown, .moveUp, .moveUp, .toggleRead,
                               .moveDown, .toggleZoom, .focusForward, .moveDown, .focusBack, .moveDown, .moveUp,
                               .focusForward, .focusBack, .toggleZoom, .moveDown, .moveUp]
        for step in [nil] + steps {
            if let step { state.send(step) }
            kept.render(state, into: &canvas)
            XCTAssertEqual(canvas, Screen().render(state), "after \(step.map { "\($0)" } ?? "start"):\n\(canvas.text)")
        }
    }

    /// A row kept is checked against the headline read (without making its string): a
    /// headline read anew after its file changed is drawn, not the row kept.
    func testAListRowKeptIsDrawnAgainWhenItsHeadlineChanges() throws {
        let kept = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        var state = try ReaderFixtures.state(Size(width: 100, height: 8))
        state.send(.toggleZoom)
        kept.render(state, into: &canvas)
        let id = state.rows[1]
        let old = String(try XCTUnwrap(state.headline(of: id)).prefix(20))
        XCTAssertTrue(canvas.text.contains(old), canvas.text)
        try Data("A harbour headline written anew\n\nIts first paragraph.\n".utf8).write(to: URL(fileURLWithPath: state.library.path(of: id)))
        state.library.invalidate(id)
        _ = state.library.readHeadline(id)
        state.send(.moveDown)
        kept.render(state, into: &canvas)
        XCTAssertEqual(canvas, Screen().render(state))
        XCTAssertTrue(canvas.text.contains("A harbour headline written anew"), canvas.text)
        XCTAssertFalse(canvas.text.contains(old), canvas.text)
    }

    /// A row kept is known as the same by its stamp (mark, reading time, file time, the day):
    /// a row whose date reads differently once the day changed, or whose reading time was
    /// counted, is drawn again.
    func testAListRowKeptIsDrawnAgainWhenItsDateOrReadingTimeReadsDifferently() throws {
        let kept = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        var state = try ReaderFixtures.state(Size(width: 160, height: 8))
        for _ in 0..<6 { state.send(.widenList) }
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(state.layout.list).width, ListPane.datesFrom, "precondition: dates shown")
        let id = state.rows[0]
        let modified = try XCTUnwrap(state.library.modified(id))
        state.now = modified + 60
        state.utcOffset = 0
        kept.render(state, into: &canvas)
        let today = ListDate.label(modified, now: state.now, offset: 0)
        XCTAssertTrue(canvas.text.contains(today), canvas.text)
        state.now = modified + 3 * 86_400
        kept.render(state, into: &canvas)
        XCTAssertEqual(canvas, Screen().render(state), "a day later")
        XCTAssertTrue(canvas.text.contains(ListDate.label(modified, now: state.now, offset: 0)), canvas.text)
        state.utcOffset = -86_400 / 2
        kept.render(state, into: &canvas)
        XCTAssertEqual(canvas, Screen().render(state), "another time zone")
        let estimated = state.rows[1]
        XCTAssertTrue(canvas.text.contains("~"), "precondition: an estimated reading time:\n\(canvas.text)")
        _ = state.library.article(estimated)
        state.send(.moveDown)
        kept.render(state, into: &canvas)
        XCTAssertEqual(canvas, Screen().render(state), "a reading time counted")
    }
}

/// The row caches are bounded in rows and in cells (sized to the pane), and what they drop is
/// what was used longest ago.
final class RowCacheBoundTests: XCTestCase {
    private typealias Cache = RowCache<Int, Int>

    func testAWideTerminalsRowsStayWithinTheCellLimit() {
        let cache = Cache()
        XCTAssertEqual(cache.cellCapacity, Cache.minimumCells)
        cache.fit(Rect(x: 0, y: 0, width: 300, height: 100))
        XCTAssertEqual(cache.cellCapacity, 45_000, "half again the pane")
        let row = Array(repeating: Cell.blank(.body), count: 300)
        for line in 0..<Cache.capacity { cache.keep(row, filledWith: .blank(.base), for: line, 0) }
        XCTAssertLessThanOrEqual(cache.cellCount, cache.cellCapacity)
        XCTAssertEqual(cache.cellCount, cache.count * 300)
        XCTAssertGreaterThanOrEqual(cache.count, 100, "a 300x100 pane's rows stay")
        XCTAssertTrue(cache.holds(Cache.capacity - 1), "the row kept last stays")
        XCTAssertFalse(cache.holds(0), "the row kept first went")
    }

    func testAPaneMadeSmallerDropsTheOldRowsAtOnce() {
        let cache = Cache()
        cache.fit(Rect(x: 0, y: 0, width: 300, height: 100))
        let wide = Array(repeating: Cell.blank(.body), count: 300)
        for line in 0..<100 { cache.keep(wide, filledWith: .blank(.base), for: line, 0) }
        XCTAssertEqual(cache.cellCount, 30_000)
        _ = cache.cells(for: 99, 0)
        cache.fit(Rect(x: 0, y: 0, width: 40, height: 10))
        XCTAssertEqual(cache.cellCapacity, Cache.minimumCells)
        XCTAssertLessThanOrEqual(cache.cellCount, Cache.minimumCells * 3 / 4, "no row kept, yet the old rows went")
        XCTAssertTrue(cache.holds(99), "the row used last stays")
        XCTAssertFalse(cache.holds(0))
        cache.fit(Rect(x: 0, y: 0, width: 300, height: 100))
        XCTAssertTrue(cache.holds(99), "a bigger pane drops nothing")
    }

    func testAPaneNotOnScreenKeepsOnlyItsRowsUsedLast() throws {
        let screen = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        var state = try ReaderFixtures.state(Size(width: 300, height: 100))
        screen.render(state, into: &canvas)
        XCTAssertEqual(screen.bodyRows.cellCount, 0, "an article's first frame keeps no rows")
        screen.render(state, into: &canvas)
        let shown = screen.bodyRows.cellCount
        XCTAssertGreaterThan(shown, BodyRowCache.minimumCells, "the body's rows as drawn")
        state.send(.toggleZoom)
        XCTAssertNil(state.layout.body, "the zoomed list hides the body")
        screen.render(state, into: &canvas)
        XCTAssertLessThanOrEqual(screen.bodyRows.cellCount, BodyRowCache.minimumCells * 3 / 4)
        XCTAssertGreaterThan(screen.listRows.cellCount, 0)
        state.send(.resize(Size(width: 5, height: 3)))
        XCTAssertTrue(state.layout.tooSmall)
        screen.render(state, into: &canvas)
        XCTAssertLessThanOrEqual(screen.listRows.cellCount, ListRowCache.minimumCells * 3 / 4, "a terminal too small shows no pane")
        state.send(.resize(Size(width: 300, height: 100)))
        state.send(.toggleZoom)
        screen.render(state, into: &canvas)
        XCTAssertEqual(canvas, Screen().render(state), "the rows dropped are drawn again")
    }

    /// A body line is a slice of its block's text; the row kept for it holds a copy of just the
    /// line (a kept row must not keep a whole article alive), equal to the line it came from.
    func testABodyRowIsKeptWithItsOwnCopyOfTheLine() throws {
        let state = try ReaderFixtures.state(Size(width: 100, height: 30))
        let body = try XCTUnwrap(state.body)
        let line = try XCTUnwrap(body.lines.first { ($0.first.map { $0.base.utf8.count > $0.bytes.count }) ?? false },
                                 "a line that is part of a longer block")
        let detached = line.detached
        XCTAssertEqual(detached, line)
        XCTAssertEqual(detached.first?.base, line.first?.text)
        XCTAssertEqual(detached.first?.bytes, 0..<(line.first?.bytes.count ?? -1))
        var other = line
        other.indent += 1
        XCTAssertNotEqual(other.detached, line)
    }

    func testARowIsKeptWithoutTheBlanksItWasFilledWithOnEitherSide() throws {
        let cache = Cache()
        cache.fit(Rect(x: 0, y: 0, width: 300, height: 100))
        var canvas = Canvas(size: Size(width: 300, height: 2))
        canvas.fill(Rect(x: 0, y: 0, width: 300, height: 1), role: .body)
        canvas.put("centred 京都", x: 110, y: 0, role: .body)
        let drawn = canvas.cells(x: 0, y: 0, width: 300)
        cache.keep(drawn, filledWith: .blank(.body), for: 1, 0)
        cache.keep(Array(repeating: .blank(.body), count: 300), filledWith: .blank(.body), for: 2, 0)
        XCTAssertEqual(cache.cellCount, 600, "the limits count the whole rows")
        XCTAssertEqual(cache.storedCellCount, 12, "\"centred \" and two wide glyphs of two cells")
        let kept = try XCTUnwrap(cache.cells(for: 1, 0))
        XCTAssertEqual(kept.lead, 110)
        canvas.fill(Rect(x: 0, y: 1, width: 300, height: 1), role: .body)
        canvas.place(kept.cells, x: kept.lead, y: 1, filledWith: .body)
        XCTAssertEqual(canvas.cells(x: 0, y: 1, width: 300), drawn, "filled and placed, the row is as drawn")
        XCTAssertEqual(cache.cells(for: 2, 0)?.cells.count, 0, "a blank row keeps no cells")
        cache.keep(drawn, filledWith: .blank(.body), for: 2, 0)
        XCTAssertEqual(cache.storedCellCount, 24, "a row replaced counts its new cells")
    }

    func testRowsCopiedLatelyStayAndNarrowRowsStayWithinTheRowLimit() {
        let cache = Cache()
        cache.fit(Rect(x: 0, y: 0, width: 10, height: 1000))
        let row = Array(repeating: Cell.blank(.body), count: 10)
        for line in 0..<Cache.capacity { cache.keep(row, filledWith: .blank(.base), for: line, 0) }
        XCTAssertEqual(cache.count, Cache.capacity)
        XCTAssertNotNil(cache.cells(for: 0, 0), "row 0 copied: used last")
        XCTAssertNil(cache.cells(for: 1, 1), "other content: not this row")
        cache.keep(row, filledWith: .blank(.base), for: Cache.capacity, 0)
        XCTAssertLessThanOrEqual(cache.count, Cache.capacity * 3 / 4)
        XCTAssertTrue(cache.holds(0))
        XCTAssertTrue(cache.holds(Cache.capacity))
        XCTAssertFalse(cache.holds(1))
        XCTAssertEqual(cache.cellCount, cache.count * 10)
        cache.keep(Array(row.prefix(4)), filledWith: .blank(.base), for: 0, 1)
        XCTAssertEqual(cache.cellCount, (cache.count - 1) * 10 + 4, "a row replaced counts its new cells")
    }

    func testARowKeptInTheSlotOfADroppedRowReadsBackAsKept() throws {
        let cache = Cache()
        cache.fit(Rect(x: 0, y: 0, width: 10, height: 1000))
        func row(_ text: String, lead: Int) -> [Cell] {
            var canvas = Canvas(size: Size(width: 10, height: 1))
            canvas.fill(Rect(x: 0, y: 0, width: 10, height: 1), role: .body)
            canvas.put(text, x: lead, y: 0, role: .body)
            return canvas.cells(x: 0, y: 0, width: 10)
        }
        // Long rows first, so the slots they leave have room; then short rows into those slots.
        for line in 0..<Cache.capacity { cache.keep(row("abcdefghij", lead: 0), filledWith: .blank(.body), for: line, line) }
        for line in Cache.capacity..<(Cache.capacity + 200) {
            cache.keep(row("x\(line % 10)", lead: line % 7), filledWith: .blank(.body), for: line, line)
        }
        for line in Cache.capacity..<(Cache.capacity + 200) where cache.holds(line) {
            let kept = try XCTUnwrap(cache.cells(for: line, line))
            XCTAssertEqual(kept.lead, line % 7)
            XCTAssertEqual(kept.cells.map(\.text).joined(), "x\(line % 10)", "no cell of the row dropped is left")
        }
        XCTAssertTrue(cache.holds(Cache.capacity + 199), "the row kept last stays")
        XCTAssertEqual(cache.storedCellCount, (0..<(Cache.capacity + 200)).filter { cache.holds($0) }
            .reduce(0) { $0 + ($1 < Cache.capacity ? 10 : 2) })
        XCTAssertEqual(cache.cellCount, cache.count * 10)
    }

    func testASlotFoundByPositionIsTheKeysAndNeverADroppedRows() throws {
        let cache = Cache()
        cache.fit(Rect(x: 0, y: 0, width: 10, height: 1000))
        let row = Array(repeating: Cell(text: "a"), count: 10)
        for line in 0..<Cache.capacity { cache.keep(row, filledWith: .blank(.base), for: line, line) }
        XCTAssertEqual(cache.slot(of: 0, at: 0), cache.slot(of: 0))
        XCTAssertEqual(cache.slot(of: 0, at: 0), cache.slot(of: 0), "found again where it was found")
        XCTAssertEqual(cache.slot(of: 5, at: 0), cache.slot(of: 5), "another key at that position")
        XCTAssertEqual(cache.slot(of: 1, at: 7), cache.slot(of: 1))
        // Row 1 is dropped (used longest ago) and its slot given to another key.
        cache.keep(row, filledWith: .blank(.base), for: Cache.capacity, 0)
        XCTAssertFalse(cache.holds(1))
        XCTAssertNil(cache.slot(of: 1, at: 7), "a dropped row is not found by its old place")
        cache.keep(row, filledWith: .blank(.base), for: Cache.capacity + 1, 0)
        XCTAssertEqual(cache.slot(of: Cache.capacity + 1, at: 7), cache.slot(of: Cache.capacity + 1))
        XCTAssertNil(cache.slot(of: 1, at: 7))
        let last = Cache.capacity - 1
        XCTAssertEqual(cache.cells(inSlot: try XCTUnwrap(cache.slot(of: last, at: 3)), where: { $0.pointee == last })?.cells, row)
        XCTAssertNil(cache.cells(inSlot: try XCTUnwrap(cache.slot(of: last, at: 3)), where: { $0.pointee == 0 }))
    }

    func testTheRowsUsedLongestAgoGoFirstWhateverOrderTheyWereKeptIn() {
        let cache = Cache()
        cache.fit(Rect(x: 0, y: 0, width: 10, height: 1000))
        let row = Array(repeating: Cell(text: "a"), count: 10)
        for line in 0..<Cache.capacity { cache.keep(row, filledWith: .blank(.base), for: line, 0) }
        // Used again from the last to the first: row 0 is now the one used last.
        for line in (0..<Cache.capacity).reversed() { XCTAssertNotNil(cache.cells(for: line, 0)) }
        cache.keep(row, filledWith: .blank(.base), for: Cache.capacity, 0)
        XCTAssertTrue(cache.holds(0))
        XCTAssertTrue(cache.holds(1))
        XCTAssertFalse(cache.holds(Cache.capacity - 1), "used longest ago")
        XCTAssertEqual(cache.count, Cache.capacity * 3 / 4)
    }
}

extension Int: RowContent {}

/// A body row is kept with its own copy of its line's text, written into the storage a reused
/// slot's old line has: equal to the line, holding none of the paragraph it was a slice of.
final class BodyRowContentTests: XCTestCase {
    private func line(_ paragraph: String, _ bytes: Range<Int>, quoteBar: Bool = false) -> BodyLine {
        let text = Span(paragraph, bytes: bytes, .body)
        let spans = quoteBar ? [Span("┃ ", .quoteMark), text] : [text]
        return BodyLine(indent: 2, spans: spans, block: 3, source: TextPosition(block: 3, offset: bytes.lowerBound), length: bytes.count)
    }

    private func holdsOwnText(_ line: BodyLine) -> Bool {
        line.spans.allSatisfy { $0.bytes == 0..<$0.base.utf8.count }
    }

    func testAReusedSlotBecomesTheNewLineWithTextOfItsOwn() {
        let paragraph = String(repeating: "Lorem ipsum dolor sit amet, café ñandú 東京 — ", count: 20)
        let first = line(paragraph, 0..<60)
        var kept = BodyRowContent(line: first, x: 0, width: 80, left: 1, highlighted: false).standalone
        XCTAssertEqual(kept.line, first)
        XCTAssertTrue(holdsOwnText(kept.line))
        // Longer and shorter lines, one span and two, in turn into the same content.
        // Byte ranges that begin and end on scalars, as a line's do.
        func bytes(_ scalars: Range<Int>) -> Range<Int> {
            let view = paragraph.unicodeScalars
            let start = view.index(view.startIndex, offsetBy: scalars.lowerBound)
            let end = view.index(view.startIndex, offsetBy: scalars.upperBound)
            return paragraph.utf8.distance(from: paragraph.utf8.startIndex, to: start)..<paragraph.utf8.distance(from: paragraph.utf8.startIndex, to: end)
        }
        for (k, range) in [bytes(6..<130), bytes(130..<140), bytes(200..<400), bytes(0..<0), bytes(38..<44)].enumerated() {
            let next = line(paragraph, range, quoteBar: k % 2 == 0)
            let wanted = BodyRowContent(line: next, x: k, width: 80 + k, left: k, highlighted: k % 2 == 1)
            kept.become(wanted)
            XCTAssertEqual(kept, wanted, "line \(k)")
            XCTAssertEqual(kept, wanted.standalone, "line \(k)")
            XCTAssertTrue(holdsOwnText(kept.line), "line \(k) keeps a slice of the paragraph")
        }
        // A span that goes away goes.
        kept.become(BodyRowContent(line: BodyLine.blank, x: 0, width: 80, left: 1, highlighted: false))
        XCTAssertNil(kept.line.first)
        XCTAssertNil(kept.line.second)
    }
}
