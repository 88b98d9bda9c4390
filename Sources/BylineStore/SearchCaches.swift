import Foundation

/// What searches remember between calls; this process's writes clear it.
final class SearchCaches: Sendable {
    let frequencies = FrequencyCache()
    let rankings = RankingCache()

    func clear() {
        frequencies.clear()
        rankings.clear()
    }
}

/// The order of a query's matches: article ids best first with their scores, and how many.
struct Ranking: Sendable {
    var ids: [Int64] = []
    var scores: [Double] = []
    var total = 0
}

/// What a ranking depends on: the query as run (not as typed) and the scope.
struct RankingKey: Hashable, Sendable {
    var match: String?
    var exclusion: String?
    var speakers: [String]
    var scope: SearchScope

    init(plan: SearchPlan, scope: SearchScope) {
        match = plan.match
        exclusion = plan.exclusion
        speakers = plan.speakers.map { ($0.excluded ? "-" : "+") + $0.match }
        self.scope = scope
    }
}

/// The last full ranking, so that paging through a result list ranks its matches once (100k
/// articles ranked again for each page of 50 would cost about 40 ms a page; a script printing
/// 90,000 hits would wait minutes).
final class RankingCache: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (key: RankingKey, ranking: Ranking)?

    func ranking(for key: RankingKey, _ compute: () throws -> Ranking) rethrows -> Ranking {
        lock.lock()
        let known = last
        lock.unlock()
        if let known, known.key == key { return known.ranking }
        let ranking = try compute()
        lock.lock()
        last = (key, ranking)
        lock.unlock()
        return ranking
    }

    func clear() {
        lock.lock()
        last = nil
        lock.unlock()
    }
}

/// How many articles hold each phrase (and how many are indexed in all), remembered between
/// searches: typing `harbour f`, `harbour fe`, `harbour fer` counts `harbour` once. The counts
/// only weigh phrases against each other in the ranking, so one a little out of date (another
/// process indexed meanwhile) changes nothing that matters.
final class FrequencyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int64] = [:]
    /// Phrases kept at most (a typed session holds a few dozen).
    private let capacity = 512
    /// The key of the number of articles indexed (a phrase is always quoted).
    static let allArticles = "all articles"

    func count(of phrase: String, _ compute: () throws -> Int64) rethrows -> Int64 {
        lock.lock()
        let known = counts[phrase]
        lock.unlock()
        if let known { return known }
        let count = try compute()
        lock.lock()
        if counts.count >= capacity { counts.removeAll() }
        counts[phrase] = count
        lock.unlock()
        return count
    }

    /// Whether the count of `phrase` is known.
    func knows(_ phrase: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return counts[phrase] != nil
    }

    func clear() {
        lock.lock()
        counts.removeAll()
        lock.unlock()
    }
}
