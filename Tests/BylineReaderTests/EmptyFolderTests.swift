import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// Issue 12 #15: an empty folder whose articles are in subfolders says so.
final class EmptyFolderTests: XCTestCase {
    func testAnEmptyTopFolderCountsTheArticlesInItsSubfolders() throws {
        let dir = try Fixtures.folder([:])
        for path in ["world/a.txt", "world/b.txt", "sport/deeper/c.txt", "sport/notes.md"] {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("Headline\nStandfirst.\nBody.\n".utf8).write(to: url)
        }
        var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: 100, height: 10))
        let effects = state.send(.start)
        XCTAssertTrue(effects.contains(.countSubfolderArticles), "counted on a worker")
        let list = try XCTUnwrap(state.layout.list)
        let canvas = Screen().render(state)
        let shown = (0..<list.height).map { y in (list.x..<list.maxX).map { canvas[x: $0, y: y].text }.joined() }
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        XCTAssertEqual(shown, "No articles here; 3 in subfolders (use --recursive)")
    }

    func testAnEmptyFolderWithoutSubfoldersSaysNoArticles() throws {
        var state = ReaderState(library: try Library(folder: try Fixtures.folder([:]).path), size: Size(width: 100, height: 10))
        state.send(.start)
        let text = Screen().render(state).text
        XCTAssertTrue(text.contains("No articles here."), text)
        XCTAssertFalse(text.contains("subfolders"))
    }
}
