import BylineCanvas
import BylineReader
import BylineTestSupport
import XCTest

final class UpdateTests: XCTestCase {
    private let wide = Size(width: 160, height: 40)

    func testFocusStartsOnListAndMovingShowsArticleAtOnce() throws {
        var state = try ReaderFixtures.state(wide)
        XCTAssertEqual(state.focus, .list)
        XCTAssertEqual(state.article?.id, "000_db09bf8f9e96a4f5")
        _ = update(&state, .moveDown)
        XCTAssertEqual(state.selected, 1)
        XCTAssertEqual(state.article?.id, "001_harbour")
        XCTAssertEqual(state.bodyTop, 0)
        _ = update(&state, .moveUp)
        _ = update(&state, .moveUp)
        XCTAssertEqual(state.selected, 0, "moving above the first article stays put")
    }

    func testEnterFocusesBodyAndEscapeGoesBack() throws {
        var state = try ReaderFixtures.state(wide)
        _ = update(&state, .focusForward)
        XCTAssertEqual(state.focus, .body)
        XCTAssertTrue(state.read.contains(0))
        _ = update(&state, .moveDown)
        XCTAssertEqual(state.bodyTop, 1)
        _ = update(&state, .focusBack)
        XCTAssertEqual(state.focus, .list)
    }

    func testTabCyclesFocusThroughAllPanes() throws {
        var state = try ReaderFixtures.state(wide)
        var seen: [Focus] = []
        for _ in 0..<3 {
            _ = update(&state, .cycleFocus)
            seen.append(state.focus)
        }
        XCTAssertEqual(seen, [.body, .sidebar, .list])
    }

