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
