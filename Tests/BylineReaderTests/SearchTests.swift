import BylineCanvas
import BylineModel
import BylineReader
import BylineTestSupport
import Foundation
import XCTest

/// Finding text in the shown article: matching rules, typing, `n` / `N`, and the highlights.
final class SearchTests: XCTestCase {
    private func article(_ text: String) -> Article {
        ArticleParser.parse(data: Data(text.utf8), id: "t", path: "/tmp/t.txt")
    }

    private func search(_ query: String, in text: String, unfolded: Bool = false) -> [String] {
        let a = article(text)
        return TextSearch(article: a, unfoldedFooters: unfolded, attributionPrefix: "— ").matches(of: query).map { m in
            let source: String
            if m.block == TextPosition.header {
                source = a.headline + "\n" + (a.standfirst ?? "")
            } else {
                let b = a.blocks[m.block]
                source = b.text + "\n— " + (b.attribution ?? "")
            }
            return String(decoding: Array(source.utf8)[m.range], as: UTF8.self)
        }
    }

    func testSmartCase() {
        let text = "Bridge news\nThe bridge opened.\nA Bridge, a bridge and BRIDGES.\n"
        XCTAssertEqual(search("bridge", in: text), ["Bridge", "bridge", "Bridge", "bridge", "BRIDGE"], "lower case finds every case")
        XCTAssertEqual(search("Bridge", in: text), ["Bridge", "Bridge"], "a capital makes it exact")
    }

    func testAccentsAreIgnoredBothWays() {
        let text = "Café society\nA standfirst about cafes.\nThe cafe and the Café Müller, and Ame\u{301}lie's crème brûlée.\n"
        XCTAssertEqual(search("cafe", in: text), ["Café", "cafe", "cafe", "Café"])
        XCTAssertEqual(search("café", in: text), ["Café", "cafe", "cafe", "Café"])
        XCTAssertEqual(search("muller", in: text), ["Müller"])
        XCTAssertEqual(search("amelie", in: text), ["Ame\u{301}lie"], "a combining accent is part of the match")
        XCTAssertEqual(search("creme brulee", in: text), ["crème brûlée"])
    }

    func testMatchesDoNotOverlap() {
        XCTAssertEqual(search("aa", in: "Head\nStand\naaaa aaa\n"), ["aa", "aa", "aa"])
        XCTAssertEqual(search("ana", in: "Head\nStand\nbananana\n"), ["ana", "ana"])
    }

    func testWhereMatchesAreAndWhatIsLeftOut() {
        let text = "Harbour news\nA standfirst.\n\"We built it,\" said Ada Brennan.\nWe built it\nAda Brennan, engineer\nFollow us on Twitter for more harbour news and subscribe to our newsletter\n"
        XCTAssertEqual(search("brennan", in: text), ["Brennan", "Brennan"], "the paragraph and the pull quote's attribution")
        XCTAssertEqual(search("harbour", in: text), ["Harbour"], "a folded footer is not searched")
        XCTAssertEqual(search("harbour", in: text, unfolded: true), ["Harbour", "harbour"], "an unfolded one is")
        XCTAssertEqual(search("   ", in: text), [])
        XCTAssertEqual(search("built  it", in: text), ["built it", "built it"], "spaces in the query collapse as in the text")
    }

    // MARK: - In the reader

    private func reading() throws -> ReaderState {
        var state = try ReaderFixtures.state(Size(width: 120, height: 24))
        state.send([.moveDown, .focusForward])
        return state
    }

    private func type(_ text: String, _ state: inout ReaderState) {
        for c in text { state.send(.editPrompt(.insert(c))) }
    }

