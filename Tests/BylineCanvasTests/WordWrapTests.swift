@testable import BylineCanvas
import XCTest

final class WordWrapTests: XCTestCase {
    /// The byte-level word split agrees with `split(separator: " ")`, which walks characters,
    /// also where a space is joined to a combining mark, a joiner or a prepended sign.
    func testWordSplitAgreesWithCharacterSplit() {
        let pieces = [" ", "  ", " \u{301}", "\u{301}", "a", "é", "word", "\u{200D}", " \u{200D}", "👩", "👍🏽",
                      "\u{0600}", "\u{0600} ", "東", "\u{1F1EC}", "\u{1F1E7}", " \u{FE0F}", "\u{0903}", " \u{0903}",
                      "\r", "\n", " \r\n", "“", "” ", "\u{200B}"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<3000 {
            let text = (0..<(next() % 24)).map { _ in pieces[next() % pieces.count] }.joined()
            XCTAssertEqual(WordWrap.words(text), text.split(separator: " "), "\(text.debugDescription)")
        }
    }

    func testWrapsAtSpacesWithinWidth() {
        XCTAssertEqual(WordWrap.wrap("the quick brown fox jumps", width: 10), ["the quick", "brown fox", "jumps"])
    }

    func testLongWordIsCutBetweenGraphemes() {
        XCTAssertEqual(WordWrap.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
    }

    func testWidthIsMeasuredInCellsNotCharacters() {
        // Eight CJK characters are sixteen cells.
        XCTAssertEqual(WordWrap.wrap("東京 東京 東京 東京", width: 9), ["東京 東京", "東京 東京"])
        XCTAssertEqual(WordWrap.wrap("東京東京", width: 3), ["東", "京", "東", "京"])
    }

    func testEveryLineFits() {
        let text = "Zoë Müller said the 新しい橋 would open 🚀 in spring, Ame\u{301}lie Nguyễn added."
        for width in 1...30 {
            for line in WordWrap.wrap(text, width: width) {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), max(width, 2), "width \(width): \(line)")
            }
        }
    }

    func testEmptyTextGivesOneEmptyLine() {
        XCTAssertEqual(WordWrap.wrap("", width: 10), [""])
        XCTAssertEqual(WordWrap.wrap("   ", width: 10), [""])
    }

    /// Issue 12 #14: tab-separated columns stay columns (tab stops every 8 columns).
    func testTabsGoToTheNextTabStopWithinTheWidth() {
        XCTAssertEqual(WordWrap.wrap("Name\tAge\tTown", width: 40), ["Name    Age     Town"])
        XCTAssertEqual(WordWrap.wrap("Eleanor Rigby\t27\tLiverpool", width: 40), ["Eleanor Rigby   27      Liverpool"])
        XCTAssertEqual(WordWrap.wrap("a\tb", width: 8), ["a", "b"], "no stop left on the line: the column starts a new one")
        XCTAssertEqual(WordWrap.wrap("one two\tthree", width: 40), ["one two three"], "from column 7, the stop is column 8")
        XCTAssertEqual(WordWrap.wrap("one two2\tthree", width: 40), ["one two2        three"], "from column 8, column 16")
        // The source range still covers the text the line shows.
        let lines = WordWrap.lines("Name\tAge", width: 40)
        XCTAssertEqual(lines.map(\.range), [0..<8])
        let canvasSafe = WordWrap.wrap("x\ty", width: 20).joined()
        XCTAssertFalse(canvasSafe.contains("\t"), "a wrapped line holds spaces, never a tab")
    }

    /// Text without tabs is wrapped from its bytes (`linesByBytes`): the same lines and source
    /// ranges as the general path, for ASCII, accents, combining marks (also after a space),
    /// wide and zero-width characters, emoji, CR LF, runs of spaces, and words wider than the
    /// line or than `whole`.
    func testByteWrapAgreesWithTheGeneralPath() {
        let pieces = [" ", "  ", "   ", " \u{301}", "\u{301}", "a", "word", "Ame\u{301}lie", "é", "Zoë", "東京", "新しい橋",
                      "\u{200D}", " \u{200D}", "👩‍🚀", "👍🏽", "🚀", "\u{0600}", "\u{0600} ", "\u{1F1EC}\u{1F1E7}", " \u{FE0F}",
                      "\u{0903}", " \u{0903}", "\r\n", " \r\n", "“", "” ", "‘quoted’", "«", "»", "\u{200B}",
                      "https://example.org/a/very/long/path", "abcdefghijklmnopqrstuvwxyz", "\u{FFFD}", "\u{7F}"]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<3000 {
            let text = (0..<(next() % 30)).map { _ in pieces[next() % pieces.count] }.joined()
            let width = 1 + next() % 24
            let whole = width + next() % 3 * 8
            XCTAssertEqual(WordWrap.linesByBytes(text, width: width, whole: whole),
                           WordWrap.linesByWords(text, width: width, whole: whole),
                           "width \(width), whole \(whole): \(text.debugDescription)")
        }
    }
}
