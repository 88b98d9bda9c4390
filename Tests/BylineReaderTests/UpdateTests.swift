import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import Foundation
import XCTest

final class UpdateTests: XCTestCase {
    private let wide = Size(width: 160, height: 40)

    func testFocusStartsOnListAndMovingShowsArticleAtOnce() throws {
        var state = try ReaderFixtures.state(wide)
        XCTAssertEqual(state.focus, .list)
        XCTAssertEqual(state.article?.id, "000_db09bf8f9e96a4f5")
        state.send(.moveDown)
        XCTAssertEqual(state.selectedRow, 1)
        XCTAssertEqual(state.article?.id, "001_harbour")
        XCTAssertEqual(state.bodyTop, 0)
        state.send(.moveUp)
        state.send(.moveUp)
        XCTAssertEqual(state.selectedRow, 0, "moving above the first article stays put")
    }

    func testEnterFocusesBodyAndEscapeGoesBack() throws {
        var state = try ReaderFixtures.state(wide)
        state.send(.focusForward)
        XCTAssertEqual(state.focus, .body)
        XCTAssertTrue(state.read.contains(state.library.id(at: 0)))
        state.send(.moveDown)
        XCTAssertEqual(state.bodyTop, 1)
        state.send(.focusBack)
        XCTAssertEqual(state.focus, .list)
    }

    func testTabCyclesFocusThroughAllPanes() throws {
        var state = try ReaderFixtures.state(wide)
        var seen: [Pane] = []
        for _ in 0..<3 {
            state.send(.cycleFocus)
            seen.append(state.focus)
        }
        XCTAssertEqual(seen, [.body, .sidebar, .list])
    }

