@testable import BylineCanvas
import XCTest

final class WordWrapTests: XCTestCase {
    /// A fixed sequence of pseudo-random numbers (a linear congruential generator).
    private struct Numbers {
        var seed: UInt64
        mutating func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
    }

    /// The byte-level word split agrees with `split(separator: " ")`, which walks characters,
    /// also where a space is joined to a combining mark, a joiner or a prepended sign.
    /// The end of a run of printable ASCII (and DEL) is found at every offset within and past
    /// eight-byte steps, at each byte that stops it: a space, a control byte, one of 0x80 or more.
    func testPlainASCIIEndStopsAtTheFirstSpaceControlOrWideByte() {
        for length in 0..<20 {
            for stopper: UInt8 in [0x20, 0x00, 0x09, 0x0A, 0x1F, 0x80, 0xC3, 0xE2, 0xFF] {
                for stopAt in 0...length {
                    var bytes = (0..<length).map { UInt8(0x21 + ($0 * 7) % 0x5F) }  // 0x21...0x7F
                    if stopAt < length { bytes[stopAt] = stopper }
                    // A stopper after the first one changes nothing.
                    if stopAt + 2 < length { bytes[stopAt + 2] = 0x20 }
                    for start in 0...min(stopAt, length) {
                        let end = bytes.withUnsafeBufferPointer { WordWrap.plainASCIIEnd($0, from: start) }
                        // Exact when found in a step; short of it (never past it) in the last seven bytes.
                        let expected = stopAt
                        XCTAssertLessThanOrEqual(end, expected, "length \(length), stop \(stopper) at \(stopAt), from \(start)")
                        XCTAssertGreaterThanOrEqual(end, start)
                        if expected + 1 <= length, start + 8 * ((expected - start) / 8 + 1) <= length {
                            XCTAssertEqual(end, expected, "length \(length), stop \(stopper) at \(stopAt), from \(start)")
                        }
                        XCTAssertTrue(bytes[start..<end].allSatisfy { $0 > 0x20 && $0 < 0x80 })
                    }
                }
            }
        }
    }

