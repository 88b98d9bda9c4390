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

    /// A string's width is the sum of its graphemes' (as the `Character` form measures each),
    /// whichever form measures it: a String, a Substring, or another StringProtocol type.
    func testAStringsWidthIsItsGraphemesWidths() {
        let pieces = ["a", " ", "word", "\r\n", "\r", "\n", "\u{301}", "e\u{301}", "東京", "👩‍🚀", "👍🏽", "\u{1F1EC}\u{1F1E7}",
                      "\u{200D}", "\u{200B}", "\u{FE0F}", "“", "—", "Łukasz", "Phạm", "の", "\u{0600}", "\u{0903}", "\u{7F}", "\u{9B}",
                      "\u{1100}\u{1161}", "가", "\t"]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            return Int(seed % 1_000_000)
        }
        for _ in 0..<3000 {
            let text = (0..<(next() % 12)).map { _ in pieces[next() % pieces.count] }.joined()
            let expected = text.reduce(0) { $0 + DisplayWidth.of($1) }
            XCTAssertEqual(DisplayWidth.of(text), expected, text.debugDescription)
            XCTAssertEqual(DisplayWidth.of(text[...]), expected, text.debugDescription)
            XCTAssertEqual(DisplayWidth.of(Array(text.utf8).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }), expected)
        }
    }
}
