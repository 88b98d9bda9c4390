import BylineStore
import BylineTestSupport
import Foundation
import Glibc
import XCTest

/// The real binary remembers: marks and positions across runs, two readers on one store, a
/// broken or read-only store, and a dropped SSH connection.
final class RememberEndToEndTests: XCTestCase {
    private var dir: URL!
    private var stateHome: URL!

    override func setUpWithError() throws {
        guard Tmux.available else { throw XCTestError(.failureWhileWaiting, userInfo: ["reason": "tmux is not installed (.ci/run installs it)"]) }
        dir = try ReaderFixtures.threeArticleFolder()
        stateHome = try Fixtures.folder([:])
    }

    override func tearDownWithError() throws {
        for url in [dir, stateHome].compactMap({ $0 }) { try? FileManager.default.removeItem(at: url) }
    }

    private var storePath: String { stateHome.appendingPathComponent("byline/state.sqlite3").path }

    private func reader(_ extra: [String] = []) throws -> Tmux {
        try Tmux(arguments: extra + [dir.path], width: 120, height: 30, environment: ["XDG_STATE_HOME": stateHome.path])
    }

    func testMarksAndThePlaceInAnArticleSurviveQuitting() throws {
        let first = try reader()
        try first.waitFor(text: "3 unread")
        try first.send("Down")
        try first.send("Enter")
        try first.waitFor(text: "2 unread")
        try first.send("}")
        try first.waitFor("the crosshead on top") { $0.contains { $0.contains("│  THE COST OF DELAY") } }
        try first.send("q")
        XCTAssertEqual(try first.waitForExit(), 0)

        let second = try reader()
        // The same article at the same place.
        let screen = try second.waitFor("the harbour article at its crosshead") { rows in
            rows.contains { $0.contains("2/3") } && rows.contains { $0.contains("│  THE COST OF DELAY") }
        }
        XCTAssertTrue(screen.contains { $0.contains("2 unread") })
        XCTAssertTrue(screen.contains { $0.contains("  Harbour bridge opens") }, "no unread mark on the read article")
        try second.send("q")
        XCTAssertEqual(try second.waitForExit(), 0)

        let top = try reader(["--from-top"])
        try top.waitFor(text: "1/3")
        try top.send("q")
        XCTAssertEqual(try top.waitForExit(), 0)
    }

    func testTwoReadersOnOneStoreKeepEachOthersMarks() throws {
        let a = try reader()
        let b = try reader()
        try a.waitFor(text: "3 unread")
        try b.waitFor(text: "3 unread")
        try a.send("m")
        try b.send("Down")
        try b.send("Down")
        try b.send("m")
        try a.waitFor(text: "Marked read")
        try b.waitFor(text: "Marked read")
        for tmux in [a, b] {
            XCTAssertFalse(try tmux.screen().contains { $0.contains("locked") }, "no \"database is locked\"")
            try tmux.send("q")
            XCTAssertEqual(try tmux.waitForExit(), 0)
        }
        let saved = StateStore.open(.file(storePath)).load(library: StateStore.libraryKey(for: dir.path))
        XCTAssertEqual(saved.read, ["010.txt", "030.txt"])
        let third = try reader()
        try third.waitFor(text: "1 unread")
        try third.send("q")
        XCTAssertEqual(try third.waitForExit(), 0)
    }

    func testABrokenStoreIsMovedAsideAndTheReaderStartsAnyway() throws {
        try FileManager.default.createDirectory(atPath: (storePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: URL(fileURLWithPath: storePath))
        let tmux = try reader()
        try tmux.waitFor(text: "moved aside")
        try tmux.send("m")
        try tmux.waitFor(text: "Marked read")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
        let after = try tmux.screen().joined(separator: "\n")
        XCTAssertTrue(after.contains("byline: ") && after.contains("moved aside"), "the notice is repeated after exit:\n\(after)")
        let folder = (storePath as NSString).deletingLastPathComponent
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertTrue(names.contains { $0.hasPrefix("state.sqlite3.corrupt-") }, "\(names)")
        XCTAssertEqual(StateStore.open(.file(storePath)).load(library: StateStore.libraryKey(for: dir.path)).read, ["010.txt"], "the fresh store works")
    }

    /// A store that cannot be written (here: a folder under /proc, which no one, not even root,
    /// can create; a read-only mount and a full disk are tested in StateStoreProcessTests).
    func testAStoreThatCannotBeWrittenSaysSoOnceAndExitsZero() throws {
        let tmux = try reader(["--state", "/proc/byline-cannot-write-here/state.sqlite3"])
        try tmux.waitFor(text: "will not be saved")
        try tmux.send("m")
        try tmux.waitFor(text: "Marked read")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
