@testable import BylineReader
import BylineModel
import XCTest

/// The reading-time labels written byte by byte are the interpolated strings they replaced.
final class MinutesLabelTests: XCTestCase {
    func testLabelsAreTheInterpolatedStrings() {
        for minutes in 0..<1000 {
            XCTAssertEqual(ListPane.label(minutes, estimate: false), "\(minutes)m")
            XCTAssertEqual(ListPane.label(minutes, estimate: true), "~\(minutes)m")
        }
    }

    func testLabelsPastTheTableAreStillMade() {
        for minutes in [0, 9, 10, 99, 100, 999, 1000, 12345] {
            XCTAssertEqual(ListPane.minutesLabel(.exact(minutes)), "\(minutes)m")
            XCTAssertEqual(ListPane.minutesLabel(.estimate(minutes)), "~\(minutes)m")
        }
        XCTAssertEqual(ListPane.minutesLabel(.unknown), "")
    }
}
