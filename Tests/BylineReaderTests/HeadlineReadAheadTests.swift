import BylineCanvas
import BylineModel
@testable import BylineReader
import BylineTestSupport
import Testing

/// Issue 17: a move through the list line by line asks for headlines a page at a time (the
/// rows on screen and a page either side), not one row per key; start-up asks only for the
/// rows on screen.
@Suite struct HeadlineReadAheadTests {
    private static func headlineLoads(_ effects: [Effect]) -> [[ArticleID]] {
        effects.compactMap { if case .loadHeadlines(let ids) = $0 { return ids } else { return nil } }
    }

    /// Answers the loads as a worker would.
    private static func answer(_ loads: [[ArticleID]], _ state: inout ReaderState) {
        for ids in loads {
            for id in ids { _ = state.library.readHeadline(id) }
            _ = update(&state, .headlinesLoaded(ids))
        }
    }

    @Test func aLineByLineMoveReadsHeadlinesAPageAtATime() throws {
        var files: [String: String] = [:]
        for n in 0..<200 { files[String(format: "%03d.txt", n)] = "Headline \(n)\nStandfirst.\nText.\n" }
        let dir = try Fixtures.folder(files)
        var state = ReaderState(library: try Library(folder: dir.path), size: Size(width: 120, height: 20))
        let start = Self.headlineLoads(update(&state, .start))
        #expect(start.count == 1, "start-up: the rows on screen only")
        let capacity = state.visibleRows.count
        #expect(start.first?.count == capacity)
        Self.answer(start, &state)
        #expect(Self.headlineLoads(update(&state, .moveDown)).isEmpty, "a move that does not scroll reads nothing ahead")
        #expect(Self.headlineLoads(update(&state, .toggleHelp)).isEmpty)
        _ = update(&state, .toggleHelp)
        state.zoomed = true  // the list alone: no article parsed ahead
        var asked = 0, loads = 0
        var waited = 0
        for _ in 0..<120 {
            let effects = update(&state, .moveDown)
            if state.awaitingVisible { waited += 1 }
            let found = Self.headlineLoads(effects)
            loads += found.count
            asked += found.reduce(0) { $0 + $1.count }
            Self.answer(found, &state)
            for row in state.visibleRows { #expect(state.hasHeadline(state.rows[row])) }
        }
        let scrolled = state.visibleRows.lowerBound
        #expect(scrolled > 60)
        #expect(loads <= scrolled / (capacity / 2) + 2, "about one load a page, not one a row (\(loads) loads)")
        #expect(asked <= scrolled + 2 * capacity, "each headline asked for once (\(asked))")
        #expect(waited <= 1, "the frame seldom waits for a headline")
    }
}
