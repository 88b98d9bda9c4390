import BylineCanvas
import BylineReader
import BylineTestSupport
import XCTest

/// Keys that change levels and panes (the comforts of a daily reader, issue 12): `q` back a
/// level and `Q`, `Space` on to the next article, `<` and `>`, the list's width.
final class PaneKeysTests: XCTestCase {
    // MARK: - q goes back one level; Q quits

    func testQGoesBackOneLevelAndQuitsOnlyFromThePanes() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        let map = KeyMap.standard
        XCTAssertEqual(map.action(for: .char("q"), mode: .normal), .back)
        XCTAssertEqual(map.action(for: .char("Q"), mode: .normal), .quit)
        XCTAssertEqual(map.action(for: .char("Q"), mode: .overlay), .quit)
        XCTAssertEqual(map.action(for: .char("q"), mode: .overlay), .closeOverlay)
        // Reading mode → the panes.
        state.send([.focusForward, .toggleZoom])
        XCTAssertTrue(state.readingMode)
        XCTAssertEqual(state.send(.back), [])
        XCTAssertFalse(state.zoomed)
        // The zoomed list → the panes.
        state.send([.focusBack, .toggleZoom])
        XCTAssertTrue(state.zoomed)
        XCTAssertEqual(state.send(.back), [])
        XCTAssertFalse(state.zoomed)
        // The panes: quit.
        XCTAssertEqual(state.send(.back).last, .quit, "after the saves on the way out")
        // Q quits from reading mode at once.
        state.send([.focusForward, .toggleZoom])
        XCTAssertEqual(state.send(.quit).last, .quit)
    }

    func testQInTheBodyAloneGoesBackToTheList() throws {
        var state = try ReaderFixtures.state(Size(width: 70, height: 20))
        state.send(.focusForward)
        XCTAssertEqual(state.send(.back), [])
        XCTAssertEqual(state.focus, .list)
        XCTAssertEqual(state.send(.back).last, .quit, "after the saves on the way out")
    }

    // MARK: - Space at the end of an article

    func testSpaceAtTheEndOpensTheNextUnreadArticle() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        XCTAssertEqual(KeyMap.standard.action(for: .char(" "), mode: .normal), .readOn)
        // Read the second article, then come back to the first.
        state.send([.moveDown, .focusForward, .focusBack, .moveUp, .focusForward])
        XCTAssertEqual(state.selectedRow, 0)
        state.send(.readOn)
        XCTAssertGreaterThan(state.bodyTop, 0, "Space pages down first")
        state.send(.bottom)
        state.send(.readOn)
        XCTAssertEqual(state.selectedRow, 2, "at the end, on to the next unread article (the second was read)")
        XCTAssertEqual(state.focus, .body)
        XCTAssertEqual(state.bodyTop, 0)
        state.send([.bottom, .readOn])
        XCTAssertEqual(state.selectedRow, 2, "the last article stays")
        XCTAssertNotNil(state.message)
    }

    func testSpacePagesTheListAndTheOverlay() throws {
        var state = try ReaderFixtures.state(Size(width: 80, height: 12))
        state.send(.toggleHelp)
        state.send(.readOn)
        XCTAssertGreaterThan(state.overlayTop, 0)
    }

    // MARK: - The list's width

    func testWideScreensGiveTheListTheWidthTheBodyCannotUse() throws {
        let state = try ReaderFixtures.state(Size(width: 200, height: 60))
        let layout = state.layout
        XCTAssertEqual(layout.body?.width, BodyLayout.maxMeasure + 4, "the body is as wide as its measure needs")
        XCTAssertEqual(layout.list?.width, 200 - 44 - 2 - 80)
        let narrow = try ReaderFixtures.state(Size(width: 120, height: 40)).layout
        XCTAssertEqual(narrow.list?.width, 31, "at 120 columns nothing changes")
    }

    func testAngleBracketsResizeTheList() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 40))
        let before = try XCTUnwrap(state.layout.list?.width)
        state.send(.widenList)
        XCTAssertEqual(state.layout.list?.width, before + 4)
        XCTAssertEqual(state.layout.list!.width + state.layout.body!.width + state.layout.sidebar!.width + 2, 120)
        for _ in 0..<20 { state.send(.narrowList) }
        XCTAssertEqual(state.layout.list?.width, Layout.minimumListWidth)
        for _ in 0..<40 { state.send(.widenList) }
        XCTAssertEqual(state.layout.body?.width, Layout.minimumBodyWidth, "the body keeps room to read")
        XCTAssertEqual(KeyMap.standard.action(for: .char(">"), mode: .normal), .widenList)
        XCTAssertEqual(KeyMap.standard.action(for: .char("<"), mode: .normal), .narrowList)
    }
}
