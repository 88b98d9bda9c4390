import BylineTestSupport
import Foundation
import Glibc
import XCTest

/// The real binary in a private tmux server, used as a person would use it.
final class ReaderEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        guard Tmux.available else { throw XCTestError(.failureWhileWaiting, userInfo: ["reason": "tmux is not installed (.ci/run installs it)"]) }
    }

    private func fixtureFolder() throws -> URL {
        let seed = try String(contentsOf: Fixtures.samples.appendingPathComponent("000_db09bf8f9e96a4f5.txt"), encoding: .utf8)
        return try Fixtures.folder([
            "000_db09bf8f9e96a4f5.txt": seed,
            "001_harbour.txt": ReaderFixtures.harbour,
            "002_wide.txt": ReaderFixtures.wide,
        ])
    }

    func testOpenBrowseJumpToQuoteHelpResizeAndQuit() throws {
        let tmux = try Tmux(arguments: [try fixtureFolder().path], width: 120, height: 40)
        try tmux.waitFor(text: "Inside the final bloody battle")
        try tmux.waitFor(text: "1/3")
        // Moving in the list shows the article in the body at once.
        try tmux.send("Down")
        try tmux.waitFor(text: "2/3")
        try tmux.waitFor(text: "Engineers and residents gathered")
        // `]` scrolls the body to a pull quote below the first screen and marks it in the sidebar.
        let before = try tmux.screen()
        XCTAssertFalse(before.contains { $0.contains("┃ Every winter without it") })
        try tmux.send("]")
        let jumped = try tmux.waitFor(text: "┃ Every winter without it")
        XCTAssertTrue(jumped.contains { $0.contains("▶") }, "the sidebar marks the quote")
        XCTAssertFalse(jumped.contains { $0.contains("Engineers and residents gathered") }, "the body scrolled")
        // The help overlay comes from the key map.
        try tmux.send("?")
        try tmux.waitFor(text: "Next pull quote")
        try tmux.send("Escape")
        try tmux.waitFor("help closed") { !$0.contains { $0.contains("Next pull quote") } }
        // Resize: the reader reflows to the new size.
        try tmux.resize(width: 70, height: 20)
        try tmux.waitFor("one pane at 70 columns") { rows in
            rows.count >= 20 && !rows.contains { $0.contains("│") } && rows.contains { $0.contains("2/3") }
        }
        try tmux.resize(width: 120, height: 40)
        try tmux.waitFor("three panes again") { $0.contains { $0.contains("Quotes") } }
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testZoomedListThenFullWidthReadingAndBack() throws {
        let tmux = try Tmux(arguments: [try fixtureFolder().path], width: 100, height: 24)
        try tmux.waitFor(text: "1/3")
        // `z` on the list: a full-width index with whole headlines and no other pane.
        try tmux.send("z")
        try tmux.waitFor("the list alone") { rows in
            !rows.contains { $0.contains("│") } && rows.contains { $0.contains("Harbour bridge opens after a decade of delay") }
        }
        try tmux.send("Down")
        try tmux.waitFor(text: "2/3")
        // Enter reads the article full width; Left comes back to the index.
        try tmux.send("Enter")
        let reading = try tmux.waitFor(text: "reading")
        XCTAssertTrue(reading.contains { $0.contains("Engineers and residents gathered") })
        XCTAssertFalse(reading.contains { $0.contains("│") })
        try tmux.send("Left")
        try tmux.waitFor("the index again") { rows in
            !rows.contains { $0.contains("reading") } && rows.contains { $0.contains("東京の新しい橋 opens") }
        }
        // `z` again: the panes come back.
        try tmux.send("z")
        try tmux.waitFor("two panes") { $0.contains { $0.contains("│") } }
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testWideCharacterArticleKeepsEveryBorderInOneColumn() throws {
        let tmux = try Tmux(arguments: [try fixtureFolder().path], width: 130, height: 24)
        try tmux.waitFor(text: "1/3")
        try tmux.send("Down", "Down")
        let rows = try tmux.waitFor(text: "隅田川の花火")
        // Columns measured with the C library's wcwidth, as the terminal measures them.
        setlocale(LC_ALL, "C.UTF-8")
        var columns: Set<[Int]> = []
        for row in rows.prefix(22) where !row.isEmpty {
            var col = 0
            var borders: [Int] = []
            for scalar in row.unicodeScalars {
                if scalar == "│" { borders.append(col) }
                col += max(0, Int(systemWcwidth(Int32(bitPattern: scalar.value))))
            }
            if !borders.isEmpty { columns.insert(borders) }
        }
        XCTAssertEqual(columns.count, 1, "borders wander between rows: \(columns)")
        XCTAssertEqual(columns.first?.count, 2, "two borders in the three-pane layout")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testNoArgumentOpensBundledSamples() throws {
        let tmux = try Tmux(arguments: [], width: 120, height: 30)
        try tmux.waitFor(text: "Inside the final bloody battle")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }

    func testMissingFolderIsOneLineErrorAndStatus2() throws {
        let tmux = try Tmux(arguments: ["/nonexistent/articles"], width: 100, height: 10)
        XCTAssertEqual(try tmux.waitForExit(), 2)
        let text = try tmux.screen().filter { !$0.isEmpty && !$0.contains(Tmux.exitMarker) }
        XCTAssertEqual(text, ["byline: cannot open folder /nonexistent/articles: No such file or directory"])
    }

    func testFindInTheArticleHighlightsAsYouTypeAndNGoesOn() throws {
        let tmux = try Tmux(arguments: [try fixtureFolder().path], width: 120, height: 30)
        try tmux.waitFor(text: "1/3")
        try tmux.send("Down")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Engineers and residents gathered")
        try tmux.send("/")
        try tmux.waitFor(text: "find in this article")
        try tmux.send("-l", "toll")
        let typed = try tmux.waitFor(text: "/toll")
        XCTAssertTrue(typed.contains { $0.contains("┃ Tolls will end in spring") || $0.contains("\"Tolls will end in spring") }, "scrolled to a match while typing")
        // The match is drawn in another style than the text around it: an SGR sequence starts
        // right before "Toll" (the quote mark before it keeps the paragraph's style).
        let styled = try tmux.styledScreen().filter { $0.contains("Toll") }
        XCTAssertTrue(styled.contains { $0.contains(/"\x{1B}\[[0-9;]*mToll/) }, "\(styled.map(\.debugDescription))")
        try tmux.send("Enter")
        try tmux.waitFor(text: "/toll 1/2")
        try tmux.send("n")
        try tmux.waitFor(text: "/toll 2/2")
        try tmux.send("n")
        try tmux.waitFor(text: "Search wrapped to the top")
        try tmux.send("Escape")
        try tmux.waitFor("search cleared") { !$0.contains { $0.contains("/toll") } }
        try tmux.send("J")
        try tmux.waitFor(text: "3/3")
        try tmux.send("q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}

/// The C library's `wcwidth` (not exported by the Glibc module): the width terminals use.
@_silgen_name("wcwidth")
private func systemWcwidth(_ character: Int32) -> Int32
