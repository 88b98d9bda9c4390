import Foundation
import Synchronization
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
    static let articles: [IndexedArticle] = {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        func text(_ count: Int, chance: Int) -> String {
            (0..<count).map { _ in next(100) < chance ? words[next(words.count)] : "filler" }.joined(separator: " ")
        }
        return (0..<1_200).map { n in
            SearchFixture.article("a\(n).txt", headline: text(6, chance: 8), standfirst: text(12, chance: 10),
                                  body: text(120, chance: 25))
        }
    }()

    /// The articles in a temporary index: one connection, which reads the count and the
    /// weights after the headline's matches.
    static let index: SearchIndex = {
        let index = SearchIndex.temporary()
        precondition(index.update(library: SearchFixture.news, put: articles))
        return index
    }()

    static let queries = [
        "alpha", "alpha beta", "alpha beta gamma", "alp*", "\"alpha filler\"", "filler",
        "alpha -head:beta", "filler -\"alpha beta gamma\"", "filler alpha delta zeta",
        "alp* -\"zeta zeta zeta\"", "beta filler", "\"filler filler\" delta",
    ]

    static let pageSize = 5

    @Test("the same page as ranking every match", arguments: queries)
    func samePage(query: String) {
        Self.expectSamePage(Self.index, query)
    }

    /// In an index file the pool's second connection reads the count and the weights while the
    /// first reads the headline's matches: the pages must be those of ranking every match, and
    /// those of the temporary index, scores included.
    @Test("the same pages from an index file, read on two connections at once")
    func samePagesFromFile() throws {
        try Self.withFileIndex { index in
            for query in Self.queries {
                Self.expectSamePage(index, query)
                #expect(index.search(query, in: SearchFixture.scope, limit: Self.pageSize)
                        == Self.index.search(query, in: SearchFixture.scope, limit: Self.pageSize), "\(query)")
            }
        }
    }

    /// Four threads search an index file at once while a fifth writes to it (each write
    /// forgets the phrases' counts, so first pages keep being read on two connections): no
    /// search waits forever for a connection, and each page is the one a lone search gives.
    @Test("searches from several threads at once, beside writes, give the pages a lone search gives")
    func concurrentSearches() throws {
        try Self.withFileIndex(concurrentSearches(in:))
    }

    private func concurrentSearches(in index: SearchIndex) {
        let queries = ["alpha beta", "gamma delta", "alpha beta gamma", "filler zeta", "beta -\"zeta zeta zeta\" epsilon"]
        let expected = queries.map { Self.index.search($0, in: SearchFixture.scope, limit: Self.pageSize) }
        let mismatches = Mutex<[String]>([])
        let unchanged = Self.articles[0]
        DispatchQueue.concurrentPerform(iterations: 5) { thread in
            for round in 0..<12 {
                if thread == 4 {
                    // The same article again (from the same file: nothing changes but the caches).
                    _ = index.update(library: SearchFixture.news, put: [unchanged])
                    continue
                }
                let which = (thread + round) % queries.count
                let page = index.search(queries[which], in: SearchFixture.scope, limit: Self.pageSize)
                if page != expected[which] { mismatches.withLock { $0.append("\(queries[which]) in thread \(thread)") } }
            }
        }
        #expect(mismatches.withLock { $0 } == [])
        #expect(expected.allSatisfy { $0.hits.count == Self.pageSize })
    }

    /// Runs `body` on the articles in an index file of a fresh folder: a pool of two reading
    /// connections, reading aside however busy the machine running the tests is.
    private static func withFileIndex(_ body: (SearchIndex) -> Void) throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        let index = SearchIndex.open(.file(folder.file("index.sqlite3")))
        defer { index.close() }
        index.tallying.always.store(true, ordering: .relaxed)
        #expect(index.path != nil)
        #expect(index.update(library: SearchFixture.news, put: articles))
        body(index)
    }

    private static func expectSamePage(_ index: SearchIndex, _ query: String) {
        let first = index.search(query, in: SearchFixture.scope, limit: pageSize)
        // A page as large as the matches ranks every one of them.
        let all = index.search(query, in: SearchFixture.scope, limit: 1_200)
        #expect(first.total == all.total, "\(query)")
        #expect(first.total > pageSize * 200, "the query must match enough to be narrowed: \(query)")
        #expect(first.hits.map(\.article.path) == all.hits.prefix(pageSize).map(\.article.path), "\(query)")
        #expect(first.hits.map(\.score) == all.hits.prefix(pageSize).map(\.score), "\(query)")
        // The next page, from the whole ranking, follows on.
        let second = index.search(query, in: SearchFixture.scope, offset: pageSize, limit: pageSize)
        #expect(second.hits.map(\.article.path) == all.hits.dropFirst(pageSize).prefix(pageSize).map(\.article.path), "\(query)")
    }

    @Test("matches scored from their column values are ordered as ORDER BY score DESC, rowid")
    func candidatesOrder() {
        var candidates = SearchReads.Candidates(stride: 2)
        func add(_ id: Int64, _ values: [Double]) {
            values.withUnsafeBytes { candidates.append(id, $0) }
        }
        add(7, [10, 0])
        add(3, [0, 10])
        add(5, [10, 0])
        add(9, [1, 1])
        candidates.append(4, UnsafeRawBufferPointer(start: nil, count: 0))   // no hit counted
        // Weights 2 and 1: 7 and 5 tie at 20 (the lower id first), 3 has 10, 9 has 3, 4 nothing.
        let best = candidates.best(5, weights: [2, 1])
        #expect(best?.ids == [5, 7, 3, 9, 4])
        #expect(best?.scores == [20, 20, 10, 3, 0])
        #expect(candidates.best(3, weights: [1, 2])?.ids == [3, 5, 7])
        // Fewer matches than the page: the page cannot come from them.
        #expect(candidates.best(6, weights: [1, 1]) == nil)
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
