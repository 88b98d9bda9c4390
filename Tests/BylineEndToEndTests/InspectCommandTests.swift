import BylineTestSupport
import Foundation
import XCTest

/// `byline inspect` as scripts use it: every file listed, the unreadable ones marked, and the
/// exit status saying whether all could be read.
final class InspectCommandTests: XCTestCase {
    func testUnreadableFilesAreMarkedAndMakeTheStatusOne() throws {
        let dir = try Fixtures.folder(["a.txt": "Good\nStand.\nBody.\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0, 1, 2, 3, 0x62, 0x69, 0x6E]).write(to: dir.appendingPathComponent("b.txt"))

        let all = try ChildProcess.run(["inspect", "--json", dir.path])
        XCTAssertEqual(all.status, 1, "a file could not be read")
        let objects = try all.stdout.split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        XCTAssertEqual(objects.count, 2, "every file is listed")
        XCTAssertEqual(objects[0]["readable"] as? Bool, true)
        XCTAssertTrue(objects[0]["problem"] is NSNull)
        XCTAssertEqual(objects[1]["readable"] as? Bool, false)
        XCTAssertEqual(objects[1]["problem"] as? String, "binary file (contains NUL bytes)")

        let good = try ChildProcess.run(["inspect", "--json", dir.appendingPathComponent("a.txt").path])
        XCTAssertEqual(good.status, 0)
        let text = try ChildProcess.run(["inspect", dir.path])
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.stdout.contains("unreadable:  binary file"), text.stdout)
    }
}
