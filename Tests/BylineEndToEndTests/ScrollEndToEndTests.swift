import BylineTestSupport
import Foundation
import Glibc
import XCTest

/// Scrolling in reading mode on a real terminal (tmux): the reader sends the terminal its
/// scrolls itself, past ncurses' scroll detection, and keeps ncurses' idea of the screen in
/// step. If the two ever parted, lines would show twice, go missing or keep old colours; a
/// redraw (Ctrl-L) from scratch would then show something else.
final class ScrollEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        guard Tmux.available else { throw XCTestError(.failureWhileWaiting, userInfo: ["reason": "tmux is not installed (.ci/run installs it)"]) }
    }

    /// A long article whose every line can be told apart: numbered paragraphs of two or three
    /// lines at 100 columns, blank lines between them (a scroll that brings in nothing to draw).
    private func longArticle() -> String {
        var lines = ["Scrolling test article", "A first paragraph to open the body of the article."]
        for k in 1...80 {
            let words = (0..<(k % 3 == 0 ? 30 : 18)).map { "w\(k)x\($0)" }.joined(separator: " ")
            lines.append("Paragraph \(k) begins here: \(words) and ends \(k).")
        }
        return lines.joined(separator: "\n\n") + "\n"
    }

    /// The reader on the long article, opened (Enter) and in reading mode (z), at 100x24.
    private func longArticleInReadingMode() throws -> Tmux {
        let folder = try Fixtures.folder(["001_long.txt": longArticle()])
        let tmux = try Tmux(arguments: [folder.path], width: 100, height: 24)
        try tmux.waitFor(text: "1/1")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Paragraph 1 begins")
        try tmux.send("z")
        try tmux.waitFor(text: "reading")
        return tmux
    }

    func testLinesScrolledOneByOneEqualARedrawFromScratch() throws {
        let tmux = try longArticleInReadingMode()
        // One key at a time, each waited for: every press is a frame of its own (a scroll of
        // one line), down then back up, then a few at once (scrolls of more lines).
        var screen = try tmux.screen()
        for key in Array(repeating: "j", count: 25) + Array(repeating: "k", count: 9) {
            try tmux.send(key)
            let before = screen
            screen = try tmux.waitFor("the body to move on \(key)") { $0 != before }
        }
        try tmux.send("j", "j", "j")
        usleep(300_000)
        try tmux.send("k", "k")
        usleep(300_000)
        let scrolled = try tmux.styledScreen()
        XCTAssertTrue(scrolled.contains { $0.contains("Paragraph 6 begins") }, "the body scrolled:\n\(scrolled.joined(separator: "\n"))")
        XCTAssertFalse(scrolled.contains { $0.contains("Paragraph 1 begins") }, "the body scrolled:\n\(scrolled.joined(separator: "\n"))")
        // Ctrl-L clears the terminal and draws every cell again.
        try tmux.send("C-l")
        usleep(500_000)
        let redrawn = try tmux.styledScreen()
        XCTAssertEqual(scrolled, redrawn, "what scrolling left on screen differs from the same frame drawn afresh")
        // q leaves reading mode, then quits.
        try tmux.send("q")
        try tmux.waitFor("the panes again") { !$0.contains { $0.contains("reading") } }
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    /// The styled screen, then the same frame drawn afresh (Ctrl-L): equal when what scrolling
    /// left on the terminal is what the reader meant.
    private func expectRedrawUnchanged(_ tmux: Tmux, _ when: String, file: StaticString = #filePath, line: UInt = #line) throws {
        usleep(300_000)
        let shown = try tmux.styledScreen()
        try tmux.send("C-l")
        usleep(500_000)
        let redrawn = try tmux.styledScreen()
        XCTAssertEqual(shown, redrawn, "\(when): what scrolling left on screen differs from the same frame drawn afresh", file: file, line: line)
    }

    /// Whether a row shows the counter `at`/`of` (not as the end of a longer number).
    private func showsCounter(_ rows: [String], _ at: Int, of total: Int) -> Bool {
        rows.contains { row in
            var rest = Substring(row)
            while let range = rest.range(of: "\(at)/\(total)") {
                if range.lowerBound == rest.startIndex || !rest[rest.index(before: range.lowerBound)].isNumber { return true }
                rest = rest[range.upperBound...]
            }
            return false
        }
    }

    /// The zoomed list, a line at a time a hundred lines down (a resize on the way) and a hundred
    /// back up: each move scrolls the list by moving lines past curses, which must leave what
    /// curses believes the terminal shows in step with the terminal.
    func testZoomedListScrolledDownAndUpAcrossAResizeEqualsARedrawFromScratch() throws {
        var files: [String: String] = [:]
        for k in 1...150 {
            files[String(format: "%03d_story.txt", k)] = "Story \(k) of the list, item \(k * 7) in a long index\n\nThe body of story \(k), with some words to read.\n"
        }
        let folder = try Fixtures.folder(files)
        let tmux = try Tmux(arguments: [folder.path], width: 100, height: 30)
        try tmux.waitFor(text: "1/150")
        try tmux.send("z")
        try tmux.waitFor("the list alone") { !$0.contains { $0.contains("│") } }
        var at = 1
        func move(_ key: String, _ times: Int) throws {
            for _ in 0..<times {
                try tmux.send(key)
                at += key == "j" ? 1 : -1
                try tmux.waitFor("\(at)/150 after \(key)") { self.showsCounter($0, at, of: 150) }
            }
        }
        try move("j", 60)
        try expectRedrawUnchanged(tmux, "60 lines down")
        try tmux.resize(width: 84, height: 22)
        try tmux.waitFor("the list at 22 rows") { $0.count <= 23 }
        try move("j", 40)
        try expectRedrawUnchanged(tmux, "100 lines down, resized on the way")
        try move("k", 100)
        try expectRedrawUnchanged(tmux, "back up 100 lines")
        // q unzooms, then quits.
        try tmux.send("q")
        try tmux.waitFor("the panes again") { $0.contains { $0.contains("│") } }
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    /// Reading mode on the long article, down and back up a line at a time with a resize on the
    /// way (the body reflows, the lines moved are of another width).
    func testReadingScrolledAcrossAResizeEqualsARedrawFromScratch() throws {
        let tmux = try longArticleInReadingMode()
        var screen = try tmux.screen()
        func press(_ key: String, _ times: Int) throws {
            for _ in 0..<times {
                try tmux.send(key)
                let before = screen
                screen = try tmux.waitFor("the body to move on \(key)") { $0 != before }
            }
        }
        try press("j", 30)
        try expectRedrawUnchanged(tmux, "30 lines down")
        try tmux.resize(width: 72, height: 18)
        screen = try tmux.waitFor("the body at 72 columns") { $0.count <= 19 }
        try press("j", 20)
        try expectRedrawUnchanged(tmux, "50 lines down, resized on the way")
        try press("k", 35)
        try expectRedrawUnchanged(tmux, "back up 35 lines")
        try tmux.send("q")
        try tmux.waitFor("the list again") { !$0.contains { $0.contains("reading") } }
        // (72 columns show one pane at a time: q goes back from the article to the list first.)
        for _ in 0..<3 where try tmux.exitStatus() == nil {
            try tmux.send("q")
            usleep(500_000)
        }
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
