import BylineTestSupport
import Foundation
import XCTest

/// Issue 12 on the real binary in tmux: the worker that checks every file for `!`, ASCII
/// without a UTF-8 locale, the zoomed quotes pane, `--sort`, and `q` going back a level.
final class PolishEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        guard Tmux.available else { throw XCTestError(.failureWhileWaiting, userInfo: ["reason": "tmux is not installed (.ci/run installs it)"]) }
    }

    func testProblemsChecksEveryFileOnTheWorker() throws {
        var files: [String: String] = ["zz-good.txt": "A good headline\nIts standfirst.\nA paragraph.\n"]
        for i in 0..<40 { files[String(format: "bin%02d.txt", i)] = "\u{0}\u{1}\u{2}binary \(i)\u{0}" }
        let tmux = try Tmux(arguments: [try Fixtures.folder(files).path], width: 100, height: 20)
        let first = try tmux.waitFor(text: "+ unreadable (!)")
        XCTAssertFalse(first.contains { $0.contains(" 40 unreadable") }, "only the rows on screen were read")
        try tmux.send("!")
        try tmux.waitFor(text: "Unreadable files (40)")
        try tmux.send("Escape")
        try tmux.waitFor(text: " 40 unreadable (!)")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testWithoutAUTF8LocaleTextIsTransliterated() throws {
        let tmux = try Tmux(arguments: [Fixtures.samples.path], width: 120, height: 40, environment: ["LANG": "C", "LC_ALL": "C"])
        try tmux.waitFor(text: "1/6")
        try tmux.send("Down")
        let screen = try tmux.waitFor(text: "GBP14m")
        let text = screen.joined(separator: "\n")
        XCTAssertTrue(text.contains("\"People do not drive"), "quote marks, not ?:\n\(text)")
        XCTAssertFalse(text.contains("?14m"))
        try tmux.send("?")
        try tmux.waitFor(text: "Down j")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testTheZoomedQuotesPaneMovesAndOpensAtTheQuote() throws {
        let tmux = try Tmux(arguments: [Fixtures.samples.path], width: 120, height: 40)
        try tmux.waitFor(text: "1/6")
        try tmux.send("Down")
        try tmux.waitFor(text: "2/6")
        try tmux.send("Tab", "Tab", "j", "z")
        try tmux.waitFor("the quotes alone, one marked") { rows in
            !rows.contains { $0.contains("│") } && rows.contains { $0.hasPrefix("▶") }
        }
        try tmux.send("j")
        try tmux.waitFor(text: "▶ “The bridge has a memory”")
        try tmux.send("Enter")
        let reading = try tmux.waitFor(text: "reading")
        XCTAssertTrue(reading.contains { $0.contains("┃ The bridge has a memory") }, reading.joined(separator: "\n"))
        XCTAssertFalse(reading.contains { $0.contains(" 0%") }, "not at the top")
        // q: back to the panes, then quit.
        try tmux.send("q")
        try tmux.waitFor("the panes again") { $0.contains { $0.contains("│") } }
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testSortNewestFromTheCommandLine() throws {
        let dir = try Fixtures.folder(["a.txt": "Alpha old\nS.\nB.\n", "b.txt": "Bravo newest\nS.\nB.\n", "c.txt": "Charlie middle\nS.\nB.\n"])
        for (name, age) in [("a.txt", 300_000.0), ("b.txt", 100.0), ("c.txt", 200_000.0)] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -age)], ofItemAtPath: dir.appendingPathComponent(name).path)
        }
        let tmux = try Tmux(arguments: ["--sort", "newest", dir.path], width: 100, height: 10)
        let rows = try tmux.waitFor(text: "Charlie middle")
        let order = ["Bravo newest", "Charlie middle", "Alpha old"].map { name in rows.firstIndex { $0.contains(name) } ?? -1 }
        XCTAssertEqual(order, order.sorted(), "newest first:\n\(rows.joined(separator: "\n"))")
        XCTAssertFalse(order.contains(-1))
        try tmux.send("o")
        try tmux.waitFor(text: "Sorted longest first")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
