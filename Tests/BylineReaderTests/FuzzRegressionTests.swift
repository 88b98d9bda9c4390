import BylineCanvas
import BylineReader
import BylineTestSupport
import Testing

/// What the random walks of the reader (`RandomWalkTests`) found, each shrunk to the few steps
/// that show it.
@Suite("Reader: random walk findings")
struct ReaderWalkRegressionTests {
    @Test("a search in the article typed and then deleted draws the body (it crashed)")
    func findTypedThenDeleted() throws {
        // Found: `/`, a word that matches, then Backspace to an empty query left the matches'
        // index by block pointing at matches no longer there, and drawing the body trapped
        // (index out of range in BodySearch.hits).
        var state = try ReaderFixtures.state(Size(width: 120, height: 24))
        state.send([.moveDown, .focusForward, .find])
        for c in "the" { state.send(.editPrompt(.insert(c))) }
        #expect(state.search?.matches.isEmpty == false)
        for _ in 0..<3 { state.send(.editPrompt(.backspace)) }
        #expect(state.search?.query == "")
        #expect(state.search?.matches.isEmpty == true)
        let canvas = Screen().render(state)
        #expect(canvas.size == state.size)
    }
}
