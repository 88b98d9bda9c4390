import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// The quotes pane and jumps (issue 12 #1, #3, #11, #12), on the bundled samples: the second
/// sample has three pull quotes and twelve other quotes.
final class QuotePaneTests: XCTestCase {
    private func harbour(_ size: Size = Size(width: 120, height: 40)) throws -> ReaderState {
        var state = ReaderState(library: try Library(folder: Fixtures.samples.path), size: size)
        state.send([.start, .moveDown])
        XCTAssertEqual(state.article?.id, "001_harbour-bridge")
        return state
    }

    private func roles(_ canvas: Canvas, in rect: Rect) -> Set<Role> {
        var out: Set<Role> = []
        for y in rect.y..<rect.maxY { for x in rect.x..<rect.maxX { out.insert(canvas[x: x, y: y].role) } }
        return out
    }

    /// The quote the body shows on its top row (or the block there).
    private func topBlock(_ state: ReaderState) -> Int? { state.body?.block(atLine: state.bodyTop) }

    // MARK: - #1 The zoomed quotes pane works like the others

    func testZoomedQuotesPaneMovesMarksAndOpensAtTheQuote() throws {
        var state = try harbour()
        state.send([.cycleFocus, .cycleFocus])
        XCTAssertEqual(state.focus, .sidebar)
        state.send([.moveDown, .toggleZoom])
        XCTAssertEqual(state.layout.sidebar?.width, 120, "the quotes alone, full width")
        XCTAssertNotNil(state.currentSidebarEntry, "the chosen quote stays marked")
        XCTAssertTrue(Screen().render(state).text.contains("▶"))
        let before = state.chosenQuote
        state.send(.moveDown)
        XCTAssertEqual(state.chosenQuote, (before ?? 0) + 1, "j moves")
        state.send(.bottom)
        XCTAssertEqual(state.chosenQuote, state.sidebarEntries.count - 1, "G reaches the last quote")
        let screen = Screen().render(state)
        XCTAssertTrue(screen.text.contains("▶"))
        XCTAssertTrue(screen.text.contains("Jane Doe"), "the last quote's speaker is on screen")
        // Enter reads full width at the chosen quote (the second pull quote, mid-article).
        state.send([.top, .moveDown])
        XCTAssertEqual(state.chosenQuote, 1)
        let quote = try XCTUnwrap(state.article).quotes[state.sidebarEntries[state.chosenQuote!]]
        state.send(.focusForward)
        XCTAssertTrue(state.readingMode)
        XCTAssertEqual(topBlock(state), quote.block, "reading mode opens at the chosen quote")
        XCTAssertGreaterThan(state.bodyPercent, 0)
    }

    func testTabFromReadingModeGivesAWorkingZoomedQuotesPane() throws {
        var state = try harbour()
        state.send([.focusForward, .toggleZoom, .cycleFocus])
        XCTAssertEqual(state.focus, .sidebar)
        XCTAssertEqual(state.layout.sidebar?.width, 120)
        state.send(.moveDown)
        XCTAssertEqual(state.chosenQuote, 0)
        XCTAssertTrue(Screen().render(state).text.contains("▶"))
        state.send(.pageDown)
        XCTAssertEqual(state.chosenQuote, 3, "Space pages through the quotes")
    }

    // MARK: - #3 Focus on the quotes pane shows; the first j selects the first quote

    func testQuotesFocusIsVisibleAndFirstMoveSelectsTheFirstQuote() throws {
        var state = try harbour()
        state.send(.focusForward)
        XCTAssertNil(state.currentSidebarEntry, "precondition: no quote in view at the top of the article")
        let bodyFocused = Screen().render(state)
        state.send(.cycleFocus)
        XCTAssertEqual(state.focus, .sidebar)
        let quotesFocused = Screen().render(state)
        let sidebar = try XCTUnwrap(state.layout.sidebar)
        XCTAssertNotEqual(RoleCodes.lines(bodyFocused), RoleCodes.lines(quotesFocused), "focus on the quotes shows (in roles, so under NO_COLOR too)")
        XCTAssertTrue(roles(quotesFocused, in: sidebar).contains(.sidebarCurrent))
        state.send(.moveDown)
        XCTAssertEqual(state.chosenQuote, 0, "the first j selects the first quote")
    }

