import BylineCanvas
import BylineReader
import BylineTestSupport
import XCTest

/// Where panes go at each size, and which pane, row or quote is under a cell.
final class LayoutTests: XCTestCase {
    private func panes(_ w: Int, _ h: Int = 30, focus: Pane = .list, toggled: Bool = false, zoomed: Bool = false) -> [Pane] {
        Layout(size: Size(width: w, height: h), focus: focus, sidebarToggled: toggled, zoomed: zoomed).panes.map(\.pane)
    }

    func testPanesForEachWidth() {
        XCTAssertEqual(panes(200), [.list, .body, .sidebar])
        XCTAssertEqual(panes(120), [.list, .body, .sidebar])
        XCTAssertEqual(panes(120, toggled: true), [.list, .body])
        XCTAssertEqual(panes(119), [.list, .body])
        XCTAssertEqual(panes(100, toggled: true), [.body, .sidebar])
        XCTAssertEqual(panes(100, focus: .sidebar), [.body, .sidebar])
        XCTAssertEqual(panes(79), [.list])
        XCTAssertEqual(panes(79, focus: .body), [.body])
        XCTAssertEqual(panes(200, focus: .body, zoomed: true), [.body])
        XCTAssertEqual(panes(19), [])
        XCTAssertEqual(panes(80, 5), [])
    }

    func testPanesTileTheScreenAboveTheStatusLineWithOneColumnBorders() {
        for w in [20, 60, 79, 80, 100, 119, 120, 160, 300] {
            let layout = Layout(size: Size(width: w, height: 24), focus: .list, sidebarToggled: false, zoomed: false)
            let covered = layout.panes.reduce(0) { $0 + $1.rect.width } + layout.borders.count
            XCTAssertEqual(covered, w, "width \(w)")
            XCTAssertEqual(layout.status, Rect(x: 0, y: 23, width: w, height: 1))
            for (pane, rect) in layout.panes {
                XCTAssertEqual(rect.height, 23)
                XCTAssertEqual(layout.pane(at: Point(x: rect.x, y: 0)), pane)
                XCTAssertEqual(layout.pane(at: Point(x: rect.maxX - 1, y: 22)), pane)
            }
            for x in layout.borders { XCTAssertNil(layout.pane(at: Point(x: x, y: 3)), "a border belongs to no pane") }
            XCTAssertNil(layout.pane(at: Point(x: 0, y: 23)), "nor does the status line")
        }
    }

    func testHitTestingFindsTheRowAndTheQuoteUnderACell() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 40))
        state.send(.moveDown)
        let layout = state.layout
        let list = try XCTUnwrap(layout.list)
        XCTAssertEqual(ListPane.row(at: Point(x: list.x + 3, y: 2), in: list, state: state), 2)
        XCTAssertNil(ListPane.row(at: Point(x: list.x + 3, y: 10), in: list, state: state), "below the last row")
        let sidebar = try XCTUnwrap(layout.sidebar)
        let canvas = Screen().render(state)
        // The first quote's first line is on the sidebar's third row; its attribution below it.
        XCTAssertEqual(SidebarPane.entry(at: Point(x: sidebar.x + 4, y: 2), in: sidebar, state: state), 0)
        let firstEntryLines = state.sidebar!.entries[0].count
        XCTAssertEqual(SidebarPane.entry(at: Point(x: sidebar.x + 4, y: 2 + firstEntryLines - 1), in: sidebar, state: state), 0)
        XCTAssertNil(SidebarPane.entry(at: Point(x: sidebar.x + 4, y: 2 + firstEntryLines), in: sidebar, state: state), "the blank between quotes")
        XCTAssertEqual(SidebarPane.entry(at: Point(x: sidebar.x + 4, y: 3 + firstEntryLines), in: sidebar, state: state), 1)
        XCTAssertTrue(canvas.lines()[2].contains("“"), "the hit row does show a quote")
        let body = try XCTUnwrap(layout.body)
        XCTAssertEqual(BodyPane.line(at: Point(x: body.x + 5, y: 4), in: body, state: state), state.bodyTop + 4)
    }
}
