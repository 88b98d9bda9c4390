import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// Issue 12 #2: the unreadable count is honest before every file was looked at ("at least"),
/// and `!` checks every file (on a worker) and lists them all.
final class ProblemCountTests: XCTestCase {
    /// 40 binary files and one good one.
    private func binaryFolder() throws -> URL {
        var files: [String: String] = ["zz-good.txt": "A good headline\nIts standfirst.\nA paragraph.\n"]
        for i in 0..<40 { files[String(format: "bin%02d.txt", i)] = "\u{0}\u{1}\u{2}binary \(i)\u{0}" }
        return try Fixtures.folder(files)
    }

    private func status(_ state: ReaderState) -> String {
        Screen().render(state).text.components(separatedBy: "\n").last ?? ""
    }

    func testTheCountSaysAtLeastUntilEveryFileWasChecked() throws {
        var state = ReaderState(library: try Library(folder: try binaryFolder().path), size: Size(width: 100, height: 20))
        state.send(.start)
        let known = state.library.problemCount
        XCTAssertGreaterThan(known, 0)
        XCTAssertLessThan(known, 40, "precondition: only the rows on screen were read")
        XCTAssertTrue(status(state).contains("\(known)+ unreadable"), status(state))
    }

    func testProblemsChecksEveryFileAndListsThemAll() throws {
        var state = ReaderState(library: try Library(folder: try binaryFolder().path), size: Size(width: 100, height: 20))
        state.send(.start)
        let effects = state.send(.toggleProblems)
        XCTAssertEqual(effects, [.checkFiles], "the check runs on a worker")
        XCTAssertEqual(state.library.problemCount, 40)
        XCTAssertEqual(state.library.uncheckedCount, 0)
        let overlay = OverlayPane().lines(state).lines.map(\.0)
        XCTAssertEqual(overlay.filter { $0.contains("binary file") }.count, 40, "every unreadable file is listed")
        XCTAssertTrue(status(state).contains(" 40 unreadable (!)"), status(state))
        XCTAssertFalse(status(state).contains("+ unreadable"))
        // Opening it again finds nothing left to check.
        state.send(.closeOverlay)
        XCTAssertEqual(state.send(.toggleProblems), [])
    }

    func testTheCheckIsNotOnTheFirstFramesPath() throws {
        var state = ReaderState(library: try Library(folder: try binaryFolder().path), size: Size(width: 100, height: 20))
        let effects = state.send(.start)
        XCTAssertFalse(effects.contains(.checkFiles), "start reads only what the screen shows")
        XCTAssertGreaterThan(state.library.uncheckedCount, 0)
    }

    func testACheckedFileThatChangesIsCheckedAgain() throws {
        let dir = try binaryFolder()
        let library = try Library(folder: dir.path)
        var state = ReaderState(library: library, size: Size(width: 100, height: 20))
        state.send([.start, .toggleProblems])
        XCTAssertEqual(library.uncheckedCount, 0)
        let path = dir.appendingPathComponent("bin30.txt").path  // off screen
        try Data("Now readable\nStandfirst.\nBody.\n".utf8).write(to: URL(fileURLWithPath: path))
        state.send(.folderChanged(FolderChange(present: [path])))
        XCTAssertEqual(library.uncheckedCount, 1)
        XCTAssertEqual(library.problemCount, 39)
    }
}
