import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import Foundation
import XCTest

/// Issue 12 #14: a tab-separated table in an article is drawn as columns, and no tab ever
/// reaches the screen as a control.
final class TabLayoutTests: XCTestCase {
    func testTabSeparatedColumnsLineUpInTheBody() throws {
        let dir = try Fixtures.folder(["t.txt": "Results\tof the day\nThe table.\nName\tAge\tTown\nEleanor\t27\tLiverpool\nBo\t101\tYork\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: 100, height: 20))
        state.send([.start, .focusForward])
        let lines = Screen().render(state).lines()
        let rows = lines.filter { $0.contains("Name") || $0.contains("Eleanor") || $0.contains("York") }
        XCTAssertEqual(rows.count, 3, lines.joined(separator: "\n"))
        let columns = rows.map { row in ["Age", "27", "101"].compactMap { row.range(of: $0) }.map { row.distance(from: row.startIndex, to: $0.lowerBound) } }
        XCTAssertEqual(Set(columns.flatMap { $0 }).count, 1, "the second column starts at one place:\n\(rows.joined(separator: "\n"))")
        XCTAssertFalse(lines.joined().contains("\u{FFFD}"), "no replacement glyph for a tab")
        XCTAssertTrue(lines.contains { $0.contains("Results of the day") }, "in the list and the headline, a tab is a space")
    }
}
