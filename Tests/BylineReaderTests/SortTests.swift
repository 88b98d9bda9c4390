import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// Issue 12 #17: `o` cycles the list's order (name, newest first, longest first); the stat
/// each file needs runs on a worker, never in `update`.
final class SortTests: XCTestCase {
    /// a: small and old; b: large, in between; c: middle-sized and newest.
    private func folder() throws -> URL {
        let dir = try Fixtures.folder([
            "a.txt": "Alpha\nStandfirst.\nShort.\n",
            "b.txt": "Bravo\nStandfirst.\n" + String(repeating: "A long paragraph of words. ", count: 400) + "\n",
            "c.txt": "Charlie\nStandfirst.\n" + String(repeating: "Words. ", count: 100) + "\n",
        ])
        for (name, age) in [("a.txt", 3_000_000.0), ("b.txt", 2_000_000.0), ("c.txt", 1_000_000.0)] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -age)],
                                                  ofItemAtPath: dir.appendingPathComponent(name).path)
        }
        return dir
    }

    private func names(_ state: ReaderState) -> [String] { state.rows.ids.map { state.library.name(of: $0) } }

    func testOCyclesNameNewestLongestAndKeepsTheSelection() throws {
        var state = ReaderState(library: try Library(folder: try folder().path), size: Size(width: 120, height: 20))
        state.send([.start, .moveDown])
        XCTAssertEqual(KeyMap.standard.action(for: .char("o"), mode: .normal), .cycleSort)
        XCTAssertEqual(names(state), ["a", "b", "c"])
        state.send(.cycleSort)
        XCTAssertEqual(state.sortOrder, .newest)
        XCTAssertEqual(names(state), ["c", "b", "a"])
        XCTAssertEqual(state.library.name(of: try XCTUnwrap(state.selection)), "b", "the selection stays on the same article")
        XCTAssertEqual(state.selectedRow, 1)
        XCTAssertEqual(state.message, "Sorted newest first")
        state.send(.cycleSort)
        XCTAssertEqual(names(state), ["b", "c", "a"], "longest first")
        state.send(.cycleSort)
        XCTAssertEqual(names(state), ["a", "b", "c"], "back to names")
    }

    func testSortingStatsFilesOnAWorkerNotInUpdate() throws {
        var state = ReaderState(library: try Library(folder: try folder().path), size: Size(width: 120, height: 20))
        state.send(.start)
        let effects = update(&state, .cycleSort)
        XCTAssertTrue(effects.contains(.sortRows(.newest, state.rows.ids)), "\(effects)")
        XCTAssertEqual(names(state), ["a", "b", "c"], "nothing moves until the worker answers")
    }

    func testAStartingOrderIsAppliedBeforeTheFirstFrame() throws {
        var state = ReaderState(library: try Library(folder: try folder().path), size: Size(width: 120, height: 20), sort: .newest)
        XCTAssertEqual(state.send(.start).filter { if case .sortRows = $0 { return true } else { return false } }.count, 1)
        XCTAssertEqual(names(state), ["c", "b", "a"])
        XCTAssertEqual(state.selectedRow, 0)
        XCTAssertEqual(state.library.name(of: try XCTUnwrap(state.selection)), "c", "the list starts at its top")
    }

    func testANewArrivalLandsInItsPlaceInTheCurrentOrder() throws {
        let dir = try folder()
        var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: 120, height: 20), sort: .newest)
        state.send(.start)
        let path = dir.appendingPathComponent("0-new.txt").path
        try Data("Delta\nStandfirst.\nBody.\n".utf8).write(to: URL(fileURLWithPath: path))
        state.send(.folderEvents([FolderEvent(.file, path)]))
        XCTAssertEqual(names(state), ["0-new", "c", "b", "a"], "the newest file goes on top, not in name order")
    }
}