    // MARK: - #11 Enter on a sidebar quote reads it

    func testEnterOnASidebarQuoteFocusesTheBodyThere() throws {
        var state = try harbour()
        state.send([.cycleFocus, .cycleFocus, .moveDown, .moveDown])
        let entry = try XCTUnwrap(state.chosenQuote)
        let quote = try XCTUnwrap(state.article).quotes[state.sidebarEntries[entry]]
        state.send(.focusForward)
        XCTAssertEqual(state.focus, .body)
        XCTAssertEqual(topBlock(state), quote.block)
    }

    // MARK: - #12 Where did ] land?

    func testPullQuoteAndCrossheadJumpsLandOnTheTopRowHighlightedAndNamed() throws {
        var state = try harbour()
        state.send(.nextQuote)
        let article = try XCTUnwrap(state.article)
        let pull = article.quotes[state.sidebarEntries[try XCTUnwrap(state.chosenQuote)]]
        XCTAssertEqual(state.body?.lines[state.bodyTop].block, pull.block, "the pull quote is on the top row")
        XCTAssertEqual(state.message, "quote 1/3 · Ailsa Morrow")
        let body = try XCTUnwrap(state.layout.body)
        XCTAssertTrue(roles(Screen().render(state), in: body).contains(.searchMatch), "the quote is highlighted")
        state.send(.nextCrosshead)
        XCTAssertEqual(state.body?.lines[state.bodyTop].spans.first?.text, "'A BRIDGE WITH A MEMORY'", "} puts the crosshead on the top row too")
        XCTAssertTrue(roles(Screen().render(state), in: body).contains(.searchMatch))
        state.send(.moveDown)
        XCTAssertFalse(roles(Screen().render(state), in: body).contains(.searchMatch), "until the next key")
    }

    func testJumpHighlightShowsInReadingMode() throws {
        var state = try harbour()
        state.send([.focusForward, .toggleZoom, .nextQuote])
        XCTAssertTrue(state.readingMode)
        let canvas = Screen().render(state)
        XCTAssertTrue(roles(canvas, in: try XCTUnwrap(state.layout.body)).contains(.searchMatch))
        XCTAssertTrue(canvas.text.contains("quote 1/3 · Ailsa Morrow"))
    }

    // MARK: - Found by the soak (issue 16)

    /// `]` waiting for the next article to be parsed, and the terminal shrinking to nothing
    /// before it comes: the jump selects the article and stops there (it crashed on a missing
    /// quote: with no body on screen, the article is not shown and has no quote entries).
    func testAJumpWaitingForAnArticleWhileTheTerminalShrankSelectsItWithoutLanding() throws {
        let library = try Library(folder: Fixtures.samples.path)
        var state = ReaderState(library: library, size: Size(width: 120, height: 40))
        state.send(.start, readingAhead: false)
        state.send(.nextQuote, readingAhead: false)  // the first article's only pull quote
        let effects = update(&state, .nextQuote)
        let waitingFor = effects.compactMap { effect -> ArticleID? in
            if case .loadArticle(let id) = effect, id != state.selection { return id }
            return nil
        }.first
        let id = try XCTUnwrap(waitingFor, "] waits for the next article to be parsed")
        _ = update(&state, .resize(Size(width: 1, height: 1)))
        XCTAssertFalse(state.showsArticle)
        _ = update(&state, .articleLoaded(id, library.article(id)))
        XCTAssertEqual(state.selection, id, "the jump went on to the article with pull quotes")
        XCTAssertNil(state.chosenQuote)
        _ = update(&state, .resize(Size(width: 120, height: 40)))
        XCTAssertEqual(state.article?.id, library.article(id).id)
    }
}
