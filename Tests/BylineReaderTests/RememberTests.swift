import BylineCanvas
import BylineModel
import BylineReader
import BylineStore
import BylineTestSupport
import Foundation
import XCTest

/// Read marks, reading positions and where the reader was left, kept in a state store across runs.
final class RememberTests: XCTestCase {
    private var dir: URL!
    private let size = Size(width: 120, height: 24)

    override func setUpWithError() throws {
        dir = try Fixtures.folder([
            "010.txt": "Ten o'clock news\nA short story.\nIt was a quiet day.\n",
            "020.txt": ReaderFixtures.harbour,
            "030.txt": "Thirty seconds of fame\nA short story.\nNothing happened.\n",
            "040.txt": "Forty winks\nA short story.\nEveryone slept.\n",
        ])
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A reader started on the folder with `store`, its saved state taken in.
    private func open(_ store: StateStore, fromTop: Bool = false) throws -> ReaderState {
        var state = ReaderState(library: try Library(folder: dir.path), size: size, fromTop: fromTop)
        state.send(.start, store: store)
        return state
    }

    private func headline(_ state: ReaderState) -> String? { state.selection.flatMap { state.headline(of: $0) } }

    func testMarksPositionsAndTheLastArticleComeBack() throws {
        let store = StateStore.inMemory()
        var first = try open(store)
        XCTAssertTrue(first.stateLoaded)
        first.send([.moveDown, .focusForward, .nextCrosshead], store: store)
        let top = try XCTUnwrap(first.body?.lines[first.bodyTop].spans.first?.text)
        XCTAssertEqual(top, "THE COST OF DELAY")
        first.send(.quit, store: store)
        XCTAssertEqual(store.load(library: StateStore.libraryKey(for: dir.path)).read, ["020.txt"])

        let second = try open(store)
        XCTAssertEqual(headline(second), "Harbour bridge opens after a decade of delay", "reopened on the article left")
        XCTAssertEqual(second.read, [second.library.id(at: 1)])
        XCTAssertEqual(second.body?.lines[second.bodyTop].spans.first?.text, "THE COST OF DELAY", "at the same place")
        XCTAssertTrue(Screen().render(second).text.contains("3 unread"))

        // A position is kept per article, at any width.
        var narrow = ReaderState(library: try Library(folder: dir.path), size: Size(width: 70, height: 30))
        narrow.send(.start, store: store)
        narrow.send(.focusForward, store: store)
        XCTAssertEqual(narrow.body?.lines[narrow.bodyTop].spans.first?.text, "THE COST OF DELAY")

        let fresh = try open(store, fromTop: true)
        XCTAssertEqual(fresh.selectedRow, 0, "--from-top starts at the top")
    }

    func testLeavingAnArticleAtItsTopForgetsItsPosition() throws {
        let store = StateStore.inMemory()
        var state = try open(store)
        state.send([.moveDown, .focusForward, .pageDown, .focusBack, .moveDown], store: store)
        let key = StateStore.libraryKey(for: dir.path)
        XCTAssertNotNil(store.load(library: key).positions["020.txt"])
        state.send([.moveUp, .focusForward, .top, .focusBack, .moveDown], store: store)
        XCTAssertNil(store.load(library: key).positions["020.txt"], "read to the top again: nothing to keep")
    }

    func testMTogglesAndUMovesToUnreadArticles() throws {
        let store = StateStore.inMemory()
        var state = try open(store)
        let key = StateStore.libraryKey(for: dir.path)
        state.send(.toggleRead, store: store)
        XCTAssertEqual(state.message, "Marked read")
        XCTAssertEqual(store.load(library: key).read, ["010.txt"])
        state.send(.nextUnread, store: store)
        XCTAssertEqual(state.selectedRow, 1)
        state.send([.toggleRead, .nextUnread], store: store)
        XCTAssertEqual(state.selectedRow, 2, "020 was marked read and is skipped")
        state.send(.previousUnread, store: store)
        XCTAssertEqual(state.message, "No earlier unread articles")
        XCTAssertEqual(state.selectedRow, 2)
        state.send([.moveUp, .toggleRead], store: store)
        XCTAssertEqual(state.message, "Marked unread")
        XCTAssertEqual(store.load(library: key).read, ["010.txt"])
    }

    func testMarkAllAsksFirst() throws {
        let store = StateStore.inMemory()
        var state = try open(store)
        let key = StateStore.libraryKey(for: dir.path)
        state.send(.markAllRead, store: store)
        XCTAssertTrue(Screen().render(state).lines().last!.hasPrefix("Mark 4 unread articles read? (y/n)"))
        state.send(.editPrompt(.insert("n")), store: store)
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.message, "Nothing marked")
        XCTAssertTrue(store.load(library: key).read.isEmpty)
        state.send([.markAllRead, .editPrompt(.insert("y"))], store: store)
        XCTAssertEqual(state.message, "Marked 4 articles read")
        XCTAssertEqual(store.load(library: key).read.count, 4)
        state.send(.markAllRead, store: store)
        XCTAssertEqual(state.message, "Every article here is read")
        XCTAssertNil(state.prompt)
    }

    func testAChangedFileKeepsItsMarkAndItsPositionOnlyIfTheBlockIsStillThere() throws {
        let store = StateStore.inMemory()
        var state = try open(store)
        state.send([.moveDown, .focusForward, .nextCrosshead, .quit], store: store)
        // A paragraph added above: the crosshead is found again by its text.
        let moved = ReaderFixtures.harbour.replacingOccurrences(of: "Ada Brennan said:", with: "A new paragraph.\nAda Brennan said:")
        try Data(moved.utf8).write(to: dir.appendingPathComponent("020.txt"))
        var again = try open(store)
        XCTAssertEqual(again.body?.lines[again.bodyTop].spans.first?.text, "THE COST OF DELAY")
        again.send(.quit, store: store)
        // The crosshead is gone: the article opens at its top, still read.
        try Data(moved.replacingOccurrences(of: "THE COST OF DELAY\n", with: "").utf8).write(to: dir.appendingPathComponent("020.txt"))
        let changed = try open(store)
        XCTAssertEqual(changed.bodyTop, 0)
        XCTAssertTrue(changed.read.contains(changed.library.id(at: 1)))
    }
}
