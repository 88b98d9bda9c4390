import BylineCanvas
import BylineReader
import BylineTestSupport
import XCTest

/// The one-line prompt: editing keys, history, and `:` going to an article by number.
final class PromptTests: XCTestCase {
    private func typed(_ text: String, into prompt: inout Prompt) {
        for c in text { prompt.apply(.insert(c), history: []) }
    }

    func testEditingKeysMoveTheCursorAndDeleteAsAShellLineDoes() {
        var p = Prompt(kind: .goToArticle)
        typed("hello big world", into: &p)
        p.apply(.deleteWordBack, history: [])
        XCTAssertEqual(p.string, "hello big ")
        p.apply(.left, history: [])
        p.apply(.left, history: [])
        p.apply(.backspace, history: [])
        XCTAssertEqual(p.string, "hello bg ")
        XCTAssertEqual(p.cursor, 7)
        p.apply(.home, history: [])
        p.apply(.deleteForward, history: [])
        XCTAssertEqual(p.string, "ello bg ")
        p.apply(.end, history: [])
        p.apply(.insert("!"), history: [])
        XCTAssertEqual(p.string, "ello bg !")
        p.apply(.left, history: [])
        p.apply(.deleteToStart, history: [])
        XCTAssertEqual(p.string, "!")
        XCTAssertEqual(p.cursor, 0)
        p.apply(.backspace, history: [])
        XCTAssertEqual(p.string, "!", "nothing before the cursor to delete")
    }

    func testHistoryGoesBackAndForwardAndKeepsTheDraft() {
        let history = ["12", "345"]
        var p = Prompt(kind: .goToArticle)
        typed("7", into: &p)
        p.apply(.historyBack, history: history)
        XCTAssertEqual(p.string, "345")
        p.apply(.historyBack, history: history)
        XCTAssertEqual(p.string, "12")
        p.apply(.historyBack, history: history)
        XCTAssertEqual(p.string, "12", "no further back")
        p.apply(.historyForward, history: history)
        XCTAssertEqual(p.string, "345")
        p.apply(.historyForward, history: history)
        XCTAssertEqual(p.string, "7", "past the newest: the draft again")
    }

    func testColonGoesToAnArticleByNumberAndRemembersIt() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        XCTAssertEqual(KeyMap.standard.action(for: .char(":"), mode: state.inputMode), .openPrompt(.goToArticle))
        state.send(.openPrompt(.goToArticle))
        XCTAssertEqual(state.inputMode, .prompt)
        let empty = Screen().render(state)
        XCTAssertTrue(empty.lines().last!.hasPrefix(": article number"), empty.lines().last!)
        XCTAssertEqual(empty.cursor, Point(x: 1, y: 29), "the cursor shows where typing goes")
        for key in ["3"] { state.send(KeyMap.standard.action(for: .char(Character(key)), mode: state.inputMode)!) }
        XCTAssertEqual(Screen().render(state).cursor, Point(x: 2, y: 29))
        state.send(.submitPrompt)
        XCTAssertNil(state.prompt)
        XCTAssertNil(Screen().render(state).cursor, "no cursor once the prompt is closed")
        XCTAssertEqual(state.selectedRow, 2)
        XCTAssertEqual(state.promptHistory[.goToArticle], ["3"])
        state.send([.openPrompt(.goToArticle), .editPrompt(.insert("9")), .submitPrompt])
        XCTAssertEqual(state.selectedRow, 2, "no such article: stay")
        XCTAssertEqual(state.message, "No article 9: there are 1 to 3")
        state.send([.openPrompt(.goToArticle), .editPrompt(.insert("1")), .cancelPrompt])
        XCTAssertEqual(state.selectedRow, 2, "Esc changes nothing")
    }

    func testALongEntryScrollsSoTheCursorStaysInView() throws {
        var state = try ReaderFixtures.state(Size(width: 30, height: 10))
        state.send(.openPrompt(.goToArticle))
        for c in String(repeating: "1234567890", count: 5) { state.send(.editPrompt(.insert(c))) }
        let canvas = Screen().render(state)
        let cursor = try XCTUnwrap(canvas.cursor)
        XCTAssertLessThan(cursor.x, 30)
        XCTAssertTrue(canvas.lines().last!.contains("7890"), "the end of the text is shown")
    }
}
