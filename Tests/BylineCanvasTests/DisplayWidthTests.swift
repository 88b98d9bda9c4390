import BylineCanvas
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneCellEach() {
        XCTAssertEqual(DisplayWidth.of("Baghouz"), 7)
    }

    func testCJKIsTwoCells() {
        XCTAssertEqual(DisplayWidth.of("東京"), 4)
        XCTAssertEqual(DisplayWidth.of("서울"), 4)
        XCTAssertEqual(DisplayWidth.of("ｱ"), 1, "halfwidth katakana is narrow")
        XCTAssertEqual(DisplayWidth.of("Ａ"), 2, "fullwidth Latin is wide")
    }

    func testCombiningMarksAreZero() {
        XCTAssertEqual(DisplayWidth.of("Ame\u{301}lie"), 6)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x301)!), 0)
    }

    func testEmojiAreTwoCellsAndSequencesKeepOneGlyph() {
        XCTAssertEqual(DisplayWidth.of("🚀"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2, "skin tone dropped")
        XCTAssertEqual(DisplayWidth.of("👩\u{200D}💻"), 2, "ZWJ sequence keeps its first emoji")
        XCTAssertEqual(DisplayWidth.of("🇬🇧"), 2, "flag as two regional indicators")
        XCTAssertEqual(DisplayWidth.of("☕"), 2)
        XCTAssertEqual(DisplayWidth.of("⚓"), 2)
    }

    func testControlsBecomeReplacementGlyph() {
        XCTAssertEqual(TerminalGlyph.cells(of: "\u{1B}"), [TerminalGlyph.replacement])
        XCTAssertEqual(TerminalGlyph.cells(of: "\u{9B}"), [TerminalGlyph.replacement])
        XCTAssertEqual(TerminalGlyph.cells(of: "\u{202E}"), [TerminalGlyph.replacement])
        XCTAssertEqual(TerminalGlyph.cells(of: "\u{200B}"), [], "zero-width space takes no cell")
    }
}
