import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

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
        for step in [nil] + steps {
            if let step { state.send(step) }
            kept.render(state, into: &canvas)
            let fresh = Screen().render(state)
            XCTAssertEqual(canvas, fresh, "after \(step.map { "\($0)" } ?? "start"):\n\(canvas.text)\n--- fresh:\n\(fresh.text)")
            compared += 1
        }
        XCTAssertEqual(compared, steps.count + 1)
        var ascii = state
        ascii.ascii = true
        kept.render(ascii, into: &canvas)
        XCTAssertEqual(canvas, Screen().render(ascii), "ASCII glyphs")
    }
}
