import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// The run loop over the in-memory terminal: keys in, frames out, effects carried out.
final class ReaderLoopTests: XCTestCase {
    private let size = Size(width: 120, height: 30)

    private func loop(_ terminal: TestTerminal, _ library: Library, mode: Background.Mode = .inline,
                      loadTheme: @escaping (String) -> String? = { _ in nil }) -> ReaderLoop<TestTerminal> {
        ReaderLoop(terminal: terminal, library: library, backgroundMode: mode, loadWait: 5, loadTheme: loadTheme)
    }

    func testKeysDriveFramesUntilQuit() throws {
        let library = try ReaderFixtures.library()
        let terminal = TestTerminal(size: size, events: [
            .key(.down), .key(.char("]")), .key(.char("?")), .key(.escape), .key(.char("q")), .key(.down),
        ])
        var state = ReaderState(library: library, size: size)
        let reason = loop(terminal, library).run(&state)
        XCTAssertEqual(reason, .quit)
        XCTAssertEqual(terminal.frames.count, 5, "the first frame and one per key before q")
        XCTAssertEqual(state.selectedRow, 1)
        XCTAssertTrue(terminal.frames[3].text.contains("Next pull quote"), "the help overlay")
        XCTAssertFalse(terminal.screenText.contains("Next pull quote"))
    }

    func testTheIdleWorkRunsBeforeWaitsAtMostOncePerInterval() throws {
        let library = try ReaderFixtures.library()
        let keys: [TerminalEvent] = [.key(.down), .key(.down), .key(.up), .key(.char("q"))]
        var calls = 0
        var state = ReaderState(library: library, size: size)
        let eager = loop(TestTerminal(size: size, events: keys), library)
        eager.idleInterval = 0
        eager.whenIdle = { calls += 1 }
        XCTAssertEqual(eager.run(&state), .quit)
        XCTAssertGreaterThanOrEqual(calls, keys.count, "before each wait for a key")
        calls = 0
        state = ReaderState(library: library, size: size)
        let hourly = loop(TestTerminal(size: size, events: keys), library)
        hourly.idleInterval = 3600
        hourly.whenIdle = { calls += 1 }
        XCTAssertEqual(hourly.run(&state), .quit)
        XCTAssertEqual(calls, 0, "not before the interval has passed since the loop started")
    }

    func testResizeEventReflowsAndCtrlLInvalidates() throws {
        let library = try ReaderFixtures.library()
        let terminal = TestTerminal(size: size, events: [
            .resize(Size(width: 60, height: 12)), .key(.ctrl("l")), .signal(15),
        ])
        var state = ReaderState(library: library, size: size)
        XCTAssertEqual(loop(terminal, library).run(&state), .signal(15))
        XCTAssertEqual(terminal.frames.last?.size, Size(width: 60, height: 12))
        XCTAssertEqual(terminal.invalidations, 1)
    }

    func testThemeEffectIsCarriedOutAndReported() throws {
        let library = try ReaderFixtures.library()
        let terminal = TestTerminal(size: size, events: [.key(.char("t"))])
        var state = ReaderState(library: library, size: size)
        state.themeNames = ["default", "dark"]
        var loaded: [String] = []
        let reason = loop(terminal, library) { name in
            loaded.append(name)
            return nil
        }.run(&state)
        XCTAssertEqual(reason, .inputClosed)
        XCTAssertEqual(loaded, ["dark"])
        XCTAssertTrue(terminal.screenText.contains("Theme: dark"))
    }

    func testWorkersParseTheShownArticleAndItsNeighboursOffTheReadersThread() throws {
        let library = try ReaderFixtures.library()
        let terminal = TestTerminal(size: size, events: [.key(.down)])
        var state = ReaderState(library: library, size: size)
        let runner = loop(terminal, library, mode: .threads)
        _ = runner.run(&state)
        XCTAssertTrue(terminal.screenText.contains("Engineers and residents gathered"), "the moved-to article is on screen:\n\(terminal.screenText)")
        XCTAssertFalse(terminal.frames.contains { $0.text.contains("Loading") }, "a quick parse is waited for, never flashed as Loading")
        // The neighbours are parsed in the background: wait (bounded) until they are cached.
        let deadline = Date().addingTimeInterval(5)
        while library.cachedArticleCount < 3 && Date() < deadline { usleep(10_000) }
        XCTAssertEqual(library.cachedArticleCount, 3, "selected, previous and next are parsed")
        withExtendedLifetime(runner) {}
    }

    func testDeferredBodyDrawsTheListFirstThenTheArticle() throws {
        let library = try ReaderFixtures.library()
        let terminal = TestTerminal(size: size, events: [])
        var state = ReaderState(library: library, size: size, deferBody: true)
        XCTAssertEqual(library.cachedArticleCount, 0, "nothing parsed before the first frame")
        _ = loop(terminal, library).run(&state)
        XCTAssertEqual(terminal.frames.count, 2)
        XCTAssertTrue(terminal.frames[0].text.contains("Loading…"))
        XCTAssertTrue(terminal.frames[0].text.contains("Harbour bridge opens"), "the list is there at once")
        XCTAssertTrue(terminal.frames[1].text.contains("492 words"), "then the article")
    }

    func testPostedActionsWakeTheLoopAndWorkInNothingVisibleDrawsNoFrame() throws {
        let library = try ReaderFixtures.library()
        let inbox = Inbox()
        let terminal = TestTerminal(size: size, events: [])
        var state = ReaderState(library: library, size: size)
        inbox.post(.notice("hello from a worker"))
        let hidden = library.id(at: 2)
        inbox.post(.articleLoaded(hidden, library.article(hidden)))
        _ = ReaderLoop(terminal: terminal, library: library, inbox: inbox, backgroundMode: .inline).run(&state)
        XCTAssertTrue(terminal.screenText.contains("hello from a worker"))
        let frames = terminal.frames.count
        XCTAssertEqual(frames, 1, "the notice and the first frame are one frame; the hidden article adds none")
    }
}
