import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import XCTest

/// Wrapped lines keep where their text came from, so the reading position survives any width.
final class TextPositionTests: XCTestCase {
    func testEveryLineMapsToItsPositionAndBackAtManyWidths() throws {
        let library = try ReaderFixtures.library()
        let id = library.id(at: 1)
        let article = library.article(id)
        for width in [8, 20, 33, 50, 76] {
            let body = BodyLayout(article: article, id: id, width: width)
            for (i, line) in body.lines.enumerated() where line.source != nil {
                XCTAssertEqual(body.position(atLine: i), line.source)
                XCTAssertEqual(body.line(of: line.source!), i, "width \(width) line \(i): \(body.lines[max(0, i - 1)...min(body.lines.count - 1, i + 1)])")
            }
        }
    }

    func testALineSourceRangeHoldsExactlyItsText() throws {
        let library = try ReaderFixtures.library()
        let id = library.id(at: 1)
        let article = library.article(id)
        let body = BodyLayout(article: article, id: id, width: 31)
        for line in body.lines {
            guard let source = line.source, source.block >= 0, article.blocks[source.block].kind == .paragraph else { continue }
            let text = Array(article.blocks[source.block].text.utf8)
            let slice = String(decoding: text[source.offset..<(source.offset + line.length)], as: UTF8.self)
            XCTAssertEqual(slice, line.spans.map(\.text).joined())
        }
    }

    func testResizingKeepsTheTopLinesTextOnScreen() throws {
        var state = try ReaderFixtures.state(Size(width: 160, height: 30))
        state.send([.moveDown, .focusForward])
        for _ in 0..<23 { state.send(.moveDown) }
        let anchor = state.bodyAnchor
        let text = state.body!.lines[state.bodyTop].spans.map(\.text).joined()
        for size in [Size(width: 90, height: 20), Size(width: 60, height: 40), Size(width: 200, height: 50), Size(width: 160, height: 30)] {
            state.send(.resize(size))
            let body = try XCTUnwrap(state.body)
            let top = body.lines[state.bodyTop]
            let shown = (state.bodyTop..<min(body.lines.count, state.bodyTop + state.bodyHeight)).flatMap { body.lines[$0].spans.map(\.text) }.joined(separator: " ")
            XCTAssertTrue(shown.contains(text.split(separator: " ").prefix(3).joined(separator: " ")),
                          "at \(size) the text that was on top is on screen")
            XCTAssertLessThanOrEqual(top.source!, anchor, "the top line holds the anchor")
        }
        XCTAssertEqual(state.body!.lines[state.bodyTop].spans.map(\.text).joined(), text, "back at the first size, the same top line")
    }
}
