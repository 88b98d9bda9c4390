import Foundation
import GRDB
import Synchronization

/// What a first page needs besides its ranking: how many articles match, and how much each
/// phrase weighs (``SearchReads/phraseWeights(_:plan:cache:)``). For a query with two common
/// words at 100k these are three walks of FTS5's lists (about 20 ms before the document
/// counts are cached), so ``SearchIndex`` reads them on a second connection while the first
/// ranks (``Pending``).
struct SearchTally: Sendable {
    var total = 0
    var weights: [Double] = []

    /// The tally of `query` in `scope` (nothing for a query with nothing to search for, or a
    /// scope with nothing indexed).
    static func read(_ db: Database, _ query: SearchQuery, scope: SearchScope, caches: SearchCaches) throws -> SearchTally {
        let plan = try SearchReads.plan(db, query)
        guard plan.problem == nil else { return SearchTally() }
        let filter = try ScopeFilter(db, scope)
        guard !filter.isEmpty else { return SearchTally() }
        return try read(db, plan: plan, filter: filter, caches: caches)
    }

    static func read(_ db: Database, plan: SearchPlan, filter: ScopeFilter, caches: SearchCaches) throws -> SearchTally {
        let weights = try SearchReads.phraseWeights(db, plan: plan, cache: caches.frequencies)
        let order = SearchReads.Order(plan: plan, filter: filter, weights: weights)
        let total = try Int.fetchOne(db, sql: order.count, arguments: order.countArguments) ?? 0
        return SearchTally(total: total, weights: weights)
    }

    /// A tally being read on another connection of a pool: started at once, waited for by
    /// ``value()``. It never waits for anything itself, and only one is read at a time (a
    /// search that finds one being read counts on its own connection): a search holding one of
    /// the pool's two connections while it waits for this one cannot deadlock, as whatever
    /// holds the other finishes without waiting for a tally.
    ///
    /// The two connections read in two transactions: while a batch is being indexed, the
    /// count may be from just before or just after the batch the page was ranked in (the
    /// reader says "so far" then, and searches again once indexing is done).
    final class Pending: Sendable {
        private let result = Mutex<Result<SearchTally, any Error>?>(nil)
        private let done = DispatchSemaphore(value: 0)

        /// Starts reading the tally, unless one is being read already (`alone` says so, and
        /// is set until this one is read).
        init?(_ pool: DatabasePool, _ query: SearchQuery, scope: SearchScope, caches: SearchCaches, alone: Gate) {
            guard alone.busy.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return nil }
            pool.asyncRead { [self] database in
                let tally = Result { try SearchTally.read(database.get(), query, scope: scope, caches: caches) }
                result.withLock { $0 = tally }
                alone.busy.store(false, ordering: .releasing)
                done.signal()
            }
        }

        /// Whether a tally is being read for an index (one at a time), and whether one is to be
        /// read aside at all.
        final class Gate: Sendable {
            let busy = Atomic<Bool>(false)
            /// Tests: read aside whatever the machine's load (false: only with a core to spare).
            let always = Atomic<Bool>(false)

            /// Whether reading aside can pay: it saves wall clock, not CPU, so only while the
            /// machine has room (the load average of the last minute below the number of
            /// cores). With every core busy the two connections' work only queues up behind
            /// other work and costs a little more than one connection's: for `harbour strike`
            /// at 100k on 2 cores, 25 against 35 ms at a load of 1.5, but 49 against 37 ms at 2.6.
            func wanted() -> Bool {
                if always.load(ordering: .relaxed) { return true }
                var load = 0.0
                guard getloadavg(&load, 1) == 1 else { return false }
                return load < Double(ProcessInfo.processInfo.activeProcessorCount)
            }
        }

        /// The tally, once it is read (its error, if reading it failed).
        func value() throws -> SearchTally {
            done.wait()
            done.signal()
            return try result.withLock { $0! }.get()
        }
    }
}