    func testNextPullQuoteScrollsBodyAndMarksSidebar() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 24))
        state.send(.moveDown)  // the harbour article
        let article = try XCTUnwrap(state.article)
        XCTAssertEqual(article.quotes.filter(\.pull).count, 3)
        state.send(.nextQuote)
        let first = try XCTUnwrap(state.chosenQuote)
        XCTAssertEqual(state.currentSidebarEntry, first)
        XCTAssertGreaterThan(state.bodyTop, 0, "the first pull quote is below the first screen")
        let block = article.quotes[state.sidebarEntries[first]].block
        let range = try XCTUnwrap(state.body).lineRange(ofBlock: block)
        XCTAssertTrue(range.lowerBound >= state.bodyTop && range.upperBound <= state.bodyTop + state.bodyHeight)
        state.send(.nextQuote)
        XCTAssertEqual(state.chosenQuote, first + 1)
        state.send(.previousQuote)
        XCTAssertEqual(state.chosenQuote, first)
    }

    func testNextQuotePastTheLastGoesToNextArticle() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 24))
        state.send(.moveDown)
        for _ in 0..<3 { state.send(.nextQuote) }
        XCTAssertEqual(state.selectedRow, 1)
        state.send(.nextQuote)
        XCTAssertEqual(state.selectedRow, 2, "past the last pull quote, on to the next article's first")
        XCTAssertEqual(state.chosenQuote, 0)
        state.send(.nextQuote)
        XCTAssertEqual(state.selectedRow, 2)
        XCTAssertEqual(state.message, "No more pull quotes")
    }

    func testCrossheadJumps() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 24))
        state.send(.moveDown)
        state.send(.nextCrosshead)
        let body = try XCTUnwrap(state.body)
        XCTAssertEqual(body.lines[state.bodyTop].spans.first?.text, "THE COST OF DELAY")
        state.send(.nextCrosshead)
        XCTAssertEqual(body.lines[state.bodyTop].spans.first?.text, "WHAT HAPPENS NEXT")
        state.send(.previousCrosshead)
        XCTAssertEqual(body.lines[state.bodyTop].spans.first?.text, "THE COST OF DELAY")
    }

    func testResizeKeepsTopParagraphInView() throws {
        var state = try ReaderFixtures.state(Size(width: 160, height: 30))
        state.send(.moveDown)
        state.send(.focusForward)
        for _ in 0..<30 { state.send(.moveDown) }
        let block = try XCTUnwrap(state.body?.block(atLine: state.bodyTop))
        state.send(.resize(Size(width: 90, height: 20)))
        let body = try XCTUnwrap(state.body)
        XCTAssertNotEqual(body.width, 76, "reflowed to the narrower pane")
        XCTAssertEqual(body.block(atLine: state.bodyTop), block)
    }

    func testQuitAndRedrawAreEffects() throws {
        var state = try ReaderFixtures.state(wide)
        XCTAssertEqual(state.send(.quit), [.saveState([.lastSelected(state.selection)]), .quit], "saves first, then quits")
        XCTAssertEqual(state.send(.redraw), [.redrawAll])
    }

    func testThemeCyclingSkipsBrokenThemeWithMessage() throws {
        var state = try ReaderFixtures.state(wide)
        state.themeNames = ["default", "dark", "broken", "light"]
        XCTAssertEqual(state.send(.cycleTheme), [.loadTheme("dark")])
        state.send(.themeApplied(name: "dark", error: nil))
        XCTAssertEqual(state.themeName, "dark")
        XCTAssertEqual(state.message, "Theme: dark")
        XCTAssertEqual(state.send(.cycleTheme), [.loadTheme("broken")])
        XCTAssertEqual(state.send(.themeApplied(name: "broken", error: "bad colour")), [.loadTheme("light")])
        state.send(.themeApplied(name: "light", error: nil))
        XCTAssertEqual(state.themeName, "light")
        XCTAssertEqual(state.message, "Theme broken skipped: bad colour · Theme: light")
    }

    func testSidebarToggleAtMediumWidthShowsQuotes() throws {
        var state = try ReaderFixtures.state(Size(width: 100, height: 30))
        XCTAssertFalse(state.layout.shows(.sidebar))
        state.send(.toggleSidebar)
        XCTAssertTrue(state.layout.shows(.sidebar))
        XCTAssertTrue(state.layout.shows(.body))
    }

    func testZoomWithTheBodyFocusedIsFullWidthReading() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        state.send(.focusForward)
        state.send(.toggleZoom)
        XCTAssertEqual(state.layout.body?.width, 120)
        XCTAssertNil(state.layout.list)
        XCTAssertNil(state.layout.sidebar)
        XCTAssertEqual(state.focus, .body)
        XCTAssertTrue(state.readingMode)
    }

    func testZoomedListIsFullWidthAndReadsNoBodiesWhileMoving() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        state.send(.toggleZoom)
        XCTAssertEqual(state.layout.list?.width, 120)
        XCTAssertNil(state.layout.body)
        XCTAssertFalse(state.readingMode)
        XCTAssertEqual(state.send(.moveDown), [], "no body on screen: nothing parsed, nothing prefetched")
        XCTAssertNil(state.article)
        XCTAssertEqual(state.selectedRow, 1)
        // Enter reads the article full width; Left comes back to the full-width list.
        state.send(.focusForward)
        XCTAssertTrue(state.readingMode)
        XCTAssertEqual(state.article?.id, state.library.name(of: state.rows[1]))
        XCTAssertEqual(state.layout.body?.width, 120)
        state.send(.focusBack)
        XCTAssertEqual(state.layout.list?.width, 120)
        XCTAssertEqual(state.focus, .list)
        state.send(.toggleZoom)
        XCTAssertTrue(state.layout.shows(.body), "z again: back to the panes")
        XCTAssertEqual(state.article?.id, state.library.name(of: state.rows[1]))
    }

    func testListScrollSurvivesReadingFullWidth() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        state.send(.moveDown)
        XCTAssertEqual(state.listTop, 0)
        state.send(.focusForward)
        state.send(.toggleZoom)
        XCTAssertNil(state.layout.list)
        state.send(.toggleZoom)
        XCTAssertEqual(state.listTop, 0, "the list did not scroll while it was hidden")
    }

    func testBodyScrollSurvivesALeaveToTheListAlone() throws {
        var state = try ReaderFixtures.state(Size(width: 60, height: 20))
        state.send(.focusForward)
        state.send(.pageDown)
        let top = state.bodyTop
        XCTAssertGreaterThan(top, 0)
        state.send(.focusBack)
        XCTAssertFalse(state.layout.shows(.body))
        state.send(.focusForward)
        XCTAssertEqual(state.bodyTop, top)
    }

    func testQuoteJumpFromTheListAloneOpensTheBody() throws {
        var state = try ReaderFixtures.state(Size(width: 60, height: 20))
        XCTAssertFalse(state.layout.shows(.body))
        state.send(.nextQuote)
        XCTAssertEqual(state.focus, .body)
        XCTAssertNotNil(state.chosenQuote)
        XCTAssertTrue(state.article!.quotes[state.sidebarEntries[state.chosenQuote!]].pull)
    }

    func testMovingTheSelectionPrefetchesItsNeighboursInTheDirectionOfTravel() throws {
        var state = try ReaderFixtures.state(wide)
        let ids = state.rows.ids
        XCTAssertEqual(state.send(.moveDown), [.loadArticle(ids[1]), .prefetch([ids[2], ids[0]])],
                       "the article to show, then the next and the previous (rows past the ends are left out)")
        XCTAssertEqual(state.send(.moveUp), [.prefetch([ids[1]])])
        XCTAssertEqual(state.send(.moveUp), [], "no move, nothing to prefetch")
    }

    func testALineMoveParsesAheadTheNeighboursAndAPageMoveAPageEitherWay() throws {
        var files: [String: String] = [:]
        for k in 0..<120 { files[String(format: "%03d.txt", k)] = "Headline \(k)\nA short story.\nNothing happened.\n" }
        var state = ReaderState(library: try Library(folder: try Fixtures.folder(files).path), size: wide)
        state.send(.start)
        func prefetched(_ effects: [Effect]) -> [ArticleID] {
            effects.flatMap { effect -> [ArticleID] in if case .prefetch(let ids) = effect { return ids } else { return [] } }
        }
        for _ in 0..<5 { state.send(.moveDown) }
        let ids = state.rows.ids
        XCTAssertEqual(prefetched(state.send(.moveDown)), [ids[7], ids[5], ids[8]],
                       "a line move: the neighbours only (one of them new), no list page either way")
        let before = state.selectedRow
        let effects = state.send(.pageDown)
        let page = state.selectedRow - before
        XCTAssertGreaterThan(page, 2)
        XCTAssertEqual(prefetched(effects), [ids[before + page + 1], ids[before + page - 1], ids[before + page + 2],
                                             ids[before + 2 * page], ids[before]],
                       "a page move: the neighbours, then a list page either way, so the next PgDn finds its article")
    }

    func testReopenedOverlayStartsAtTheTop() throws {
        var state = try ReaderFixtures.state(Size(width: 80, height: 12))
        state.send(.toggleHelp)
        for _ in 0..<5 { state.send(.moveDown) }
        XCTAssertEqual(state.overlayTop, 5)
        state.send(.closeOverlay)
        state.send(.toggleHelp)
        XCTAssertEqual(state.overlayTop, 0)
    }

    /// Found by the random walk: focus on the quotes at one width, hidden by `s` at another.
    func testFocusLeavesAPaneThatAResizeHides() throws {
        var state = try ReaderFixtures.state(Size(width: 1, height: 1))
        state.send([.toggleSidebar, .cycleFocus, .cycleFocus])
        XCTAssertEqual(state.focus, .sidebar)
        state.send(.resize(Size(width: 120, height: 6)))
        XCTAssertFalse(state.layout.shows(.sidebar), "s hides the quotes at 120 columns")
        XCTAssertEqual(state.focus, .body)
    }
}
