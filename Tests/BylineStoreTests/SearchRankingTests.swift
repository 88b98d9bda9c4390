import Testing
@testable import BylineStore

/// The first page of a query with many matches is ranked from a narrower match (those with a
/// phrase in the headline, then in the headline or standfirst) when that gives the same page:
/// it must be the page that ranking every match gives, in the same order, with the same scores.
@Suite("Search index: a first page ranked from fewer matches")
struct SearchRankingTests {
    /// 1,200 articles drawn from six words, so that each query below matches far more than
    /// ``pageSize`` × 200 of them (where narrowing starts); the headline and standfirst hold a
    /// word now and then, the body most words a few times.
    static let index: SearchIndex = {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func text(_ count: Int, chance: Int) -> String {
            (0..<count).map { _ in next(100) < chance ? words[next(words.count)] : "filler" }.joined(separator: " ")
        }
        let articles = (0..<1_200).map { n in
            SearchFixture.article("a\(n).txt", headline: text(6, chance: 8), standfirst: text(12, chance: 10),
                                  body: text(120, chance: 25))
        }
        let index = SearchIndex.temporary()
        precondition(index.update(library: SearchFixture.news, put: articles))
        return index
    }()

    static let pageSize = 5

    @Test("the same page as ranking every match", arguments: [
        "alpha", "alpha beta", "alpha beta gamma", "alp*", "\"alpha filler\"", "filler",
        "alpha -head:beta", "filler -\"alpha beta gamma\"", "filler alpha delta zeta",
    ])
    func samePage(query: String) {
        let index = Self.index
        let first = index.search(query, in: SearchFixture.scope, limit: Self.pageSize)
        // A page as large as the matches ranks every one of them.
        let all = index.search(query, in: SearchFixture.scope, limit: 1_200)
        #expect(first.total == all.total)
        #expect(first.total > Self.pageSize * 200, "the query must match enough to be narrowed")
        #expect(first.hits.map(\.article.path) == all.hits.prefix(Self.pageSize).map(\.article.path))
        #expect(first.hits.map(\.score) == all.hits.prefix(Self.pageSize).map(\.score))
        // The next page, from the whole ranking, follows on.
        let second = index.search(query, in: SearchFixture.scope, offset: Self.pageSize, limit: Self.pageSize)
        #expect(second.hits.map(\.article.path) == all.hits.dropFirst(Self.pageSize).prefix(Self.pageSize).map(\.article.path))
    }

    @Test("a score left out of a narrower match stays below its ceiling")
    func ceilings() {
        // At most: every phrase's standfirst and body hits past counting.
        let weights = [0.5, 2.0]
        let most = weights.map { $0 * (3 * SearchFunctions.saturation(1_000_000) + SearchFunctions.saturation(1_000_000)) }.reduce(0, +)
        #expect(most < SearchFunctions.ceiling(weights: weights, outside: .standfirstAndBody))
        #expect(weights.map { $0 * SearchFunctions.saturation(1_000_000) }.reduce(0, +)
                < SearchFunctions.ceiling(weights: weights, outside: .body))
        // A hit in the headline alone is above the first ceiling for one phrase.
        #expect(10 * SearchFunctions.saturation(1) > SearchFunctions.ceiling(weights: [1], outside: .standfirstAndBody))
    }
}