    func testWordSplitAgreesWithCharacterSplit() {
        let pieces = [" ", "  ", " \u{301}", "\u{301}", "a", "é", "word", "\u{200D}", " \u{200D}", "👩", "👍🏽",
                      "\u{0600}", "\u{0600} ", "東", "\u{1F1EC}", "\u{1F1E7}", " \u{FE0F}", "\u{0903}", " \u{0903}",
                      "\r", "\n", " \r\n", "“", "” ", "\u{200B}"]
        var numbers = Numbers(seed: 0x9E37_79B9_7F4A_7C15)
        func next() -> Int { numbers.next() }
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

    /// Wrapping from bytes gives the lines and source ranges of the wrapping it replaced
    /// (`referenceLines`: words as substrings, each measured as a string), for ASCII, accents,
    /// combining marks (also after a space or a tab), wide and zero-width characters, emoji,
    /// CR LF, runs of spaces, tabs, and words wider than the line or than `whole`.
    func testByteWrapAgreesWithWrappingBySubstrings() {
        let pieces = [" ", "  ", "   ", " \u{301}", "\u{301}", "a", "word", "Ame\u{301}lie", "é", "Zoë", "東京", "新しい橋",
                      "\u{200D}", " \u{200D}", "👩‍🚀", "👍🏽", "🚀", "\u{0600}", "\u{0600} ", "\u{1F1EC}\u{1F1E7}", " \u{FE0F}",
                      "\u{0903}", " \u{0903}", "\r\n", " \r\n", "“", "” ", "‘quoted’", "«", "»", "\u{200B}",
                      "https://example.org/a/very/long/path", "abcdefghijklmnopqrstuvwxyz", "\u{FFFD}", "\u{7F}",
                      "\t", " \t", "\t\u{301}", "Name\tAge"]
        compareWithReference(pieces, seed: 0x2545_F491_4F6C_DD1D)
    }

    /// The same against the scalars `WordWrap` measures without grapheme breaking (Latin-1 and
    /// Latin Extended letters and Latin Extended Additional, general punctuation, CJK ideographs,
    /// Hangul syllables, hiragana and katakana), at their
    /// ranges' edges and next to what they must not be taken with: C1 controls, a soft hyphen,
    /// marks and joiners after them, U+2028, U+205F, U+2060, a pictograph (‼) joined to an
    /// emoji, Hangul jamo after a syllable.
    func testPlainScalarsAgreeWithWrappingBySubstrings() {
        let pieces = [" ", "  ", "a", "word", "’", "‘", "“", "”", "—", "–", "…", "‐", "‧", "‰", "′", "⁞", "‼", "‼\u{200D}🚀",
                      "\u{A0}", "\u{AD}", "\u{85}", "\u{9F}", "ÿ", "ʼ", "ˈ", "\u{2FF}", "\u{300}", " \u{301}", "\u{2019}\u{301}",
                      "ñ\u{301}", "\u{2028}", "\u{2029}", "\u{205F}", "\u{2060}", "\u{200F}", "\u{2010}", "\u{2027}",
                      "\u{2030}", "\u{205E}", "€", "Ωmega", "it’s", "“Quoted,”", "\u{0600}", " \u{FE0F}", "\u{0903}", "\r\n",
                      "東京", "서울", "\u{4E00}", "\u{9FFF}", "\u{4DFF}", "\u{A000}", "\u{AC00}", "\u{D7A3}", "\u{D7A4}", "\u{1161}",
                      "\u{11A8}", "가\u{11A8}", "\u{1100}", "大\u{301}", "\u{3000}",
                      "\u{1DFF}", "\u{1E00}", "\u{1EFF}", "\u{1F00}", "Phạm", "ộ\u{301}", "\u{3040}", "\u{3041}", "\u{3096}",
                      "\u{3099}", "か\u{3099}", "\u{309A}", "\u{30A0}", "\u{30A1}", "\u{30FA}", "\u{30FB}", "の", "カタカナ"]
        compareWithReference(pieces, seed: 0x9E37_79B9_7F4A_7C15)
    }

    /// Running text (plain words one space apart, long words, now and then a double space, a
    /// word that is not ASCII, a control byte, DEL, a space before a combining mark) at the
    /// widths of a body: the words' ends found eight bytes at a time (`plainASCIIEnd`) give the
    /// lines of the reference.
    func testRunningTextAgreesWithWrappingBySubstrings() {
        let pieces = ["the ", "a ", "quarter ", "committee ", "3.5 ", "said, ", "(it) ", "x", "word", " ", "  ", "é ", "Zoë ",
                      "东京 ", "🌊 ", " \u{301}", "\r\n", "\u{7F} ", "“quoted” ", "https://example.org/a/long/path/here ",
                      "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz ", "end.", "\u{1}", "\u{7F}x ", "internationalisation "]
        compareWithReference(pieces, seed: 0xD1B5_4A32_D192_ED03, words: 120, widths: 90)
    }

    /// 6,000 texts joined from up to `words` random `pieces`, each wrapped at a random width
    /// (up to `widths`) by `WordWrap` and by the reference, which must agree.
    private func compareWithReference(_ pieces: [String], seed: UInt64, words: Int = 30, widths: Int = 24,
                                      file: StaticString = #filePath, line: UInt = #line) {
        var numbers = Numbers(seed: seed)
        func next() -> Int { numbers.next() }
        for _ in 0..<6000 {
            let text = (0..<(next() % words)).map { _ in pieces[next() % pieces.count] }.joined()
            let width = 1 + next() % widths
            let whole = width + next() % 3 * 8
            let reference = referenceLines(text, width: width, whole: whole)
            XCTAssertEqual(WordWrap.lines(text, width: width, whole: whole), reference,
                           "width \(width), whole \(whole): \(text.debugDescription)", file: file, line: line)
            // The slices are the same lines, byte for byte.
            let slices = WordWrap.slices(text, width: width, whole: whole)
            XCTAssertEqual(slices.map { Array($0.text.utf8) }, reference.map { Array($0.text.utf8) },
                           "slices at width \(width), whole \(whole): \(text.debugDescription)", file: file, line: line)
            XCTAssertEqual(slices.map(\.range), reference.map(\.range), file: file, line: line)
            // Wrapping stopped after a few lines gives the first lines of the whole wrapping.
            let most = 1 + next() % 4
            XCTAssertEqual(WordWrap.wrap(text, width: width, atMost: most), Array(WordWrap.wrap(text, width: width).prefix(most)),
                           "at most \(most) at width \(width): \(text.debugDescription)", file: file, line: line)
        }
    }

    /// The rules of wrapping written plainly, as the reference: words as substrings (split
    /// at spaces, or at tabs and spaces), each measured as a string; a line grown word by word.
    private func referenceLines(_ text: String, width: Int, whole: Int) -> [WordWrap.Line] {
        let utf8 = text.utf8
        func offset(_ index: String.Index) -> Int { utf8.distance(from: utf8.startIndex, to: index) }
        var lines: [WordWrap.Line] = []
        var (line, lineWidth, hasText, start, end) = ("", 0, false, 0, 0)
        func finish() {
            lines.append(WordWrap.Line(text: line, range: start..<end))
            (line, lineWidth, hasText) = ("", 0, false)
        }
        let words = text.utf8.contains(0x09) ? WordWrap.tabbedWords(text) : WordWrap.words(text).map { ($0, false) }
        for (word, afterTab) in words {
            let w = DisplayWidth.of(word)
            if afterTab && hasText && !WordWrap.joinsSpaceBefore(word) {
                let stop = (lineWidth / WordWrap.tabStop + 1) * WordWrap.tabStop
                if stop + w <= width {
                    line += String(repeating: " ", count: stop - lineWidth) + word
                    (lineWidth, end) = (stop + w, offset(word.endIndex))
                    continue
                }
            }
            if !afterTab && hasText && lineWidth + 1 + w <= width {
                line += " " + word
                (lineWidth, end) = (lineWidth + 1 + w, offset(word.endIndex))
                continue
            }
            if hasText { finish() }
            start = offset(word.startIndex)
            if w <= whole {
                (line, lineWidth, hasText, end) = (String(word), w, true, offset(word.endIndex))
                if w > width { finish() }
                continue
            }
            for index in word.indices {
                let cw = DisplayWidth.of(word[index])
                if lineWidth + cw > width, lineWidth > 0 {
                    end = offset(index)
                    finish()
                    start = end
                }
                line.append(word[index])
                (lineWidth, hasText) = (lineWidth + cw, true)
            }
            end = offset(word.endIndex)
        }
        if hasText || lines.isEmpty {
            if !hasText { (start, end) = (utf8.count, utf8.count) }
            finish()
        }
        return lines
    }
}
