import BylineCorpus
@testable import BylineReader
import BylineCanvas
import BylineModel
import BylineTestSupport
import XCTest

/// A body laid out in part (the rest only counted) answers every question as the whole layout
/// does, before and after more of it is laid out.
final class PartialBodyLayoutTests: XCTestCase {
    private static let words = ["harbour", "a", "strike", "Kraków", "東京", "council", "of", "the", "ferry", "spokeswoman",
                                "https://example.com/a/very/long/address/that/is/wider/than/the/measure", "e\u{301}t\u{e9}", "—", "“quoted”"]

    private func text(_ count: Int, _ generator: inout some RandomNumberGenerator) -> String {
        (0..<count).map { _ in Self.words.randomElement(using: &generator)! }.joined(separator: Bool.random(using: &generator) ? " " : "  ")
    }

    private func articles() -> [Article] {
        var generator = SplitMix64(seed: 17)
        var result: [Article] = []
        for n in 0..<12 {
            var blocks: [Block] = []
            for _ in 0..<Int.random(in: 0...14, using: &generator) {
                switch Int.random(in: 0..<8, using: &generator) {
                case 0: blocks.append(Block(kind: .crosshead, text: text(3, &generator)))
                case 1: blocks.append(Block(kind: .pullquote, text: text(12, &generator), attribution: Bool.random(using: &generator) ? "Ann Smith, mayor" : nil))
                case 2: blocks.append(Block(kind: .boilerplate, text: text(20, &generator)))
                default: blocks.append(Block(kind: .paragraph, text: text(Int.random(in: 1...70, using: &generator), &generator)))
                }
            }
            var headline = "Headline \(n) " + text(6, &generator)
            var warnings: [String] = n % 3 == 0 ? ["decoded as Latin-1"] : []
            if n % 4 == 1, blocks.first?.kind == .paragraph {
                headline = "A first line cut short…"
                warnings.append("first line over 200 characters")
            }
            result.append(Article(id: "a\(n)", path: "/a\(n).txt", headline: headline, standfirst: n % 2 == 0 ? text(15, &generator) : nil,
                                  blocks: blocks, quotes: [], warnings: warnings, words: blocks.isEmpty ? 0 : 99,
                                  unreadableReason: n == 11 ? "not text" : nil, source: "https://news.example.com/x", date: "1 Dec 2026"))
        }
        return result
    }

    private func assertSame(_ part: BodyLayout, _ whole: BodyLayout, _ article: Article, _ note: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = whole.lines
        XCTAssertEqual(part.lineCount, lines.count, note, file: file, line: line)
        XCTAssertEqual(part.blockStart, whole.blockStart, note, file: file, line: line)
        XCTAssertEqual(part.lines, lines, note, file: file, line: line)
        XCTAssertEqual(part, whole, note, file: file, line: line)
        for i in lines.indices where part.line(at: i) != lines[i] {
            XCTFail("\(note): line \(i)", file: file, line: line)
        }
        for i in -1...(lines.count + 1) {
            XCTAssertEqual(part.block(atLine: i), whole.block(atLine: i), "\(note): block at \(i)", file: file, line: line)
            XCTAssertEqual(part.position(atLine: i), whole.position(atLine: i), "\(note): position at \(i)", file: file, line: line)
        }
        for b in -2...(article.blocks.count + 1) {
            XCTAssertEqual(part.lineRange(ofBlock: b), whole.lineRange(ofBlock: b), "\(note): range of \(b)", file: file, line: line)
        }
        var positions = [TextPosition.top, TextPosition(block: article.blocks.count + 3, offset: 0)]
        for source in lines.compactMap(\.source) {
            positions += [source, TextPosition(block: source.block, offset: source.offset - 1), TextPosition(block: source.block, offset: source.offset + 1)]
        }
        for b in 0..<article.blocks.count { positions += [TextPosition(block: b, offset: -1), TextPosition(block: b, offset: .max)] }
        for p in positions where part.line(of: p) != whole.line(of: p) {
            XCTFail("\(note): line of \(p)", file: file, line: line)
        }
    }

    func testAPartialLayoutAnswersAsTheWholeOneDoes() {
        for article in articles() {
            for (ascii, unfolded) in [(false, false), (true, false), (false, true)] {
                do {
                    for width in [8, 30, 76] {
                        let whole = BodyLayout(article: article, id: ArticleID(slot: 1), width: width, room: width + 6, ascii: ascii, footersUnfolded: unfolded)
                        XCTAssertTrue(whole.isWhole)
                        for through in [0, 12] {
                            let note = "\(article.id) ascii \(ascii) unfolded \(unfolded) width \(width) through \(through)"
                            var part = BodyLayout(article: article, id: ArticleID(slot: 1), width: width, room: width + 6, ascii: ascii,
                                                  footersUnfolded: unfolded, laidThrough: through)
                            XCTAssertLessThanOrEqual(part.laidCount, whole.lines.count)
                            assertSame(part, whole, article, note)
                            part.lay(through: through + 15)
                            assertSame(part, whole, article, note + " then 15 more")
                            part.lay(through: .max)
                            XCTAssertTrue(part.isWhole, note)
                            assertSame(part, whole, article, note + " then all")
                        }
                    }
                }
            }
        }
    }

    func testALongArticleIsLaidOutOnlyAsFarAsAsked() {
        let paragraphs = (0..<40).map { _ in String(repeating: "council harbour ferry ", count: 20) }
        let article = Article(id: "a", path: "/a.txt", headline: "A headline", standfirst: nil,
                              blocks: paragraphs.map { Block(kind: .paragraph, text: $0) }, quotes: [], warnings: [], words: 2400)
        var part = BodyLayout(article: article, id: ArticleID(slot: 0), width: 60, laidThrough: 30)
        let whole = BodyLayout(article: article, id: ArticleID(slot: 0), width: 60)
        XCTAssertFalse(part.isWhole)
        XCTAssertGreaterThan(part.laidCount, 30)
        XCTAssertLessThan(part.laidCount, 50)
        XCTAssertEqual(part.lineCount, whole.lines.count)
        part.lay(through: 100)
        XCTAssertGreaterThan(part.laidCount, 100)
        XCTAssertFalse(part.isWhole)
    }

    func testTheBodyIsLaidOutInPartWhileTheListHasTheFocusAndWholeOnceItIsRead() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 8))
        var partial = 0
        for _ in 0..<6 {
            state.send(.moveDown)
            let body = try XCTUnwrap(state.body)
            XCTAssertEqual(state.focus, .list)
            XCTAssertGreaterThanOrEqual(body.laidCount, min(body.lineCount, state.bodyTop + state.bodyHeight))
            if !body.isWhole { partial += 1 }
        }
        XCTAssertGreaterThan(partial, 0, "some article longer than the pane")
        state.send(.focusForward)
        XCTAssertEqual(state.body?.isWhole, true)
    }

    func testALineCountIsTheNumberOfSlices() {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<300 {
            let t = text(Int.random(in: 0...60, using: &generator), &generator) + (Bool.random(using: &generator) ? "\tcol\tumn" : "")
            for width in [1, 2, 7, 20, 44, 76] {
                for whole in [width, width + 10] {
                    XCTAssertEqual(WordWrap.lineCount(t, width: width, whole: whole), WordWrap.slices(t, width: width, whole: whole).count, "\(t) \(width)")
                }
            }
        }
    }
}
