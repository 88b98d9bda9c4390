@testable import BylineCanvas
import XCTest

/// ``WordWrap/plainLineCount(_:width:whole:)``: the lines of text of plain words counted
/// without wrapping them, as many as ``WordWrap/slices(_:width:whole:)`` makes.
final class PlainLineCountTests: XCTestCase {
    func testItCountsAsManyLinesAsTheWrapMakes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "to", "harbour", "x", "spokeswoman", "https://example.com/a/long/path/to/somewhere", "!?", "~", "12345678901234567",
                      "Kraków", "東京", "“quoted”", "São", "Łukasz", "Nguyễn", "한국어", "カタカナ", "a\u{7F}b"]
        var counted = 0, tried = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...25, using: &generator) {
                text += String(repeating: " ", count: Int.random(in: 0...3, using: &generator))
                text += pieces.randomElement(using: &generator)!
            }
            if Bool.random(using: &generator) { text += String(repeating: " ", count: Int.random(in: 1...3, using: &generator)) }
            for width in [1, 2, 3, 5, 8, 13, 20, 44] {
                for whole in [width, width + 3, width + 30] {
                    var copy = text
                    let lines = WordWrap.slices(text, width: width, whole: whole).count
                    // nil for a word cut between graphemes that are not ASCII, or one with DEL
                    if let fast = copy.withUTF8({ WordWrap.plainLineCount($0, width: width, whole: whole) }) {
                        XCTAssertEqual(fast, lines, "\(text) \(width) \(whole)")
                        counted += 1
                    }
                    XCTAssertEqual(WordWrap.lineCount(text, width: width, whole: whole), lines)
                    tried += 1
                }
            }
        }
        XCTAssertGreaterThan(counted, tried / 3)
    }

    func testRunsAreTheLinesOfTheWrap() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "to", "harbour", "x", "spokeswoman", "https://example.com/a/long/path/to/somewhere", "!?", "12345678901234567",
                      "Kraków", "東京", "“quoted”", "Nguyễn", "한국어", "a\u{7F}b", "e\u{301}", "👍"]
        var runs = 0, tried = 0
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...25, using: &generator) {
                text += String(repeating: " ", count: (text.isEmpty ? 0 : 1) + Int.random(in: 0...4, using: &generator) / 4)
                text += pieces.randomElement(using: &generator)!
            }
            for width in [1, 3, 8, 13, 20, 44] {
                for whole in [width, width + 30] {
                    let lines = WordWrap.lines(text, width: width, whole: whole)
                    var copy = text
                    if let ranges = copy.withUTF8({ WordWrap.plainRanges($0, width: width, whole: whole) }) {
                        XCTAssertEqual(ranges, lines.map(\.range), "\(text) \(width) \(whole)")
                        runs += 1
                    }
                    let slices = WordWrap.slices(text, width: width, whole: whole)
                    XCTAssertEqual(slices.map { String($0.text) }, lines.map(\.text), "\(text) \(width) \(whole)")
                    XCTAssertEqual(slices.map(\.range), lines.map(\.range), "\(text) \(width) \(whole)")
                    tried += 1
                }
                for most in [1, 2, 5] {
                    XCTAssertEqual(WordWrap.wrap(text, width: width, atMost: most), Array(WordWrap.wrap(text, width: width).prefix(most)),
                                   "\(text) \(width) \(most)")
                }
            }
        }
        XCTAssertGreaterThan(runs, tried / 20)
    }

    func testOtherTextIsLeftToTheWrap() {
        for text in ["a\tb", "a\u{1}b", "line\nbreak", String(repeating: "\u{7F}", count: 30), String(repeating: "é", count: 30),
                     "ok \u{200D}", "ok \u{301}x", "x \u{300}", "\u{600} ok", "ok \u{600} ok", String(repeating: "👍", count: 30)] {
            // Alone, and among words long enough to be looked at eight bytes at a time.
            for text in [text, "harbour council ferry " + text + " harbour council", "spokeswoman" + text + "spokeswoman"] {
                var copy = text
                XCTAssertNil(copy.withUTF8 { WordWrap.plainLineCount($0, width: 10, whole: 10) }, text)
                XCTAssertEqual(WordWrap.lineCount(text, width: 10, whole: 10), WordWrap.slices(text, width: 10, whole: 10).count, text)
            }
        }
        // DEL within a word that fits is a cell, as the wrap measures it.
        var copy = "ab\u{7F}cd efg"
        XCTAssertEqual(copy.withUTF8 { WordWrap.plainLineCount($0, width: 5, whole: 5) }, 2)
    }

    /// Words of emoji, marks and other scalars that are not plain are measured as the wrap
    /// measures them (`DisplayWidth.of`), where the spaces either side stand alone.
    func testWordsOfOtherScalarsAreMeasuredAsTheWrapDoes() {
        for text in ["e\u{301}", "👍 ok", "é\u{7F}", "\u{85}x", "ok 👍🏽 ok", "👨\u{200D}👩\u{200D}👧 family", "🇺🇸 flag", "cafe\u{301} ok",
                     "ok ❤\u{FE0F} ok", "e\u{301}\u{302}\u{303}\u{304}\u{305} stacked", "Ωmega ✓ done", "a\u{7F}é\u{301}"] {
            // (Glued to words past the line's width, a word that is not ASCII would be cut: left to the wrap.)
            for text in [text, "harbour council ferry " + text + " harbour council"] {
                var copy = text
                XCTAssertEqual(copy.withUTF8 { WordWrap.plainLineCount($0, width: 10, whole: 10) },
                               WordWrap.slices(text, width: 10, whole: 10).count, text)
                let ranges = copy.withUTF8 { WordWrap.plainRanges($0, width: 10, whole: 10) }
                XCTAssertEqual(ranges, WordWrap.lines(text, width: 10, whole: 10).map(\.range), text)
            }
        }
    }

    /// Random text of emoji sequences, marks (after a space too), Prepend characters, joiners,
    /// symbols and plain words: counted and cut into runs as the wrap does, or left to it.
    func testTextWithOtherScalarsCountsAsTheWrap() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "to", "harbour", "spokeswoman", "https://example.com/a/long/path", "東京", "“quoted”", "Nguyễn",
                      "👍", "👍🏽", "👨\u{200D}👩\u{200D}👧", "🇺🇸", "❤\u{FE0F}", "e\u{301}", "\u{301}", "\u{200D}", "\u{600}", "\u{0915}\u{094D}\u{0937}",
                      "Ω", "✓", "☃", "\u{85}", "a\u{7F}", "ｆｕｌｌ", "\u{1F600}\u{1F601}\u{1F602}\u{1F603}", "ᄀ\u{1161}", "\u{FE0F}"]
        var counted = 0, tried = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...20, using: &generator) {
                text += String(repeating: " ", count: Int.random(in: 0...4, using: &generator) / 2)
                text += pieces.randomElement(using: &generator)!
            }
            if Bool.random(using: &generator) { text += " " }
            for width in [1, 2, 3, 5, 8, 13, 20, 44] {
                for whole in [width, width + 30] {
                    var copy = text
                    let lines = WordWrap.lines(text, width: width, whole: whole)
                    if let fast = copy.withUTF8({ WordWrap.plainLineCount($0, width: width, whole: whole) }) {
                        XCTAssertEqual(fast, lines.count, "\(text) \(width) \(whole)")
                        counted += 1
                    }
                    if let ranges = copy.withUTF8({ WordWrap.plainRanges($0, width: width, whole: whole) }) {
                        XCTAssertEqual(ranges, lines.map(\.range), "\(text) \(width) \(whole)")
                        XCTAssertEqual(ranges.map { String(text.utf8Slice($0)) }, lines.map(\.text), "\(text) \(width) \(whole)")
                    }
                    XCTAssertEqual(WordWrap.lineCount(text, width: width, whole: whole), lines.count)
                    XCTAssertEqual(WordWrap.slices(text, width: width, whole: whole).map { String($0.text) }, lines.map(\.text))
                    // (The sidebar's wrap cuts a word wider than the line: `whole` is `width`.)
                    for most in [1, 3] where whole == width {
                        XCTAssertEqual(WordWrap.wrap(text, width: width, atMost: most), Array(lines.map(\.text).prefix(most)))
                    }
                    tried += 1
                }
            }
        }
        XCTAssertGreaterThan(counted, tried / 4)
    }
}
