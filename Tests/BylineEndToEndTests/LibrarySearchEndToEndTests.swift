import BylineTestSupport
import Foundation
import XCTest

/// Issue 14 on the real binary in tmux: `/` in the list searches the library through the index
/// the reader builds in the background, Enter opens a result with its words marked, Esc goes
/// back; `P` lists who is quoted and opens an article at a quote. The index lives beside the
/// state store, so a second run finds it built.
final class LibrarySearchEndToEndTests: XCTestCase {
    override func setUpWithError() throws {
        guard Tmux.available else { throw XCTestError(.failureWhileWaiting, userInfo: ["reason": "tmux is not installed (.ci/run installs it)"]) }
    }

    func testSlashInTheListFindsArticlesAndOpensOneAtTheMatch() throws {
        let state = NSTemporaryDirectory() + "byline-find-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: state) }
        let tmux = try Tmux(arguments: [Fixtures.samples.path], width: 120, height: 30, environment: ["XDG_STATE_HOME": state])
        try tmux.waitFor(text: "1/6")
        try tmux.send("/")
        try tmux.send("-l", "haddock")
        let results = try tmux.waitFor(text: "1 article")
        XCTAssertTrue(results[0].contains("Carrick Sound swing"), results.joined(separator: "\n"))
        XCTAssertTrue(results[1].contains("haddock"), "the line under the headline shows the match:\n\(results.joined(separator: "\n"))")
        // The match is marked in the list (reverse or coloured, never plain).
        let styled = try tmux.styledScreen()
        XCTAssertTrue(styled[1].range(of: "\u{1B}\\[[0-9;]*m haddock|\u{1B}\\[[0-9;]*mhaddock", options: .regularExpression) != nil,
                      styled[1].debugDescription)
        try tmux.send("Enter")
        try tmux.waitFor(text: "1/1 found for /haddock")
        try tmux.send("Tab")
        let article = try tmux.waitFor(text: "match 1/")
        XCTAssertTrue(article.contains { $0.contains("haddock") }, "the article opens at the word:\n\(article.joined(separator: "\n"))")
        // Esc clears the marks, goes back to the results, then to the whole library.
        try tmux.send("Escape")
        try tmux.waitFor("the marks cleared") { !$0.contains { $0.contains("match 1/") } }
        try tmux.send("Escape", "Escape")
        try tmux.waitFor(text: "1/6")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: state + "/byline/index.sqlite3"), "the index is kept beside the state store")
    }

    func testPeopleListsSpeakersAndOpensAnArticleAtAQuote() throws {
        let tmux = try Tmux(arguments: [Fixtures.samples.path], width: 120, height: 30)
        try tmux.waitFor(text: "1/6")
        try tmux.send("P")
        try tmux.waitFor(text: "Ailsa Morrow")
        try tmux.send("-l", "ailsa")
        try tmux.waitFor(text: "1 person")
        try tmux.send("Enter")
        try tmux.waitFor(text: "Quotes by Ailsa Morrow")
        try tmux.send("Down", "Enter")
        let screen = try tmux.waitFor(text: "quote · Ailsa Morrow")
        XCTAssertTrue(screen[0].contains("We are still here"), "the article opens at the quote chosen:\n\(screen.joined(separator: "\n"))")
        try tmux.send("Q")
        XCTAssertEqual(try tmux.waitForExit(), 0)
    }
}
