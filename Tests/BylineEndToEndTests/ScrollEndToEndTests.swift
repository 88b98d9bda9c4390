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

    func testLinesScrolledOneByOneEqualARedrawFromScratch() throws {
        let folder = try Fixtures.folder(["001_long.txt": longArticle()])
        let tmux = try Tmux(arguments: [folder.path], width: 100, height: 24)
        try tmux.waitFor(text: "1/1")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Paragraph 1 begins")
        try tmux.send("z")
        try tmux.waitFor(text: "reading")
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
}
