import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// The article's header in the body: warnings (issue 12 #5) and a long headline (#7).
final class ArticleHeaderTests: XCTestCase {
    private func body(_ files: [String: String], width: Int = 80, height: Int = 40) throws -> (ReaderState, [String]) {
        let dir = try Fixtures.folder(files)
        var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: width, height: height))
        state.send([.start, .focusForward])
        let lines = try XCTUnwrap(state.body).lines.map { $0.spans.map(\.text).joined() }
        return (state, lines)
    }

    private func lines(of role: Role, _ state: ReaderState) -> [String] {
        (state.body?.lines ?? []).filter { $0.spans.contains { $0.role == role } }.map { $0.spans.map(\.text).joined() }
    }

    // MARK: - #5 Warnings reach the reader

    func testAnEmptyFileSaysEmpty() throws {
        let (_, lines) = try body(["blank.txt": ""])
        XCTAssertTrue(lines.contains("empty"), "\(lines)")
        XCTAssertFalse(lines.contains { $0.contains("0 words") })
    }

    func testTheModelsWarningsShowInOneDimLineOfTheHeader() throws {
        // Windows-1252 bytes (é as 0xE9) and a body over the 4 MiB cap.
        var latin = Data("Caf".utf8) + Data([0xE9]) + Data(" owners protest\nThe standfirst.\nA paragraph.\n".utf8)
        let dir = try Fixtures.folder([:])
        try latin.write(to: dir.appendingPathComponent("latin.txt"))
        let paragraph = String(repeating: "word ", count: 200) + "\n"
        latin = Data(("Huge file\nIts standfirst.\n" + String(repeating: paragraph, count: 5_300)).utf8)
        try latin.write(to: dir.appendingPathComponent("zhuge.txt"))
        var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: 80, height: 40))
        state.send([.start, .focusForward])
        let article = try XCTUnwrap(state.article)
        XCTAssertFalse(article.warnings.isEmpty)
        let dim = lines(of: .boilerplate, state)
        for warning in article.warnings {
            XCTAssertTrue(dim.joined(separator: " ").contains(warning), "header lacks \(warning): \(dim)")
        }
        state.send(.nextArticle)
        let huge = try XCTUnwrap(state.article)
        XCTAssertTrue(huge.warnings.contains { $0.contains("truncated") })
        XCTAssertTrue(lines(of: .boilerplate, state).joined().contains("truncated"), "the cut is noted")
    }

    func testNoWarningLineForACleanFile() throws {
        let (state, _) = try body(["a.txt": "Headline\nStandfirst here.\nOne paragraph.\n"])
        XCTAssertEqual(lines(of: .boilerplate, state), [])
    }

    // MARK: - #7 A long headline is shown whole

    func testALongHeadlineIsShownWhole() throws {
        let words = (0..<80).map { "word\($0)" }.joined(separator: " ")
        let (state, _) = try body(["long.txt": words + "\nSecond line.\nThird line.\n"])
        let headline = lines(of: .headline, state).joined(separator: " ")
        XCTAssertTrue(headline.hasSuffix("word79"), "every word of the first line is in the headline: \(headline)")
        XCTAssertFalse(headline.contains("…"))
        XCTAssertEqual(headline.split(separator: " ").count, 80)
        // The headline scrolls like the text.
        let body = try XCTUnwrap(state.body)
        XCTAssertGreaterThan(body.lines.prefix { $0.spans.first?.role == .headline }.count, 3)
    }
}

/// The comforts of a daily reader: a URL that fits on a line of its own is never cut, even
/// when it is longer than the measure (it may run into the margin).
final class URLWrapTests: XCTestCase {
    func testURLsThatFitAreNeverCutMidURL() throws {
        let url = "https://www.example.com/news/2024/03/12/harbour-bridge-opens-after-decade-of-delay?ref=rss"
        let text = "Read the council's statement at \(url), or the engineers' report at \(url)#page-4 and tell us."
        let dir = try Fixtures.folder(["a.txt": "Headline\nStandfirst.\n\(text)\nLast.\n"])
        for width in [120, 160] {
            var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: width, height: 40))
            state.send([.start, .focusForward, .toggleZoom])
            XCTAssertEqual(try XCTUnwrap(state.body).width, BodyLayout.maxMeasure, "the URL is longer than the measure")
            let lines = try XCTUnwrap(state.body).lines.map { $0.spans.map(\.text).joined() }
            XCTAssertTrue(lines.contains { $0.contains(url + ",") }, "cut at \(width):\n\(lines.joined(separator: "\n"))")
            XCTAssertTrue(lines.contains { $0.contains(url + "#page-4") })
            let screen = Screen().render(state).text
            XCTAssertTrue(screen.contains(url + ","), "on screen whole at \(width)")
        }
        // A pane too narrow for it: then it is cut, as any word longer than a line.
        var narrow = ReaderState(library: try Library(folder: dir.path), size: Size(width: 60, height: 40))
        narrow.send([.start, .focusForward])
        XCTAssertFalse(try XCTUnwrap(narrow.body).lines.contains { $0.spans.map(\.text).joined().contains(url) })
    }

    func testAURLShorterThanTheLineStaysWhole() {
        let url = "https://example.com/a/b/c-d-e?x=1"
        let lines = WordWrap.wrap("See the story at \(url) for more on this today", width: 36)
        XCTAssertTrue(lines.contains { $0.contains(url) }, "\(lines)")
    }
}
