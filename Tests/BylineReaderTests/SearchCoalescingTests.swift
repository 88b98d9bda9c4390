@testable import BylineReader
import BylineCanvas
import BylineModel
import BylineTestSupport
import XCTest

/// Keys read at once (a pasted query) ask for one library search, the last.
final class SearchCoalescingTests: XCTestCase {
    private func search(_ query: String, _ serial: Int) -> Effect {
        .searchLibrary(LibraryRequest(query: query, offset: 0, limit: 50, serial: serial))
    }

    func testOnlyTheLastSearchOfABatchIsKeptAndEverythingElseInOrder() {
        let effects: [Effect] = [search("h", 1), .loadState, search("ha", 2), .checkFiles, search("harbour", 3), .loadPeople("a")]
        XCTAssertEqual(Effect.latestSearchOnly(effects), [.loadState, .checkFiles, search("harbour", 3), .loadPeople("a")])
    }

    func testABatchWithoutSearchesOrWithOneIsUnchanged() {
        XCTAssertEqual(Effect.latestSearchOnly([.loadState, .checkFiles]), [.loadState, .checkFiles])
        XCTAssertEqual(Effect.latestSearchOnly([search("x", 1)]), [search("x", 1)])
        XCTAssertEqual(Effect.latestSearchOnly([]), [])
    }

    /// Through the run loop: a query whose keys arrive in one read shows the last query's
    /// results (the searches in between are not made, and nothing waits for their answers).
    func testAPastedQueryInOneReadShowsItsResults() throws {
        let library = try ReaderFixtures.library()
        let size = Size(width: 120, height: 30)
        let keys: [TerminalEvent] = [.key(.char("/"))] + "ferry".map { .key(.char($0)) }
        let terminal = TestTerminal(size: size, batches: [keys])
        var state = ReaderState(library: library, size: size)
        let loop = ReaderLoop(terminal: terminal, library: library, backgroundMode: .inline, loadWait: 5)
        XCTAssertEqual(loop.run(&state), .inputClosed)
        XCTAssertEqual(state.librarySearch?.query, "ferry")
        XCTAssertEqual(state.librarySearch?.waiting, false, "the last search was made and answered")
    }
}