    func testNextPullQuoteScrollsBodyAndMarksSidebar() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 24))
        _ = update(&state, .moveDown)  // the harbour article
        let article = try XCTUnwrap(state.article)
        XCTAssertEqual(article.quotes.filter(\.pull).count, 3)
        _ = update(&state, .nextQuote)
        let first = try XCTUnwrap(state.chosenQuote)
        XCTAssertEqual(state.currentSidebarEntry, first)
        XCTAssertGreaterThan(state.bodyTop, 0, "the first pull quote is below the first screen")
        let block = article.quotes[state.sidebarEntries[first]].block
        let range = try XCTUnwrap(state.body).lineRange(ofBlock: block)
        XCTAssertTrue(range.lowerBound >= state.bodyTop && range.upperBound <= state.bodyTop + state.bodyHeight)
        _ = update(&state, .nextQuote)
        XCTAssertEqual(state.chosenQuote, first + 1)
        _ = update(&state, .previousQuote)
        XCTAssertEqual(state.chosenQuote, first)
    }

    func testNextQuotePastTheLastGoesToNextArticle() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 24))
        _ = update(&state, .moveDown)
        for _ in 0..<3 { _ = update(&state, .nextQuote) }
        XCTAssertEqual(state.selected, 1)
        _ = update(&state, .nextQuote)
        XCTAssertEqual(state.selected, 2, "past the last pull quote, on to the next article's first")
        XCTAssertEqual(state.chosenQuote, 0)
        _ = update(&state, .nextQuote)
        XCTAssertEqual(state.selected, 2)
        XCTAssertEqual(state.message, "No more pull quotes")
    }

    func testCrossheadJumps() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 24))
        _ = update(&state, .moveDown)
        _ = update(&state, .nextCrosshead)
        let body = try XCTUnwrap(state.body)
        XCTAssertEqual(body.lines[state.bodyTop].spans.first?.text, "THE COST OF DELAY")
        _ = update(&state, .nextCrosshead)
        XCTAssertEqual(body.lines[state.bodyTop].spans.first?.text, "WHAT HAPPENS NEXT")
        _ = update(&state, .previousCrosshead)
        XCTAssertEqual(body.lines[state.bodyTop].spans.first?.text, "THE COST OF DELAY")
    }

    func testResizeKeepsTopParagraphInView() throws {
        var state = try ReaderFixtures.state(Size(width: 160, height: 30))
        _ = update(&state, .moveDown)
        _ = update(&state, .focusForward)
        for _ in 0..<30 { _ = update(&state, .moveDown) }
        let block = try XCTUnwrap(state.body?.block(atLine: state.bodyTop))
        _ = update(&state, .resize(Size(width: 90, height: 20)))
        let body = try XCTUnwrap(state.body)
        XCTAssertNotEqual(body.width, 76, "reflowed to the narrower pane")
        XCTAssertEqual(body.block(atLine: state.bodyTop), block)
    }

    func testQuitAndRedrawAreEffects() throws {
        var state = try ReaderFixtures.state(wide)
        XCTAssertEqual(update(&state, .quit), [.quit])
        XCTAssertEqual(update(&state, .redraw), [.redrawAll])
    }

    func testThemeCyclingSkipsBrokenThemeWithMessage() throws {
        var state = try ReaderFixtures.state(wide)
        state.themeNames = ["default", "dark", "broken", "light"]
        XCTAssertEqual(update(&state, .cycleTheme), [.loadTheme("dark")])
        _ = update(&state, .themeApplied(name: "dark", error: nil))
        XCTAssertEqual(state.themeName, "dark")
        XCTAssertEqual(state.message, "Theme: dark")
        XCTAssertEqual(update(&state, .cycleTheme), [.loadTheme("broken")])
        XCTAssertEqual(update(&state, .themeApplied(name: "broken", error: "bad colour")), [.loadTheme("light")])
        _ = update(&state, .themeApplied(name: "light", error: nil))
        XCTAssertEqual(state.themeName, "light")
        XCTAssertEqual(state.message, "Theme broken skipped: bad colour · Theme: light")
    }

    func testSidebarToggleAtMediumWidthShowsQuotes() throws {
        var state = try ReaderFixtures.state(Size(width: 100, height: 30))
        XCTAssertFalse(state.layout.shows(.sidebar))
        _ = update(&state, .toggleSidebar)
        XCTAssertTrue(state.layout.shows(.sidebar))
        XCTAssertTrue(state.layout.shows(.body))
    }

    func testZoomWithTheBodyFocusedIsFullWidthReading() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        _ = update(&state, .focusForward)
        _ = update(&state, .toggleZoom)
        XCTAssertEqual(state.layout.body?.width, 120)
        XCTAssertNil(state.layout.list)
        XCTAssertNil(state.layout.sidebar)
        XCTAssertEqual(state.focus, .body)
        XCTAssertTrue(state.readingMode)
    }

    func testZoomedListIsFullWidthAndReadsNoBodiesWhileMoving() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        _ = update(&state, .toggleZoom)
        XCTAssertEqual(state.layout.list?.width, 120)
        XCTAssertNil(state.layout.body)
        XCTAssertFalse(state.readingMode)
        XCTAssertEqual(update(&state, .moveDown), [], "no body on screen: nothing parsed, nothing prefetched")
        XCTAssertNil(state.article)
        XCTAssertEqual(state.selected, 1)
        // Enter reads the article full width; Left comes back to the full-width list.
        _ = update(&state, .focusForward)
        XCTAssertTrue(state.readingMode)
        XCTAssertEqual(state.article?.id, state.library.entries[1].id)
        XCTAssertEqual(state.layout.body?.width, 120)
        _ = update(&state, .focusBack)
        XCTAssertEqual(state.layout.list?.width, 120)
        XCTAssertEqual(state.focus, .list)
        _ = update(&state, .toggleZoom)
        XCTAssertTrue(state.layout.shows(.body), "z again: back to the panes")
        XCTAssertEqual(state.article?.id, state.library.entries[1].id)
    }

    func testListScrollSurvivesReadingFullWidth() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        _ = update(&state, .moveDown)
        XCTAssertEqual(state.listTop, 0)
        _ = update(&state, .focusForward)
        _ = update(&state, .toggleZoom)
        XCTAssertNil(state.layout.list)
        _ = update(&state, .toggleZoom)
        XCTAssertEqual(state.listTop, 0, "the list did not scroll while it was hidden")
    }

    func testBodyScrollSurvivesALeaveToTheListAlone() throws {
        var state = try ReaderFixtures.state(Size(width: 60, height: 20))
        _ = update(&state, .focusForward)
        _ = update(&state, .pageDown)
        let top = state.bodyTop
        XCTAssertGreaterThan(top, 0)
        _ = update(&state, .focusBack)
        XCTAssertFalse(state.layout.shows(.body))
        _ = update(&state, .focusForward)
        XCTAssertEqual(state.bodyTop, top)
    }

    func testQuoteJumpFromTheListAloneOpensTheBody() throws {
        var state = try ReaderFixtures.state(Size(width: 60, height: 20))
        XCTAssertFalse(state.layout.shows(.body))
        _ = update(&state, .nextQuote)
        XCTAssertEqual(state.focus, .body)
        XCTAssertNotNil(state.chosenQuote)
        XCTAssertTrue(state.article!.quotes[state.sidebarEntries[state.chosenQuote!]].pull)
    }

    func testMovingTheSelectionPrefetchesItsNeighboursInTheDirectionOfTravel() throws {
        var state = try ReaderFixtures.state(wide)
        let page = state.layout.list!.height - 1
        XCTAssertEqual(update(&state, .moveDown), [.prefetch([2, 0, 3, 1 + page, 1 - page])])
        XCTAssertEqual(update(&state, .moveUp), [.prefetch([-1, 1, -2, 0 - page, 0 + page])])
        XCTAssertEqual(update(&state, .moveUp), [], "no move, nothing to prefetch")
    }

    func testReopenedOverlayStartsAtTheTop() throws {
        var state = try ReaderFixtures.state(wide)
        _ = update(&state, .toggleHelp)
        for _ in 0..<5 { _ = update(&state, .moveDown) }
        XCTAssertEqual(state.overlayTop, 5)
        _ = update(&state, .closeOverlay)
        _ = update(&state, .toggleHelp)
        XCTAssertEqual(state.overlayTop, 0)
    }
}
