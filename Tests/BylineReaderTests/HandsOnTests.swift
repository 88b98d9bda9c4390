import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// Copying, piping, the mouse and keys from the config file, through `update`.
final class HandsOnTests: XCTestCase {
    private let size = Size(width: 120, height: 30)

    func testYCopiesTheMarkedQuoteAndYTheArticleAsPlainText() throws {
        var state = try ReaderFixtures.state(size)
        state.send([.moveDown, .nextQuote])
        let effects = state.send(.copyQuote)
        guard case .copy(let text, let what)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(text, "“Every winter without it cost the town its ferry and its patience” — Maria Núñez, “Harbour bridge opens after a decade of delay”")
        XCTAssertTrue(what.hasPrefix("the quote by Maria Núñez"))
        guard case .copy(let article, _)? = state.send(.copyArticle).first else { return XCTFail() }
        XCTAssertTrue(article.hasPrefix("Harbour bridge opens after a decade of delay\n\nEngineers and residents"))
        XCTAssertTrue(article.contains("\n\n> Tolls will end in spring once the loan is paid\n> — Zoë Müller, harbour master\n\n"))
        state.clipboard = false
        XCTAssertEqual(state.send(.copyQuote), [])
        XCTAssertTrue(state.message?.hasPrefix("Copying is off") == true)
    }

    func testALongArticleIsCutAtTheCopyLimitWithANote() {
        let long = String(repeating: "é", count: PlainText.copyLimit)
        let (text, cut) = PlainText.capped(long)
        XCTAssertTrue(cut)
        XCTAssertLessThanOrEqual(text.utf8.count, PlainText.copyLimit)
        XCTAssertEqual(text.utf8.count % 2, 0, "cut between characters")
        XCTAssertFalse(PlainText.capped("short").cut)
    }

    func testTheLoopHandsCopiesAndCommandsToTheTerminalAndSaysHowItWent() throws {
        let library = try ReaderFixtures.library()
        let terminal = TestTerminal(size: size, events: [.key(.down), .key(.char("]")), .key(.char("y")), .key(.char("|"))]
                                    + "wc -w".map { .key(.char($0)) } + [.key(.enter)])
        var state = ReaderState(library: library, size: size)
        terminal.commandStatus = 3
        _ = ReaderLoop(terminal: terminal, library: library, backgroundMode: .inline).run(&state)
        XCTAssertEqual(terminal.copied.count, 1)
        XCTAssertEqual(terminal.commands.first?.command, "wc -w")
        XCTAssertTrue(terminal.commands.first?.input.hasPrefix("Harbour bridge opens") == true, "the article is the input")
        XCTAssertTrue(terminal.screenText.contains("| wc -w: exit status 3"))
        XCTAssertTrue(terminal.frames.contains { $0.text.contains("Copied the quote by Maria Núñez") })
    }

    func testTheMouseSelectsOpensScrollsAndJumpsToQuotes() throws {
        var state = try ReaderFixtures.state(size)
        let list = try XCTUnwrap(state.layout.list)
        state.send(.mouse(MouseEvent(.press, at: Point(x: list.x + 3, y: 2))))
        XCTAssertEqual(state.selectedRow, 2)
        XCTAssertEqual(state.focus, .list)
        state.send(.mouse(MouseEvent(.press, at: Point(x: list.x + 3, y: 2))))
        XCTAssertEqual(state.focus, .body, "a second click on the selected row opens it")
        state.send(.mouse(MouseEvent(.press, at: Point(x: list.x + 3, y: 1))))
        let body = try XCTUnwrap(state.layout.body)
        state.send(.mouse(MouseEvent(.wheelDown, at: Point(x: body.x + 5, y: 5))))
        XCTAssertEqual(state.bodyTop, 3, "three lines a notch")
        state.send(.mouse(MouseEvent(.wheelUp, at: Point(x: body.x + 5, y: 5))))
        XCTAssertEqual(state.bodyTop, 0)
        state.send(.mouse(MouseEvent(.wheelDown, at: Point(x: list.x + 3, y: 5))))
        XCTAssertEqual(state.selectedRow, 2, "the wheel over the list moves the selection")
        state.send(.mouse(MouseEvent(.press, at: Point(x: list.x + 3, y: 1))))
        let sidebar = try XCTUnwrap(state.layout.sidebar)
        let second = try XCTUnwrap(state.sidebar).starts[1] + 2
        state.send(.mouse(MouseEvent(.press, at: Point(x: sidebar.x + 4, y: second))))
        XCTAssertEqual(state.focus, .sidebar)
        XCTAssertEqual(state.chosenQuote, 1)
        XCTAssertEqual(state.currentSidebarEntry, 1, "the body scrolled to the quote")
        state.send(.mouse(MouseEvent(.press, at: Point(x: 0, y: size.height - 1))))
        XCTAssertEqual(state.focus, .sidebar, "the status line is no pane")
    }

    func testKeysFromAConfigFileRebindAndUnbind() throws {
        let map = try KeyMap.standard.applying([("ctrl-d", "page-down"), ("j", "none"), ("x", "Quit"), ("space", "move-down")])
        XCTAssertEqual(map.action(for: .ctrl("d"), mode: .normal), .pageDown)
        XCTAssertNil(map.action(for: .char("j"), mode: .normal))
        XCTAssertEqual(map.action(for: .down, mode: .normal), .moveDown, "the other keys of the action stay")
        XCTAssertEqual(map.action(for: .char("x"), mode: .normal), .quit)
        XCTAssertEqual(map.action(for: .char(" "), mode: .normal), .moveDown, "a key taken from another action")
        XCTAssertEqual(map.action(for: .char("q"), mode: .overlay), .closeOverlay, "other modes keep their keys")
        XCTAssertThrowsError(try KeyMap.standard.applying([("ctrl-dd", "quit")]))
        XCTAssertThrowsError(try KeyMap.standard.applying([("x", "launch")]))
        for binding in KeyMap.standard.bindings where binding.modes.contains(.normal) {
            XCTAssertNotNil(binding.action.bindingName, "\(binding.help) has a name for [keys]")
            for key in binding.keys { XCTAssertEqual(Key(configName: key.configName), key, "\(key) round-trips") }
        }
        XCTAssertEqual(Key(configName: "PgDn"), .pageDown)
        XCTAssertEqual(Key(configName: "F5"), .function(5))
        XCTAssertNil(Key(configName: "hyper-x"))
    }
}
