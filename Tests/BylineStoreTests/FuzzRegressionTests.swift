import Testing
@testable import BylineStore

/// Queries the search fuzz target (`Fuzz/run.sh 600 search`) found: whatever is typed or pasted,
/// the answer is hits, none, or one line saying what to type, never an SQLite error.
@Suite("Search index: fuzz findings")
struct SearchFuzzRegressionTests {
    private func paths(_ page: SearchPage) -> [String] { page.hits.map(\.article.path).sorted() }

    @Test("a query of more than 126 words is ranked (each word was an argument of byline_rank)")
    func manyWords() {
        // Found: 300 words gave "too many arguments on function byline_rank" (SQLite takes 127).
        let index = SearchFixture.index()
        let query = Array(repeating: "harbour", count: 300).joined(separator: " ")
        let first = index.search(query, in: SearchFixture.scope)
        #expect(first.problem == nil)
        #expect(paths(first) == ["bridge.txt", "world/train.txt"])
        let second = index.search(query, in: SearchFixture.scope, offset: 1, limit: 10)
        #expect(second.problem == nil)
        #expect(second.hits.map(\.article) == first.hits.dropFirst().map(\.article))
        #expect(SearchReads.weightedPhrases < 127)
    }

    @Test("a query with more than a thousand by: names is searched (SQLite's limit of 1,000 on an expression's depth)")
    func manyNames() {
        // Found: "Expression tree is too large (maximum depth 1000)", the names' conditions being
        // joined as one chain of ANDs.
        let index = SearchFixture.index()
        let names = Array(repeating: "by:Núñez", count: 1_200).joined(separator: " ")
        let byName = index.search(names, in: SearchFixture.scope)
        #expect(byName.problem == nil)
        #expect(paths(byName) == ["bridge.txt", "world/train.txt"])
        let excluding = "harbour " + Array(repeating: "-by:Brennan -by:Ferreira", count: 600).joined(separator: " ")
        let page = index.search(excluding, in: SearchFixture.scope)
        #expect(page.problem == nil)
        #expect(paths(page) == ["world/train.txt"])
    }
}
