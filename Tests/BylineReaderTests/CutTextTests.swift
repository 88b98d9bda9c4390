import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// Issue 12 #10: text that does not fit is cut with `…`, a scrolling overlay says there is
/// more, and errors stay reachable after the status line moves on.
final class CutTextTests: XCTestCase {
    private func rows(_ canvas: Canvas) -> [String] { canvas.text.components(separatedBy: "\n") }

    func testTheHelpCutsLinesWithAnEllipsisAndSaysThereIsMore() throws {
        var state = try ReaderFixtures.state(Size(width: 40, height: 12))
        state.send(.toggleHelp)
        let screen = rows(Screen().render(state))
        XCTAssertTrue(screen.contains { $0.contains("…│") }, "a cut line ends in …:\n\(screen.joined(separator: "\n"))")
        XCTAssertFalse(screen.contains { $0.contains("scroll d│") }, "no line is cut mid-word without a sign")
        XCTAssertTrue(screen.contains { $0.contains("more below") }, "the help goes on below")
    }

    func testTheHelpSaysWhereMoreIsAsItScrolls() throws {
        var state = try ReaderFixtures.state(Size(width: 80, height: 24))
        state.send(.toggleHelp)
        var screen = Screen().render(state).text
        XCTAssertTrue(screen.contains("more below"))
        XCTAssertFalse(screen.contains("more above"))
        state.send(.bottom)
        screen = Screen().render(state).text
        XCTAssertTrue(screen.contains("more above"))
        XCTAssertFalse(screen.contains("more below"))
        XCTAssertTrue(screen.contains("Quit from anywhere"), "the last line is reachable")
        // Back up at once from the end: the scroll stops at the last page.
        state.send(.moveUp)
        XCTAssertTrue(Screen().render(state).text.contains("more below"))
    }

    func testTheStatusLineCutsWithAnEllipsisAtAnyWidth() throws {
        let dir = try Fixtures.folder(Dictionary(uniqueKeysWithValues: (10..<22).map { ("\($0).txt", "Headline \($0)\nStandfirst.\nBody.\n") }))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("x.txt"), withIntermediateDirectories: true)
        for width in 20...30 {
            var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: width, height: 8))
            state.send(.start)
            let status = try XCTUnwrap(rows(Screen().render(state)).last)
            XCTAssertTrue(status.contains("unreadable (!)") || status.hasSuffix("…"), "cut without a sign at \(width): \(status)")
        }
    }

    func testABrokenThemeSaysSoOnceAndStaysInTheProblemsList() throws {
        var state = try ReaderFixtures.state(Size(width: 80, height: 24))
        state.themeNames = ["default", "dusk"]
        let error = "byline: /home/you/.config/byline/themes/dusk.toml:7: unknown colour \"blurple\" for headline.fg (use default, an ANSI name, colorN or #rrggbb)"
        state.send(.themeApplied(name: "dusk", error: error))
        let message = try XCTUnwrap(state.message)
        XCTAssertFalse(message.contains("byline: "), "no program name inside a sentence: \(message)")
        let status = try XCTUnwrap(rows(Screen().render(state)).last)
        XCTAssertTrue(status.contains("dusk"))
        XCTAssertTrue(status.contains("…") || status.contains("blurple") || status.contains("!"), status)
        state.send(.moveDown)
        XCTAssertNil(state.message, "the status line moves on")
        state.send(.toggleProblems)
        let listed = Screen().render(state).text
        XCTAssertTrue(listed.contains("dusk.toml:7"), "the error is kept for the ! list:\n\(listed)")
    }
}
