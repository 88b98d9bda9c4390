import BylineCanvas
import BylineReader
import BylineTestSupport
import XCTest

final class KeyMapTests: XCTestCase {
    let map = KeyMap.standard

    func testArrowsAndVimKeysMove() {
        XCTAssertEqual(map.action(for: .down, overlayOpen: false), .moveDown)
        XCTAssertEqual(map.action(for: .char("j"), overlayOpen: false), .moveDown)
        XCTAssertEqual(map.action(for: .char("k"), overlayOpen: false), .moveUp)
        XCTAssertEqual(map.action(for: .char(" "), overlayOpen: false), .pageDown)
        XCTAssertEqual(map.action(for: .char("G"), overlayOpen: false), .bottom)
        XCTAssertEqual(map.action(for: .char("]"), overlayOpen: false), .nextQuote)
        XCTAssertEqual(map.action(for: .ctrl("l"), overlayOpen: false), .redraw)
    }

    func testNoKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            let keys = map.bindings.filter { $0.context == context }.flatMap(\.keys)
            XCTAssertEqual(keys.count, Set(keys).count, "duplicate key in \(context)")
        }
    }

    func testOverlayClosesOnEscapeAndQ() {
        XCTAssertEqual(map.action(for: .escape, overlayOpen: true), .closeOverlay)
        XCTAssertEqual(map.action(for: .char("q"), overlayOpen: true), .closeOverlay)
        XCTAssertNil(map.action(for: .char("]"), overlayOpen: true))
    }

    func testHelpOverlayListsEveryGlobalBinding() throws {
        let state = try ReaderFixtures.state(Size(width: 120, height: 40))
        let lines = OverlayPane(keyMap: map).lines(state).lines.map(\.0)
        for binding in map.bindings where binding.context == .global {
            XCTAssertTrue(lines.contains { $0.contains(binding.help) && $0.contains(binding.keyLabel) }, "help lacks \(binding.help)")
        }
    }
}
