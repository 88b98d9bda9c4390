import BylineCanvas
import BylineReader
import BylineTestSupport
import XCTest

/// Whole screens rendered in memory and compared with text snapshots in `Snapshots/`.
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests`.
final class ScreenSnapshotTests: XCTestCase {
    private func render(_ size: Size, ascii: Bool = false, _ actions: [Action] = []) throws -> Canvas {
        var state = try ReaderFixtures.state(size, ascii: ascii)
        state.send(actions)
        return Screen().render(state)
    }

    func testSizes() throws {
        for (w, h) in [(1, 1), (20, 6), (40, 10), (80, 24), (120, 40), (200, 60)] {
            let canvas = try render(Size(width: w, height: h))
            XCTAssertEqual(canvas.lines().count, h)
            assertScreenSnapshot(canvas, named: "screen-\(w)x\(h)")
        }
    }

    func testTooSmallSaysSo() throws {
        XCTAssertTrue(try render(Size(width: 19, height: 10)).text.contains("Too small") || render(Size(width: 19, height: 10)).text.contains("too small"))
        XCTAssertTrue(try render(Size(width: 60, height: 5)).text.contains("Terminal too small"))
    }

    func testQuoteJumpMarksSidebar() throws {
        let canvas = try render(Size(width: 120, height: 40), [.moveDown, .nextQuote, .nextQuote])
        assertScreenSnapshot(canvas, named: "harbour-second-pull-quote-120x40")
        XCTAssertTrue(canvas.text.contains("▶"))
    }

    func testZoomedListIsAFullWidthIndex() throws {
        let canvas = try render(Size(width: 100, height: 8), [.toggleZoom, .moveDown])
        assertScreenSnapshot(canvas, named: "zoomed-list-100x8")
        XCTAssertFalse(canvas.text.contains("│"), "no other pane, no border")
        XCTAssertTrue(canvas.text.contains("Harbour bridge opens after a decade of delay"), "the headline is not cut")
    }

    func testSearchHighlightsMatchesAndSetsTheCurrentOneApart() throws {
        var actions: [Action] = [.moveDown, .focusForward, .openPrompt(.findInArticle)]
        actions += "council".map { .editPrompt(.insert($0)) }
        actions += [.submitPrompt, .nextMatch]
        let canvas = try render(Size(width: 100, height: 30), actions)
        assertScreenSnapshot(canvas, named: "search-council-100x30")
        let roles = RoleCodes.lines(canvas).joined()
        XCTAssertTrue(roles.contains("mmmmmmm"), "the current match")
        XCTAssertTrue(roles.contains("MMMMMMM"), "another match")
        XCTAssertTrue(canvas.lines().last!.contains("/council 2/"))
    }

    func testHelpOverlay() throws {
        let canvas = try render(Size(width: 80, height: 40), [.toggleHelp])
        assertScreenSnapshot(canvas, named: "help-80x40")
        XCTAssertTrue(canvas.text.contains("Next pull quote"))
    }

    func testASCIIFallbackDrawsNoBoxCharacters() throws {
        let canvas = try render(Size(width: 120, height: 30), ascii: true, [.moveDown, .moveDown])
        assertScreenSnapshot(canvas, named: "ascii-wide-article-120x30")
        XCTAssertFalse(canvas.text.contains("│"))
    }

    func testWideCharactersKeepBordersInOneColumn() throws {
        let canvas = try render(Size(width: 130, height: 20), [.moveDown, .moveDown])
        let state = try ReaderFixtures.state(Size(width: 130, height: 20))
        for x in state.layout.borders {
            for y in 0..<19 {
                XCTAssertEqual(canvas[x: x, y: y].text, "│", "border broken at \(x),\(y)")
            }
        }
    }

    func testNarrowShowsOnePaneAtATime() throws {
        let list = try render(Size(width: 60, height: 20))
        XCTAssertTrue(list.text.contains("Harbour bridge opens"))
        let body = try render(Size(width: 60, height: 20), [.focusForward])
        XCTAssertTrue(body.text.contains("words ·"))
        XCTAssertFalse(body.text.contains("Harbour bridge opens"))
    }
}
