@testable import BylineCanvas
import XCTest

/// ``DisplayWidth/isZeroWidth(_:)`` answers the common letters and punctuation of news text
/// without looking up their category: the answer must be the category's.
final class ZeroWidthRangesTests: XCTestCase {
    func testTheRangesAnsweredWithoutTheCategoryAreNoMarks() {
        let explicit: [ClosedRange<UInt32>] = [0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFE00...0xFE0F, 0xFEFF...0xFEFF]
        // Every scalar from U+1E00 to U+D7FF (the ranges and what lies between them).
        for value in UInt32(0x1E00)...0xD7FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let byCategory: Bool
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: byCategory = true
            default: byCategory = explicit.contains { $0.contains(value) }
            }
            XCTAssertEqual(DisplayWidth.isZeroWidth(scalar), byCategory, String(value, radix: 16))
        }
    }
}
