import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// What the list's rows show besides the headline: reading times (issue 12 #6) and more when
/// there is room.
final class ListColumnsTests: XCTestCase {
    private func row(_ canvas: Canvas, _ y: Int) -> String { canvas.text.components(separatedBy: "\n")[y] }

    // MARK: - #6 Estimates look like estimates

    func testAnEstimatedReadingTimeIsMarkedUntilTheArticleIsParsed() throws {
        var state = try ReaderFixtures.state(Size(width: 100, height: 8))
        state.send(.toggleZoom)  // the index: headlines only, nothing parsed
        let harbour = state.rows[1]
        XCTAssertNil(state.library.cachedArticle(harbour))
        guard case .estimate(let guess) = state.library.readingTime(harbour) else { return XCTFail("not an estimate") }
        XCTAssertTrue(row(Screen().render(state), 1).hasSuffix("~\(guess)m"), row(Screen().render(state), 1))
        state.send([.moveDown, .focusForward, .focusBack])
        guard case .exact(let minutes) = state.library.readingTime(harbour) else { return XCTFail("not parsed") }
        let shown = row(Screen().render(state), 1)
        XCTAssertTrue(shown.hasSuffix(" \(minutes)m"), shown)
        XCTAssertFalse(shown.contains("~"))
    }
}
