import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import Foundation
import XCTest

/// The folder changes while the reader is open: `update` keeps the selection, the list's scroll
/// and the reading position on the same articles, by identity.
final class LiveFolderUpdateTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        var files: [String: String] = [:]
        for i in stride(from: 10, through: 90, by: 10) {
            files[String(format: "%03d.txt", i)] = "Article \(i)\nBody of article \(i).\n"
        }
        files["050.txt"] = ReaderFixtures.harbour
        dir = try Fixtures.folder(files)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }

    private func state(_ size: Size = Size(width: 120, height: 8)) throws -> ReaderState {
        var state = ReaderState(library: try Library(folder: dir.path), size: size)
        state.send(.start)
        return state
    }

    private func headline(_ state: ReaderState) -> String? { state.selection.flatMap { state.headline(of: $0) } }

    func testRowsArrivingAboveKeepTheSelectionAndTheScrollOnTheSameArticles() throws {
        var state = try state()
        state.send(Array(repeating: .moveDown, count: 7))
        XCTAssertEqual(headline(state), "Article 80")
        let top = state.rows[state.listTop]
        try write("Article 5\nBody.\n", "005.txt")
        try write("Article 15\nBody.\n", "015.txt")
        state.send(.folderChanged(FolderChange(present: [path("005.txt"), path("015.txt")])))
        XCTAssertEqual(headline(state), "Article 80", "the same article stays selected")
        XCTAssertEqual(state.selectedRow, 9, "two rows above it")
        XCTAssertEqual(state.rows[state.listTop], top, "the list shows the same article on top")
        XCTAssertEqual(state.fresh.count, 2)
        XCTAssertTrue(Screen().render(state).text.contains("+2 new"))
        // The new rows are seen once they are on screen when a key is pressed.
        state.send(.top)
        state.send(.moveDown)
        XCTAssertTrue(state.fresh.isEmpty)
    }

    func testRowsRemovedAboveKeepTheSelection() throws {
        var state = try state()
        state.send(Array(repeating: .moveDown, count: 5))
        XCTAssertEqual(headline(state), "Article 60")
        try FileManager.default.removeItem(atPath: path("010.txt"))
        try FileManager.default.removeItem(atPath: path("020.txt"))
        state.send(.folderChanged(FolderChange(gone: [path("010.txt"), path("020.txt")])))
        XCTAssertEqual(headline(state), "Article 60")
        XCTAssertEqual(state.selectedRow, 3)
        XCTAssertEqual(state.rows.count, 7)
    }

    func testTheSelectedArticleDeletedStaysMarkedUntilTheUserMovesAway() throws {
        var state = try state(Size(width: 120, height: 30))
        state.send([.moveDown, .moveDown, .moveDown, .moveDown, .focusForward])
        XCTAssertEqual(state.article?.headline, "Harbour bridge opens after a decade of delay")
        try FileManager.default.removeItem(atPath: path("050.txt"))
        state.send(.folderChanged(FolderChange(gone: [path("050.txt")])))
        XCTAssertEqual(state.rows.count, 9, "still listed while selected")
        XCTAssertEqual(state.article?.headline, "Harbour bridge opens after a decade of delay", "still readable")
        let screen = Screen().render(state).text
        XCTAssertTrue(screen.contains("Deleted from the folder"), screen)
        XCTAssertTrue(screen.contains("× Harbour bridge"), "marked in the list:\n\(screen)")
        state.send(.moveDown)
        XCTAssertTrue(state.body!.lines.count > 0)
        state.send(.focusBack)
        state.send(.moveDown)
        XCTAssertEqual(state.rows.count, 8, "gone once the user moved away")
        XCTAssertEqual(headline(state), "Article 60")
        XCTAssertEqual(state.library.problemCount, 0, "a deleted file is not a problem")
    }

    func testARewrittenArticleOnScreenReloadsInPlaceAtTheSameText() throws {
        var state = try state(Size(width: 120, height: 30))
        state.send([.moveDown, .moveDown, .moveDown, .moveDown, .focusForward, .nextCrosshead])
        let topText = try XCTUnwrap(state.body?.lines[state.bodyTop].spans.first?.text)
        XCTAssertEqual(topText, "THE COST OF DELAY")
        // Two paragraphs are added at the start: the same text stays on top.
        let rewritten = ReaderFixtures.harbour.replacingOccurrences(
            of: "Ada Brennan said:", with: "A new first paragraph.\nAnother new one.\nAda Brennan said:")
        try write(rewritten, "050.txt")
        let effects = state.send(.folderChanged(FolderChange(present: [path("050.txt")])))
        XCTAssertTrue(effects.contains { if case .loadArticle = $0 { return true } else { return false } })
        XCTAssertTrue(state.article?.blocks.contains { $0.text == "A new first paragraph." } == true, "the new text is read")
        XCTAssertEqual(state.body?.lines[state.bodyTop].spans.first?.text, "THE COST OF DELAY")
    }

    func testTheShownArticleWaitsForItsParseWithoutReadingFiles() throws {
        var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: 120, height: 30))
        let effects = update(&state, .start)
        XCTAssertNil(state.article, "update reads nothing itself")
        XCTAssertTrue(state.awaitingVisible)
        XCTAssertTrue(effects.contains(.loadArticle(state.rows[0])))
        XCTAssertTrue(effects.contains { if case .loadHeadlines(let ids) = $0 { return ids.count == 9 } else { return false } })
        XCTAssertTrue(Screen().render(state).text.contains("Loading…"))
        XCTAssertTrue(Screen().render(state).text.contains("010"), "rows show the file name until the headline is read")
    }
}
