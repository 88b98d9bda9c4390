import BylineCanvas
import BylineReader
import BylineTestSupport
import XCTest

/// The run loop over the in-memory terminal: keys in, frames out, effects carried out.
final class RunLoopTests: XCTestCase {
    func testKeysDriveFramesUntilQuit() throws {
        let terminal = TestTerminal(size: Size(width: 120, height: 30), events: [
            .key(.down), .key(.char("]")), .key(.char("?")), .key(.escape), .key(.char("q")), .key(.down),
        ])
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        let reason = RunLoop(terminal: terminal).run(&state)
        XCTAssertEqual(reason, .quit)
        XCTAssertEqual(terminal.frames.count, 5, "the first frame and one per key before q")
        XCTAssertEqual(state.selected, 1)
        XCTAssertTrue(terminal.frames[3].text.contains("Next pull quote"), "the help overlay")
        XCTAssertFalse(terminal.screenText.contains("Next pull quote"))
    }

    func testResizeEventReflowsAndCtrlLInvalidates() throws {
        let terminal = TestTerminal(size: Size(width: 120, height: 30), events: [
            .resize(Size(width: 60, height: 12)), .key(.ctrl("l")), .signal(15),
        ])
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        XCTAssertEqual(RunLoop(terminal: terminal).run(&state), .signal(15))
        XCTAssertEqual(terminal.frames.last?.size, Size(width: 60, height: 12))
        XCTAssertEqual(terminal.invalidations, 1)
    }

    func testThemeEffectIsCarriedOutAndReported() throws {
        let terminal = TestTerminal(size: Size(width: 120, height: 30), events: [.key(.char("t"))])
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        state.themeNames = ["default", "dark"]
        var loaded: [String] = []
        let reason = RunLoop(terminal: terminal) { name in
            loaded.append(name)
            return nil
        }.run(&state)
        XCTAssertEqual(reason, .inputClosed)
        XCTAssertEqual(loaded, ["dark"])
        XCTAssertTrue(terminal.screenText.contains("Theme: dark"))
    }

    func testPrefetchWarmsTheNextArticle() throws {
        let library = try ReaderFixtures.library()
        let terminal = TestTerminal(size: Size(width: 120, height: 30), events: [.key(.down)])
        var state = ReaderState(library: library, size: Size(width: 120, height: 30))
        let prefetcher = Prefetcher(library: library)
        _ = RunLoop(terminal: terminal, prefetcher: prefetcher).run(&state)
        // The worker parses in the background: wait (bounded) until the neighbour is cached.
        let deadline = Date().addingTimeInterval(5)
        while library.cachedArticleCount < 3 && Date() < deadline { usleep(10_000) }
        XCTAssertEqual(library.cachedArticleCount, 3, "selected, previous and next are parsed")
        withExtendedLifetime(prefetcher) {}
    }

    func testDeferredBodyDrawsTheListFirstThenTheArticle() throws {
        let library = try ReaderFixtures.library()
        let terminal = TestTerminal(size: Size(width: 120, height: 30), events: [])
        var state = ReaderState(library: library, size: Size(width: 120, height: 30), deferBody: true)
        XCTAssertEqual(library.cachedArticleCount, 0, "nothing parsed before the first frame")
        _ = RunLoop(terminal: terminal).run(&state)
        XCTAssertEqual(terminal.frames.count, 2)
        XCTAssertTrue(terminal.frames[0].text.contains("Loading…"))
        XCTAssertTrue(terminal.frames[0].text.contains("Harbour bridge opens"), "the list is there at once")
        XCTAssertTrue(terminal.frames[1].text.contains("492 words"), "then the article")
    }
}
