import BylineCanvas
import BylineModel
@testable import BylineReader
import BylineTestSupport
import Testing

/// A list move that moves nothing (up at the top, down at the bottom) asks for no frame: the
/// screen would be drawn the same. A move that does move, or one that clears something from
/// the screen, still does.
@Suite struct QuietMoveTests {
    @Test func aMoveThatMovesNothingDrawsNoFrame() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        #expect(state.selectedRow == 0)
        var revision = state.revision
        state.send(.moveUp)
        #expect(state.revision == revision, "up at the top")
        state.send(.top)
        #expect(state.revision == revision)
        state.send(.moveDown)
        #expect(state.selectedRow == 1)
        #expect(state.revision != revision, "a move that moves draws")
        state.send(.bottom)
        revision = state.revision
        state.send(.moveDown)
        #expect(state.revision == revision, "down at the bottom")
        let before = Screen().render(state).text
        state.send(.moveUp)
        #expect(state.revision != revision)
        #expect(Screen().render(state).text != before)
    }

    @Test func aMoveThatClearsSomethingStillDraws() throws {
        var state = try ReaderFixtures.state(Size(width: 120, height: 30))
        state.message = "Sorted by name"
        let revision = state.revision
        state.send(.moveUp)
        #expect(state.message == nil)
        #expect(state.revision != revision, "the message went away")
        // In the body, a line up at its top is not a list move that moved nothing to tell apart.
        state.send(.focusForward)
        let inBody = state.revision
        state.send(.moveUp)
        #expect(state.revision != inBody)
    }
}
