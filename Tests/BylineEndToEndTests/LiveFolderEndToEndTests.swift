import BylineTestSupport
import Foundation
import Glibc
import XCTest

/// The folder changes while the real binary is open, and the screen follows without a key.
final class LiveFolderEndToEndTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        guard Tmux.available else { throw XCTestError(.failureWhileWaiting, userInfo: ["reason": "tmux is not installed (.ci/run installs it)"]) }
        dir = try ReaderFixtures.threeArticleFolder()
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    private func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func testCopiedDeletedRewrittenAndRenamedFilesShowWithoutAKey() throws {
        let tmux = try Tmux(arguments: [dir.path], width: 120, height: 30)
        try tmux.waitFor(text: "1/3")
        // A new file appears, in its place in the list, counted as new.
        try write("Fifteen minutes of news\nA standfirst.\nBody.\n", "015.txt")
        let added = try tmux.waitFor(text: "Fifteen minutes of news", timeout: 1)
        XCTAssertTrue(added.contains { $0.contains("1/4") && $0.contains("+1 new") }, added.joined(separator: "\n"))
        XCTAssertEqual(added.firstIndex { $0.contains("Fifteen minutes") }, 1, "sorted in after 010")
        // A deleted file disappears.
        try FileManager.default.removeItem(atPath: path("030.txt"))
        try tmux.waitFor("030 gone", timeout: 1) { !$0.contains { $0.contains("Thirty seconds") } }
        // An editor's atomic save (write a temporary file, rename it over) rewrites the article on screen.
        try write("Ten o'clock news, updated\nA short story.\nIt was a busy day after all.\n", ".010.txt.swp")
        XCTAssertEqual(rename(path(".010.txt.swp"), path("010.txt")), 0)
        let rewritten = try tmux.waitFor(text: "It was a busy day after all.", timeout: 1)
        XCTAssertTrue(rewritten.contains { $0.contains("Ten o'clock news, updated") }, "the list's headline too")
        // mv into place from elsewhere.
        let outside = try Fixtures.folder(["x.txt": "Moved in from elsewhere\nA story.\nBody.\n"])
        XCTAssertEqual(rename(outside.appendingPathComponent("x.txt").path, path("040.txt")), 0)
        try tmux.waitFor(text: "Moved in from elsewhere", timeout: 1)
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testTheArticleBeingReadIsDeletedAndStaysUntilTheReaderMovesAway() throws {
        let tmux = try Tmux(arguments: [dir.path], width: 120, height: 30)
        try tmux.waitFor(text: "1/3")
        try tmux.send("Down")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Engineers and residents gathered")
        try FileManager.default.removeItem(atPath: path("020.txt"))
        let marked = try tmux.waitFor(text: "Deleted from the folder", timeout: 1)
        XCTAssertTrue(marked.contains { $0.contains("× Harbour bridge opens") }, "marked in the list")
        XCTAssertTrue(marked.contains { $0.contains("Engineers and residents gathered") }, "still readable")
        try tmux.send("Left")
        try tmux.send("Down")
        try tmux.waitFor("gone after moving away") { rows in
            !rows.contains { $0.contains("Harbour bridge") } && rows.contains { $0.contains("2/2") }
        }
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    private func writeBurst(_ count: Int) throws {
        for i in 0..<count {
            try write("Burst article \(i)\nA standfirst.\nBody \(i).\n", String(format: "5%03d.txt", i))
        }
    }

    func testABurstOfAThousandFilesArrivesWhole() throws {
        let tmux = try Tmux(arguments: [dir.path], width: 120, height: 30)
        try tmux.waitFor(text: "1/3")
        try writeBurst(1000)
        try tmux.waitFor(text: "1/1003", timeout: 10)
        try tmux.send("G")
        try tmux.waitFor(text: "Burst article 999")
        try tmux.waitFor(text: "1003/1003")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testABurstOfAThousandFilesIsCoalescedIntoAFewRepaints() throws {
        let pty = try PTYSession(arguments: [dir.path], cols: 120, rows: 30)
        pty.waitFor(text: "Ten o'clock news")
        pty.waitForQuiet(0.3)
        let before = pty.outputCount
        try writeBurst(1000)
        pty.waitForQuiet(0.5, timeout: 20)
        let burstBytes = pty.outputCount - before
        // One repaint per file would send over a megabyte (each changes list rows and the
        // status line); coalesced, it is a few dozen repaints at most.
        print("burst of 1,000 files: \(burstBytes) bytes to the terminal")
        XCTAssertGreaterThan(burstBytes, 0, "the burst was shown")
        XCTAssertLessThan(burstBytes, 150_000, "the burst was coalesced into a few repaints")
        // Keys are answered at once after it.
        let beforeKey = pty.outputCount
        pty.send("?")
        pty.waitFor(text: "Keys", from: beforeKey, timeout: 2)
        pty.send("q")
        pty.send("q")
        let (how, _) = try pty.waitForExit()
        XCTAssertEqual(how, .exited(0))
    }

    func testNoWatchIgnoresTheFolderAndExhaustedWatchesSaySoAndCarryOn() throws {
        let quiet = try Tmux(arguments: ["--no-watch", dir.path], width: 120, height: 20)
        try quiet.waitFor(text: "1/3")
        try write("Not followed\nA story.\nBody.\n", "005.txt")
        // Watching would show it within a second (see above); give it a second and a half.
        let deadline = Date().addingTimeInterval(1.5)
        while Date() < deadline {
            XCTAssertFalse(try quiet.screen().contains { $0.contains("Not followed") }, "--no-watch: the list stays as opened")
            usleep(100_000)
        }
        try quiet.send("q")
        XCTAssertEqual(try quiet.waitForExit(), 0)

        let exhausted = try Tmux(arguments: [dir.path], width: 160, height: 20, environment: ["BYLINE_INOTIFY_WATCH_LIMIT": "0"])
        let screen = try exhausted.waitFor(text: "out of inotify watches")
        XCTAssertTrue(screen.contains { $0.contains("1/4") }, "the reader carries on")
        try exhausted.send("Down")
        try exhausted.waitFor(text: "2/4")
        try exhausted.send("q")
        XCTAssertEqual(try exhausted.waitForExit(), 0)
    }
}