    func testTypingHighlightsAndScrollsToTheFirstMatchAfterTheReadingPosition() throws {
        var state = try reading()
        state.send(.openPrompt(.findInArticle))
        XCTAssertEqual(state.inputMode, .prompt)
        type("tol", &state)
        XCTAssertEqual(state.search?.matches.count, 2, "\"Tolls will end…\" in a paragraph and in its pull quote")
        type("ls", &state)
        let search = try XCTUnwrap(state.search)
        XCTAssertEqual(search.counter, "1/2")
        let first = search.matches[0]
        let line = state.body!.line(of: first.start)
        XCTAssertTrue((state.bodyTop..<(state.bodyTop + state.bodyHeight)).contains(line), "scrolled to the match")
        let canvas = Screen().render(state)
        XCTAssertTrue(canvas.lines().last!.contains("/tolls"), "the prompt shows the query")
        let row = line - state.bodyTop
        let roles = RoleCodes.lines(canvas)[row]
        XCTAssertEqual(roles.filter { $0 == "m" }.count, 5, "the current match, 'Tolls', is set apart:\n\(canvas.lines()[row])\n\(roles)")
        state.send(.submitPrompt)
        XCTAssertEqual(state.inputMode, .normal)
        XCTAssertTrue(Screen().render(state).lines().last!.contains("/tolls 1/2"))
        XCTAssertEqual(state.promptHistory[.findInArticle], ["tolls"])
    }

    func testNextAndPreviousWrapWithANote() throws {
        var state = try reading()
        state.send(.openPrompt(.findInArticle))
        type("council", &state)
        state.send(.submitPrompt)
        let count = try XCTUnwrap(state.search?.matches.count)
        XCTAssertGreaterThan(count, 2)
        for _ in 1..<count { state.send(.nextMatch) }
        XCTAssertEqual(state.search?.current, count - 1)
        XCTAssertNil(state.message)
        state.send(.nextMatch)
        XCTAssertEqual(state.search?.current, 0)
        XCTAssertEqual(state.message, "Search wrapped to the top")
        state.send(.previousMatch)
        XCTAssertEqual(state.search?.current, count - 1)
        XCTAssertEqual(state.message, "Search wrapped to the bottom")
        let match = state.search!.matches[count - 1]
        XCTAssertTrue((state.bodyTop..<(state.bodyTop + state.bodyHeight)).contains(state.body!.line(of: match.start)))
    }

    func testEscWhileTypingGoesBackAndEscAfterClearsTheHighlights() throws {
        var state = try reading()
        state.send(.moveDown)
        let top = state.bodyTop
        state.send(.openPrompt(.findInArticle))
        type("tolls", &state)
        XCTAssertNotEqual(state.bodyTop, top)
        state.send(.cancelPrompt)
        XCTAssertNil(state.search)
        XCTAssertEqual(state.bodyTop, top, "back where the reading was")
        state.send(.openPrompt(.findInArticle))
        type("tolls", &state)
        state.send(.submitPrompt)
        state.send(.focusBack)
        XCTAssertNil(state.search, "the first Esc clears the search")
        XCTAssertEqual(state.focus, .body)
        state.send(.focusBack)
        XCTAssertEqual(state.focus, .list)
    }

    func testNotFoundSaysSoAndTheSearchFollowsToTheNextArticle() throws {
        var state = try reading()
        state.send(.openPrompt(.findInArticle))
        type("zeppelin", &state)
        state.send(.submitPrompt)
        XCTAssertEqual(state.message, "Not found: zeppelin")
        XCTAssertEqual(state.search?.counter, "0/0")
        state.send(.openPrompt(.findInArticle))
        type("opens", &state)
        state.send(.submitPrompt)
        state.send(.nextArticle)
        XCTAssertEqual(state.search?.query, "opens")
        XCTAssertEqual(state.search?.matches.count, 1, "\"東京の新しい橋 opens\" in the next article's headline")
    }

    func testNextMatchWithoutASearchExplains() throws {
        var state = try reading()
        state.send(.nextMatch)
        XCTAssertEqual(state.message, "No search: / finds text in the article")
    }
}
