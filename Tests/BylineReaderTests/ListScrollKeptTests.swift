import BylineCanvas
import BylineModel
import BylineTestSupport
import Foundation
import XCTest
@testable import BylineReader

/// The zoomed list scrolled a line at a time finds the rows the frame before drew on the canvas
/// a line away, under their tags, and copies them (``Canvas/copyRows(_:to:count:)``) instead of
/// placing them from its cache: a row whose article changed in between (a headline read or
/// written anew, a read mark, a file gone) must be drawn as a fresh screen draws it, not moved.
final class ListScrollKeptTests: XCTestCase {
    private var dir: URL!

    override func tearDown() {
        if let dir { try? FileManager.default.removeItem(at: dir) }
        super.tearDown()
    }

    /// A zoomed list of `count` articles at 60x8 (seven rows, the status line), every headline
    /// read but those of `unread`.
    private func zoomedList(_ count: Int = 30, unread: Set<Int> = []) throws -> ReaderState {
        var files: [String: String] = [:]
        for i in 0..<count { files[String(format: "%03d.txt", i)] = "Headline \(i) of the scrolled list\n\nBody \(i).\n" }
        dir = try Fixtures.folder(files)
        var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: 60, height: 8))
        state.now = ReaderFixtures.now
        state.utcOffset = 0
        state.send(.start)
        state.send(.toggleZoom)
        for (row, id) in state.rows.ids.enumerated() where !unread.contains(row) { _ = state.library.readHeadline(id) }
        return state
    }

    /// Draws `state` with `screen` into `canvas` and checks it against a fresh screen's frame.
    private func check(_ screen: Screen, _ state: ReaderState, _ canvas: inout Canvas, _ what: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        screen.render(state, into: &canvas)
        let fresh = Screen().render(state)
        XCTAssertEqual(canvas, fresh, "\(what):\n\(canvas.text)\n--- fresh:\n\(fresh.text)", file: file, line: line)
    }

    private func path(_ state: ReaderState, row: Int) -> String { state.library.path(of: state.rows[row]) }

    func testAListScrolledDownAndUpALineAtATimeDrawsWhatAFreshScreenDraws() throws {
        var state = try zoomedList()
        let screen = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        check(screen, state, &canvas, "start")
        for step in 0..<20 {
            state.send(.moveDown)
            check(screen, state, &canvas, "down \(step)")
        }
        XCTAssertGreaterThan(state.listTop, 10, "precondition: the list scrolled")
        for step in 0..<20 {
            state.send(.moveUp)
            check(screen, state, &canvas, "up \(step)")
        }
    }

    /// The rows moved come from the canvas under their tags (a row put there under a kept
    /// row's tag moves with the tag): the path this file's other tests check is the one taken.
    func testARowScrolledIsCopiedFromTheCanvasUnderItsTag() throws {
        var state = try zoomedList()
        let screen = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        for _ in 0..<7 { state.send(.moveDown) }
        screen.render(state, into: &canvas)
        let tag = canvas.tag(row: 3)
        XCTAssertNotEqual(tag, 0, "precondition: the row is kept under a tag")
        // Row 3's cells changed behind the list's back, its tag left as it was.
        canvas.put("MARKER", x: 10, y: 3, role: .listUnread)
        canvas.setTag(tag, row: 3)
        state.send(.moveDown)
        screen.render(state, into: &canvas)
        XCTAssertTrue(canvas.lines()[2].contains("MARKER"), "the row moved up a line with its tag:\n\(canvas.text)")
        XCTAssertEqual(canvas.tag(row: 2), tag)
    }

    /// A row whose headline is not known (its file changed) shows the file's name, and the
    /// headline once it is read: as the list scrolls both ways.
    func testAHeadlineReadWhileTheListScrollsIsDrawn() throws {
        var state = try zoomedList()
        let screen = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        for _ in 0..<7 { state.send(.moveDown) }
        check(screen, state, &canvas, "before")
        for row in [3, 5] {
            try Data("Headline \(row) read again\n\nIts body.\n".utf8).write(to: URL(fileURLWithPath: path(state, row: row)))
            state.library.invalidate(state.rows[row])
        }
        check(screen, state, &canvas, "headlines not known")
        _ = state.library.readHeadline(state.rows[5])
        state.send(.moveDown)
        check(screen, state, &canvas, "a headline read as the list scrolled")
        XCTAssertTrue(canvas.text.contains("Headline 5 read again"), canvas.text)
        _ = state.library.readHeadline(state.rows[3])
        for _ in 0..<7 { state.send(.moveUp) }
        check(screen, state, &canvas, "a headline read as the list scrolled back")
        XCTAssertTrue(canvas.text.contains("Headline 3 read again"), canvas.text)
    }

    func testAHeadlineWrittenAnewWhileTheListScrollsIsDrawn() throws {
        var state = try zoomedList()
        let screen = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        for _ in 0..<7 { state.send(.moveDown) }
        check(screen, state, &canvas, "before")
        let id = state.rows[4]
        try Data("A headline written anew\n\nIts body.\n".utf8).write(to: URL(fileURLWithPath: path(state, row: 4)))
        state.library.invalidate(id)
        _ = state.library.readHeadline(id)
        state.send(.moveDown)
        check(screen, state, &canvas, "a headline written anew as the list scrolled")
        XCTAssertTrue(canvas.text.contains("A headline written anew"), canvas.text)
        XCTAssertFalse(canvas.text.contains("Headline 4 "), canvas.text)
    }

    func testAReadMarkChangedWhileTheListScrollsIsDrawn() throws {
        var state = try zoomedList()
        let screen = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        for _ in 0..<7 { state.send(.moveDown) }
        check(screen, state, &canvas, "before")
        state.read.insert(state.rows[3])
        state.send(.moveDown)
        check(screen, state, &canvas, "a row read as the list scrolled down")
        state.read.remove(state.rows[3])
        state.read.insert(state.rows[5])
        state.send(.moveDown)
        check(screen, state, &canvas, "read marks changed as the list scrolled down")
        state.send(.markAllRead)
        for _ in 0..<8 { state.send(.moveUp) }
        check(screen, state, &canvas, "all read, the list scrolled up")
    }

    func testARowGoneWhileTheListScrollsIsDrawn() throws {
        var state = try zoomedList()
        let screen = Screen()
        var canvas = Canvas(size: Size(width: 1, height: 1))
        for _ in 0..<7 { state.send(.moveDown) }
        check(screen, state, &canvas, "before")
        // A row in the middle goes: the rows below it come up a line, those above stay.
        let gone = path(state, row: 4)
        try FileManager.default.removeItem(atPath: gone)
        state.send(.folderChanged(FolderChange(gone: [gone])))
        check(screen, state, &canvas, "a row gone")
        XCTAssertFalse(canvas.text.contains("Headline 4 "), canvas.text)
        let next = path(state, row: 6)
        try FileManager.default.removeItem(atPath: next)
        state.send(.folderChanged(FolderChange(gone: [next])))
        state.send(.moveDown)
        check(screen, state, &canvas, "a row gone as the selection moved")
        state.send(.moveDown)
        check(screen, state, &canvas, "and onto the last row")
        // A row gone and the list scrolled two lines in one frame: the rows above the gone one
        // moved up two lines, those below three (found on the canvas, or in the cache, each
        // checked under its own tag).
        XCTAssertEqual(state.selectedRow - state.listTop, 6, "precondition: the selection on the last row")
        let above = path(state, row: state.listTop + 2)
        try FileManager.default.removeItem(atPath: above)
        state.send(.folderChanged(FolderChange(gone: [above])))
        state.send(.moveDown)
        state.send(.moveDown)
        check(screen, state, &canvas, "a row gone and the list scrolled two lines")
        state.send(.moveDown)
        check(screen, state, &canvas, "and a line more")
        // The selected row's file gone: its row is marked, not dropped.
        let selected = path(state, row: state.selectedRow)
        try FileManager.default.removeItem(atPath: selected)
        state.send(.folderChanged(FolderChange(gone: [selected])))
        check(screen, state, &canvas, "the selected row's file gone")
        state.send(.moveUp)
        check(screen, state, &canvas, "moved off the row gone")
    }
}
