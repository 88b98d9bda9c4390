import BylineCanvas
import BylineModel
@testable import BylineReader
import BylineStore
import BylineTestSupport
import Foundation
import PropertyBased
import Testing

/// A list move derives the shown article once, in the action's `settle()`, not also in
/// `select(row:)`: that is the same state only because deriving is idempotent. Random walks
/// (those of ``RandomWalkTests``) check that deriving again after any action changes nothing,
/// and that a list move ends where selecting the row with deriving would.
@Suite struct DeriveOnceTests {
    /// What a derive sets, and the screen.
    static func expectSame(_ a: ReaderState, _ b: ReaderState, _ context: String) {
        #expect(a.selection == b.selection && a.selectedRow == b.selectedRow, "selection: \(context)")
        #expect(a.listTop == b.listTop && a.bodyTop == b.bodyTop && a.bodyAnchor == b.bodyAnchor, "scroll: \(context)")
        #expect(a.focus == b.focus, "focus: \(context)")
        #expect(a.articleID == b.articleID && a.article == b.article, "article: \(context)")
        #expect(a.body == b.body && a.sidebar == b.sidebar && a.sidebarEntries == b.sidebarEntries, "layouts: \(context)")
        #expect(a.chosenQuote == b.chosenQuote && a.restoreFor == b.restoreFor, "quote, restore: \(context)")
        #expect(a.outbox == b.outbox && a.read == b.read, "saves: \(context)")
        #expect(Screen().render(a) == Screen().render(b), "screen: \(context)")
    }

    static func walk(_ kinds: [Int], _ w: Int, _ h: Int, _ steps: [(Int, Int)]) {
        guard let (library, dir) = try? RandomWalkTests.library(kinds) else {
            Issue.record("cannot make the library")
            return
        }
        let indexDir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-derive-\(UUID().uuidString)")
        let index = SearchIndexLocation.file(indexDir.appendingPathComponent("index.sqlite3").path)
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: indexDir)
        }
        var state = ReaderState(library: library, size: Size(width: w, height: h), themeNames: ["default", "dark"])
        state.send([.start, .startIndexing], index: index)
        for (op, param) in steps {
            for action in RandomWalkTests.actions(op, param, dir: dir) {
                let context = "after \(action) at \(state.size)"
                if action.isListMove, state.focus == .list, state.overlay == nil, state.prompt == nil, !state.rows.isEmpty {
                    // The move as it was: the row selected and derived at once, then settled.
                    var derivedAtOnce = state
                    let target: Int
                    switch action {
                    case .moveDown: target = state.selectedRow + 1
                    case .moveUp: target = state.selectedRow - 1
                    case .pageDown: target = state.selectedRow + state.page
                    case .pageUp: target = state.selectedRow - state.page
                    case .top: target = 0
                    default: target = state.rows.count - 1
                    }
                    derivedAtOnce.select(row: ReaderState.clamp(target, 0, state.rows.count - 1))
                    _ = derivedAtOnce.settle()
                    var moved = state
                    _ = moved.apply(action)
                    _ = moved.settle()
                    expectSame(moved, derivedAtOnce, "a move derived once, " + context)
                }
                state.send(action, index: index)
                var again = state
                again.deriveShown()
                expectSame(again, state, "derived again " + context)
            }
        }
    }

    @Test func derivingAgainChangesNothing() async throws {
        let walk = zip(Gen.int(in: 0...50), Gen.int(in: 0...30_000)).array(of: 1...150)
        await propertyCheck(count: 20, input: Gen.int(in: 0...6).array(of: 0...7), Gen.int(in: 1...300), Gen.int(in: 1...100), walk) { kinds, w, h, steps in
            Self.walk(kinds, w, h, steps)
        }
    }

    @Test func aZoomedListMoveDerivesLikeASelect() {
        // The case issue 17 measures: the list zoomed at 120x40, moved line by line.
        Self.walk([0, 1, 2, 3, 0, 1, 2, 3, 4, 6, 0, 1], 120, 40, [(16, 0)] + Array(repeating: (1, 0), count: 12) + Array(repeating: (0, 0), count: 5))
    }
}
