import BylineCanvas
import BylineReader
import BylineTestSupport
import XCTest

final class KeyMapTests: XCTestCase {
    let map = KeyMap.standard

    func testArrowsAndVimKeysMove() {
        XCTAssertEqual(map.action(for: .down, mode: .normal), .moveDown)
        XCTAssertEqual(map.action(for: .char("j"), mode: .normal), .moveDown)
        XCTAssertEqual(map.action(for: .char("k"), mode: .normal), .moveUp)
        XCTAssertEqual(map.action(for: .char(" "), mode: .normal), .readOn)
        XCTAssertEqual(map.action(for: .char("G"), mode: .normal), .bottom)
        XCTAssertEqual(map.action(for: .char("]"), mode: .normal), .nextQuote)
        XCTAssertEqual(map.action(for: .ctrl("l"), mode: .normal), .redraw)
        XCTAssertEqual(map.action(for: .char(":"), mode: .normal), .openPrompt(.goToArticle))
    }

    func testNoKeyIsBoundTwiceInOneMode() {
        for mode in InputMode.allCases {
            let keys = map.bindings.filter { $0.modes.contains(mode) }.flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "duplicate key in \(mode)")
        }
    }

    func testOverlayScrollsAndClosesAndSwallowsOtherKeys() {
        XCTAssertEqual(map.action(for: .escape, mode: .overlay), .closeOverlay)
        XCTAssertEqual(map.action(for: .char("q"), mode: .overlay), .closeOverlay)
        XCTAssertEqual(map.action(for: .char("j"), mode: .overlay), .moveDown)
        XCTAssertNil(map.action(for: .char("]"), mode: .overlay))
        XCTAssertNil(map.action(for: .char("x"), mode: .overlay))
    }

    func testPromptTypesPrintableKeysAndEdits() {
        XCTAssertEqual(map.action(for: .char("q"), mode: .prompt), .editPrompt(.insert("q")), "q types, it does not quit")
        XCTAssertEqual(map.action(for: .char("é"), mode: .prompt), .editPrompt(.insert("é")))
        XCTAssertEqual(map.action(for: .char(" "), mode: .prompt), .editPrompt(.insert(" ")))
        XCTAssertEqual(map.action(for: .enter, mode: .prompt), .submitPrompt)
        XCTAssertEqual(map.action(for: .escape, mode: .prompt), .cancelPrompt)
        XCTAssertEqual(map.action(for: .ctrl("u"), mode: .prompt), .editPrompt(.deleteToStart))
        XCTAssertEqual(map.action(for: .ctrl("w"), mode: .prompt), .editPrompt(.deleteWordBack))
        XCTAssertEqual(map.action(for: .up, mode: .prompt), .editPrompt(.historyBack))
        XCTAssertEqual(map.action(for: .left, mode: .prompt), .editPrompt(.left))
        XCTAssertEqual(map.action(for: .ctrl("l"), mode: .prompt), .redraw)
        XCTAssertNil(map.action(for: .tab, mode: .prompt))
    }

    func testHelpOverlayListsEveryNormalBinding() throws {
        let state = try ReaderFixtures.state(Size(width: 120, height: 40))
        let lines = OverlayPane(keyMap: map).lines(state).lines.map(\.0)
        for binding in map.bindings where binding.modes.contains(.normal) {
            XCTAssertTrue(lines.contains { $0.contains(binding.help) && $0.contains(binding.keyLabel) }, "help lacks \(binding.help)")
        }
    }
}
