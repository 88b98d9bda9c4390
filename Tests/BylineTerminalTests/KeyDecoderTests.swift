import BylineReader
import CNcursesw
import XCTest
@testable import BylineTerminal

/// What `wget_wch` returns, turned into keys (no terminal needed: these are plain codes).
final class KeyDecoderTests: XCTestCase {
    func testControlCharactersAreNamedKeysOrCtrlLetters() {
        XCTAssertEqual(KeyDecoder.character(10), .enter)
        XCTAssertEqual(KeyDecoder.character(13), .enter)
        XCTAssertEqual(KeyDecoder.character(27), .escape)
        XCTAssertEqual(KeyDecoder.character(9), .tab)
        XCTAssertEqual(KeyDecoder.character(127), .backspace)
        XCTAssertEqual(KeyDecoder.character(8), .backspace)
        XCTAssertEqual(KeyDecoder.character(12), .ctrl("l"))
        XCTAssertEqual(KeyDecoder.character(21), .ctrl("u"))
        XCTAssertEqual(KeyDecoder.character(23), .ctrl("w"))
        XCTAssertNil(KeyDecoder.character(0))
        XCTAssertNil(KeyDecoder.character(28), "other C0 controls mean nothing")
        XCTAssertNil(KeyDecoder.character(0x9B), "nor do C1 controls (a raw CSI)")
    }

    func testPrintableCharactersTypeThemselves() {
        XCTAssertEqual(KeyDecoder.character(0x6A), .char("j"))
        XCTAssertEqual(KeyDecoder.character(0x20), .char(" "))
        XCTAssertEqual(KeyDecoder.character(0xE9), .char("é"))
        XCTAssertEqual(KeyDecoder.character(0x6771), .char("東"))
        XCTAssertEqual(KeyDecoder.character(0x1F600), .char("😀"))
        XCTAssertNil(KeyDecoder.character(0xD800), "a lone surrogate is no character")
        XCTAssertNil(KeyDecoder.character(0x110000), "nor is a code beyond Unicode")
    }

    func testFunctionKeys() {
        XCTAssertEqual(KeyDecoder.function(KEY_UP), .up)
        XCTAssertEqual(KeyDecoder.function(KEY_DOWN), .down)
        XCTAssertEqual(KeyDecoder.function(KEY_LEFT), .left)
        XCTAssertEqual(KeyDecoder.function(KEY_RIGHT), .right)
        XCTAssertEqual(KeyDecoder.function(KEY_NPAGE), .pageDown)
        XCTAssertEqual(KeyDecoder.function(KEY_PPAGE), .pageUp)
        XCTAssertEqual(KeyDecoder.function(KEY_HOME), .home)
        XCTAssertEqual(KeyDecoder.function(KEY_END), .end)
        XCTAssertEqual(KeyDecoder.function(KEY_ENTER), .enter)
        XCTAssertEqual(KeyDecoder.function(KEY_BTAB), .backTab)
        XCTAssertEqual(KeyDecoder.function(KEY_BACKSPACE), .backspace)
        XCTAssertEqual(KeyDecoder.function(KEY_DC), .delete)
        XCTAssertEqual(KeyDecoder.function(KEY_F0 + 5), .function(5))
        XCTAssertNil(KeyDecoder.function(KEY_F0 + 30))
        XCTAssertNil(KeyDecoder.function(KEY_MOUSE), "no mouse yet")
    }
}
