import BylineCanvas
import BylineReader
import BylineTestSupport
import XCTest

/// Issue 12 #9: `s` shows the quotes where only one pane fits.
final class NarrowSidebarTests: XCTestCase {
    func testSShowsTheQuotesWhenOnlyOnePaneFits() throws {
        var state = try ReaderFixtures.state(Size(width: 70, height: 20))
        state.send(.moveDown)
        state.send(.toggleSidebar)
        XCTAssertTrue(state.layout.shows(.sidebar), "s shows the quotes under 80 columns")
        XCTAssertTrue(Screen().render(state).text.contains("Quotes"))
        state.send(.toggleSidebar)
        XCTAssertFalse(state.layout.shows(.sidebar), "and s again hides them")
        XCTAssertTrue(state.layout.shows(.body))
    }

    func testSShowsTheQuotesInAZoomedPane() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        state.send([.moveDown, .focusForward, .toggleZoom, .toggleSidebar])
        XCTAssertEqual(state.layout.sidebar?.width, 120)
        state.send(.toggleSidebar)
        XCTAssertTrue(state.readingMode)
    }
}
