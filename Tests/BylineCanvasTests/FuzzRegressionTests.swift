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
}
