import BylineCanvas
import XCTest

/// Inputs the libFuzzer `wrap` target (Fuzz/WrapFuzz.swift) found, kept as regression tests.
final class FuzzRegressionTests: XCTestCase {
    /// The input's words, in order, from the lines `wrap` returns (every word here fits a line).
    private func words(_ lines: [String]) -> [Substring] {
        lines.flatMap { $0.split(separator: " ") }
    }

    /// Found by the `wrap` target from the `combining` seed: a word of only zero-width
    /// characters (U+200B U+200D) that started a new line was overwritten by the next word,
    /// because the line was tested for emptiness by its width.
    func testZeroWidthWordStartingALineIsKept() {
        // The fuzzer's input: a control byte (0xE2), then the text.
        let input: [UInt8] = [
            0xE2, 0xCC, 0x81, 0x6C, 0x65, 0x61, 0x64, 0x69, 0x6E, 0x67, 0x20, 0x61, 0xCC, 0x80, 0xCC, 0x81,
            0xCC, 0x82, 0xCC, 0x83, 0xCC, 0x84, 0xCC, 0x85, 0xCC, 0x86, 0x20, 0xE2, 0x80, 0x8B, 0xE2, 0x80,
            0x8D, 0x20, 0x7A, 0x77, 0x20, 0xD8, 0x80, 0x20, 0x78,
        ]
        let text = String(decoding: input.dropFirst(), as: UTF8.self)
        let lines = WordWrap.wrap(text, width: 9)
        XCTAssertEqual(words(lines), text.split(separator: " "))
        XCTAssertTrue(lines.contains { $0.contains("\u{200B}\u{200D}") }, "\(lines)")
        for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 9) }
    }

    /// The same finding, reduced.
    func testZeroWidthWordIsNotOverwritten() {
        XCTAssertEqual(WordWrap.wrap("ab \u{200B} cd", width: 2), ["ab", "\u{200B}", "cd"])
        XCTAssertEqual(WordWrap.wrap("ab \u{200B} cd", width: 4), ["ab \u{200B}", "cd"])
        XCTAssertEqual(WordWrap.wrap("\u{200B} cd", width: 2), ["\u{200B}", "cd"])
        XCTAssertEqual(WordWrap.wrap("\u{200B}", width: 5), ["\u{200B}"])
    }

    /// Found by the `wrap` target on its `escapes` seed once the targets built again: CR LF is
    /// one grapheme (one cell) but the all-ASCII fast path of `DisplayWidth.of` counted its two
    /// bytes, so a line cut from "tab\there\r\nnew" was measured one cell wider than `wrap`
    /// (which cuts by graphemes) had made it.
    func testCRLFIsOneCellInASCIIText() {
        let text = String(decoding: Array("Head\u{1B}[31mline\u{1B}[0m \u{1B}]52;c;ZWNobw==\u{07} tab\there\r\nnew\u{7F}\u{85}".utf8), as: UTF8.self)
        for line in WordWrap.wrap(text, width: 2) { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 2, "\(line.debugDescription)") }
        XCTAssertEqual(DisplayWidth.of("\r\nn"), 2)
        XCTAssertEqual(DisplayWidth.of("a\r\n\r\n\rb\n"), 6)
        XCTAssertEqual(DisplayWidth.of("a\r\n\r\n\rb\n"), "a\r\n\r\n\rb\n".reduce(0) { $0 + DisplayWidth.of($1) })
        var canvas = Canvas(size: Size(width: 10, height: 1))
        XCTAssertEqual(canvas.put("x\r\ny", x: 0, y: 0, role: .body), DisplayWidth.of("x\r\ny"))
    }

    /// Found by the `wrap` target (input 00 E2 09 CC 81): a combining mark after a tab was padded
    /// to the next tab stop, where it joined the last space into one grapheme, so the word came
    /// back with a space in front of it. It now starts a line of its own.
    func testCombiningMarkAfterATabKeepsItsWord() {
        let text = String(decoding: [0xE2, 0x09, 0xCC, 0x81] as [UInt8], as: UTF8.self)
        let lines = WordWrap.wrap(text, width: 40)
        XCTAssertEqual(lines, ["\u{FFFD}", "\u{301}"])
        XCTAssertEqual(WordWrap.wrap("a\tb", width: 40), ["a       b"], "a plain word still goes to the tab stop")
    }
}
