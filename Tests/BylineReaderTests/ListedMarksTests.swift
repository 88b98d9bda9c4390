import BylineModel
@testable import BylineReader
import Testing

/// Read marks from the store are kept only for articles in the list: checked against the rows
/// marked by slot in a flat array (a `Set` of every row cost 2.5 M instructions at a start).
@Suite struct ListedMarksTests {
    private func ids(_ slots: [Int32]) -> [ArticleID] { slots.map { ArticleID(slot: $0) } }

    @Test func keepsExactlyTheMarksOfListedArticles() {
        let rows = ids([5, 0, 9, 3])
        let saved = Set(ids([0, 3, 4, 9, 10, 1_000]))
        #expect(ReaderState.listed(saved, in: rows) == Set(ids([0, 3, 9])))
        #expect(ReaderState.listed(saved, in: []) == [])
        #expect(ReaderState.listed([], in: rows) == [])
        #expect(ReaderState.listed(Set(ids([-1])), in: rows) == [])
    }
}
