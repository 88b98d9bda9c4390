import BylineCanvas
import XCTest

final class WordWrapTests: XCTestCase {
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
}
