@testable import BylineCanvas
import XCTest

/// `Canvas.put` reads text as UTF-8 and takes most scalars without breaking the text into
/// `Character`s; these tests hold it to the plain rule it replaced: every grapheme in turn,
/// through `TerminalGlyph.cells(of:)`.
final class PutFastPathTests: XCTestCase {
    /// The rule `put` follows, one `Character` at a time, on a plain array of cells.
    private struct Reference {
        var width: Int
        var cells: [Cell]

        init(_ canvas: Canvas) {
            width = canvas.size.width
            cells = canvas.cells
        }

        mutating func put(_ text: String, x: Int, y: Int, role: Role, maxX: Int?) -> Int {
            let limit = min(maxX ?? width, width)
            var col = x
            for character in text {
                if col >= limit { break }
                for glyph in TerminalGlyph.cells(of: character) {
                    if col + glyph.width > limit { return limit }
                    if col >= 0 {
                        set(Cell(text: glyph.text, width: UInt8(glyph.width), role: role), x: col, y: y)
                        if glyph.width == 2 { set(Cell(text: "", width: 0, role: role), x: col + 1, y: y) }
                    }
                    col += glyph.width
                }
            }
            return col
        }

        private mutating func set(_ cell: Cell, x: Int, y: Int) {
            guard x >= 0, x < width else { return }
            let i = y * width + x
            if cells[i].width == 2, x + 1 < width { cells[i + 1] = .blank(cells[i].role) }
            if cells[i].isContinuation, x > 0 { cells[i - 1] = .blank(cells[i - 1].role) }
            cells[i] = cell
        }
    }

    /// Pieces that meet every path: ASCII, controls, CR LF, Latin, curly quotes, CJK and kana
    /// (with a combining voicing mark), Hangul syllables and jamo, combining marks (more than
    /// a cell keeps), emoji with modifiers, variation selectors and joiners, flags, prepended
    /// signs, bidi controls, tabs.
    private static let pieces = [
        "a", "Z", " ", "~", "plain words", "\t", "\r\n", "\r", "\n", "\u{1B}", "\u{7F}", "\u{9B}", "é", "Ł", "ß", "“", "”", "’", "—", "…",
        "隅", "田", "の", "か\u{3099}", "\u{3099}", "한", "\u{1100}", "\u{1161}", "\u{11A8}", "e\u{301}", "\u{301}",
        "a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}", "👍", "👍🏽", "🏽", "❤️", "\u{FE0F}", "👩‍💻", "\u{200D}", "🇬🇧", "🇬",
        "\u{600}1", "\u{600}", "\u{202E}", "\u{2028}", "\u{200B}", "Ω", "Ж", "\u{483}", "ｱ", "\u{FF9E}", "€", "→", "│",
        "\u{AD}", "\u{E0100}", "\u{1F1E6}", "\u{0915}\u{094D}\u{0937}", "\u{0D4E}", "x\u{20DD}",
    ]

    func testPutMatchesTheGraphemeByGraphemeRule() {
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for round in 0..<3000 {
            var background = Canvas(size: Size(width: 14, height: 2))
            background.put(round % 2 == 0 ? "a世界b世界c世" : "世界世界世界世", x: round % 3 - 1, y: 0, role: .body)
            var text = ""
            for _ in 0..<next(9) { text += Self.pieces[next(Self.pieces.count)] }
            let x = next(18) - 3
            let maxX: Int? = next(4) == 0 ? nil : next(17)
            var canvas = background
            var reference = Reference(background)
            let end = canvas.put(text, x: x, y: 0, role: .headline, maxX: maxX)
            let expected = reference.put(text, x: x, y: 0, role: .headline, maxX: maxX)
            XCTAssertEqual(end, expected, "end of \(text.debugDescription) at \(x), maxX \(String(describing: maxX))")
            XCTAssertEqual(canvas.cells, reference.cells, "cells of \(text.debugDescription) at \(x), maxX \(String(describing: maxX))")
            // A substring takes the same path as its string (a control on either side breaks
            // any grapheme, so the substring's characters are the text's).
            var fromSubstring = background
            let wrapped = "\u{1}" + text + "\u{1}"
            let inner = wrapped[wrapped.utf8.index(after: wrapped.utf8.startIndex)..<wrapped.utf8.index(before: wrapped.utf8.endIndex)]
            _ = fromSubstring.put(inner, x: x, y: 0, role: .headline, maxX: maxX)
            XCTAssertEqual(fromSubstring.cells, canvas.cells, "substring \(text.debugDescription)")
            // Widths and cuts read from the bytes agree with the grapheme-by-grapheme ones.
            XCTAssertEqual(DisplayWidth.of(text), text.reduce(0) { $0 + DisplayWidth.of($1) }, "width of \(text.debugDescription)")
            let room = next(12)
            var used = 0
            let expectedPrefix = text.prefix { character in
                guard used + DisplayWidth.of(character) <= room else { return false }
                used += DisplayWidth.of(character)
                return true
            }
            XCTAssertEqual(DisplayWidth.prefix(of: text, fitting: room), expectedPrefix, "prefix of \(text.debugDescription) in \(room)")
        }
    }

    func testLinesAndBordersAreDrawnOnce() {
        var canvas = Canvas(size: Size(width: 5, height: 3))
        canvas.hline("─", x: -1, y: 0, width: 4, role: .border)
        canvas.vline("│", x: 4, y: 0, height: 9, role: .border)
        canvas.hline("東", x: 0, y: 1, width: 3, role: .border)
        XCTAssertEqual(canvas.lines(), ["─── │", "    │", "    │"])
        XCTAssertEqual(canvas[x: 0, y: 0].role, .border)
        XCTAssertEqual(canvas[x: 0, y: 1].role, .base, "a wide glyph does not fit one cell: nothing drawn")
    }

    func testResetKeepsTheSizeAndBlanksEveryCell() {
        var canvas = Canvas(size: Size(width: 4, height: 2))
        canvas.put("東京", x: 0, y: 1, role: .body)
        canvas.cursor = Point(x: 1, y: 1)
        canvas.reset(size: Size(width: 4, height: 2), role: .status)
        XCTAssertEqual(canvas, Canvas(size: Size(width: 4, height: 2), role: .status))
        canvas.reset(size: Size(width: 3, height: 3))
        XCTAssertEqual(canvas, Canvas(size: Size(width: 3, height: 3)))
    }

    func testCellsAreFlatValues() {
        XCTAssertEqual(MemoryLayout<Cell>.size, MemoryLayout<Cell>.stride, "no tail padding: rows compare as bytes")
        XCTAssertEqual(Cell(text: "e\u{301}", width: 1, role: .body).text, "e\u{301}")
        XCTAssertEqual(Cell.continuation(.body).text, "")
        XCTAssertEqual(Role.allCases.map(\.ordinal), Array(0..<Role.allCases.count))
    }
}
