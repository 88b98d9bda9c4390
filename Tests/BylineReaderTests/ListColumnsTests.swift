import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// What the list's rows show besides the headline: reading times (issue 12 #6) and more when
/// there is room.
final class ListColumnsTests: XCTestCase {
    private func row(_ canvas: Canvas, _ y: Int) -> String { canvas.text.components(separatedBy: "\n")[y] }

    // MARK: - #6 Estimates look like estimates

    func testAnEstimatedReadingTimeIsMarkedUntilTheArticleIsParsed() throws {
        var state = try ReaderFixtures.state(Size(width: 100, height: 8))
        state.send(.toggleZoom)  // the index: headlines only, nothing parsed
        let harbour = state.rows[1]
        XCTAssertNil(state.library.cachedArticle(harbour))
        guard case .estimate(let guess) = state.library.readingTime(harbour) else { return XCTFail("not an estimate") }
        XCTAssertTrue(row(Screen().render(state), 1).hasSuffix("~\(guess)m"), row(Screen().render(state), 1))
        state.send([.moveDown, .focusForward, .focusBack])
        guard case .exact(let minutes) = state.library.readingTime(harbour) else { return XCTFail("not parsed") }
        let shown = row(Screen().render(state), 1)
        XCTAssertTrue(shown.hasSuffix(" \(minutes)m"), shown)
        XCTAssertFalse(shown.contains("~"))
    }
}

/// The comforts of a daily reader: the list shows the file's date, and with `--recursive` its
/// subfolder, when it has room.
final class ListRoomTests: XCTestCase {
    private func rows(_ state: ReaderState) -> [String] { Screen().render(state).text.components(separatedBy: "\n") }

    func testWideListsShowWhenEachFileWasWritten() throws {
        let state = try ReaderFixtures.state(Size(width: 200, height: 60))
        let screen = rows(state)
        XCTAssertTrue(screen[0].contains("10:00"), "today: the time\n\(screen[0])")
        XCTAssertTrue(screen[1].contains("11 Mar"), "this year: the day\n\(screen[1])")
        XCTAssertTrue(screen[2].contains("Dec 2023"), "before: month and year\n\(screen[2])")
        let narrow = rows(try ReaderFixtures.state(Size(width: 120, height: 40)))
        XCTAssertFalse(narrow[1].contains("11 Mar"), "no room at 120 columns beside the body")
        var widened = try ReaderFixtures.state(Size(width: 120, height: 40))
        for _ in 0..<5 { widened.send(.widenList) }
        XCTAssertTrue(rows(widened)[1].contains("11 Mar"), "> makes room")
        var index = try ReaderFixtures.state(Size(width: 200, height: 40))
        index.send(.toggleZoom)
        XCTAssertFalse(rows(index)[1].contains("11 Mar"), "the zoomed index keeps to headline and reading time (bytes per move)")
    }

    func testRecursiveListsShowTheSubfolder() throws {
        let dir = try Fixtures.folder(["top.txt": "Top story\nStandfirst.\nBody.\n"])
        for path in ["world/europe/a.txt", "sport/b.txt"] {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("Story \(path)\nStandfirst.\nBody.\n".utf8).write(to: url)
        }
        var state = ReaderState(library: try Library(folder: dir.path, recursive: true), size: Size(width: 200, height: 10))
        state.send(.start)
        let screen = rows(state)
        XCTAssertTrue(screen.contains { $0.contains("sport/") && $0.contains("Story sport/b.txt") }, screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains { $0.contains("world/europe/") && $0.contains("Story world/europe/a.txt") })
    }

    func testDateLabels() {
        // 2024-03-12 15:00 UTC.
        let now: Int64 = 1_710_255_600
        XCTAssertEqual(ListDate.label(now - 3600, now: now, offset: 0), "14:00")
        XCTAssertEqual(ListDate.label(now - 3600, now: now, offset: 3600), "15:00", "in local time")
        XCTAssertEqual(ListDate.label(now - 86_400 * 40, now: now, offset: 0), "1 Feb", "2024 is a leap year")
        XCTAssertEqual(ListDate.label(now - 86_400 * 400, now: now, offset: 0), "Feb 2023")
        XCTAssertEqual(ListDate.label(0, now: now, offset: 0), "Jan 1970")
    }
}
