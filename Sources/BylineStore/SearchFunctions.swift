import Foundation
import GRDB
import GRDBSQLite

/// The SQL functions the search index needs on every connection.
///
/// - `byline_unpack(blob)`: an article body back from its compressed copy (the
///   `articleContent` view, which FTS5 reads to take an article out).
/// - `byline_rank(articleSearch, phrases, weight1, weight2, …)`: the relevance of a match, an FTS5 auxiliary
///   function (see ``rank``).
enum SearchFunctions {
    static func register(on db: Database) throws {
        db.add(function: unpack)
        let api = UnsafeMutablePointer(mutating: FTS5.api(db))
        guard let create = api.pointee.xCreateFunction else { throw DatabaseError(message: "FTS5 has no xCreateFunction") }
        let code = create(api, "byline_rank", nil, rank, nil)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot add byline_rank") }
    }

    private static let unpack = DatabaseFunction("byline_unpack", argumentCount: 1, pure: true) { values in
        guard let data = Data.fromDatabaseValue(values[0]) else { return "" }
        return data.withUnsafeBytes { TextCompression().decompressString($0) }
    }

    // MARK: - Ranking

    /// Column weights: headline, standfirst, body. A word in the headline outweighs the most a
    /// body can give (``saturation`` caps a column's share at `k1 + 1` times its weight).
    static let weights: (Double, Double, Double) = (10, 3, 1)
    /// BM25's term-frequency saturation.
    static let k1 = 1.2

    /// How much `hits` occurrences in one column count: BM25's saturating curve.
    @inline(__always)
    static func saturation(_ hits: Int) -> Double {
        let tf = Double(hits)
        return tf * (k1 + 1) / (tf + k1)
    }

    /// BM25's inverse document frequency (the Lucene form, never negative): a word found in
    /// few articles counts for more.
    static func idf(documents: Int64, containing: Int64) -> Double {
        let n = Double(documents)
        let df = Double(max(0, min(containing, documents)))
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The columns an article can score in, the headline first.
    enum Columns {
        /// Standfirst and body: an article without any phrase in its headline.
        case standfirstAndBody
        /// The body alone: an article without any phrase in its headline or standfirst.
        case body
    }

    /// An upper bound (never reached) of the score of an article whose hits are only in
    /// `outside`'s columns: `saturation` stays below `k1 + 1` however many hits there are.
    /// `weights`: each counted phrase's weight, as ``rank`` weighs it.
    static func ceiling(weights: [Double], outside: Columns) -> Double {
        let columns = switch outside {
        case .standfirstAndBody: self.weights.1 + self.weights.2
        case .body: self.weights.2
        }
        return weights.reduce(0, +) * columns * (k1 + 1)
    }

    /// BM25 without its length normalisation: for each phrase of the query, its weight (its
    /// inverse document frequency, ``idf(documents:containing:)``) times, over the columns, the
    /// column's weight times the saturated count of its hits there. Arguments after the table:
    /// how many phrases of the match count (the first ones; a ranking page adds phrases after
    /// them to narrow the matches, see `SearchReads`), then the weights of the first of those,
    /// in the order the phrases are written; a phrase without one weighs 1 (so does the only
    /// phrase of a query, whose weight would change no order). Without arguments every phrase
    /// counts, each weighing 1.
    ///
    /// The weights come from the caller rather than from `xRowCount` here so that the caller
    /// knows the highest score an article can have without a hit in the headline (see
    /// ``ceiling(weights:outside:)``) exactly as this function scores.
    ///
    /// Why not FTS5's own `bm25()`: it normalises by each column's length, which it reads from
    /// the `docsize` table, one B-tree lookup per matching row. For a word in most of 100,000
    /// articles that lookup is most of the query's time (about 15 ms per 10,000 matches here,
    /// against about 3 ms without). The index is built with `columnsize=0`, so there is no
    /// such table. The hits are counted from FTS5's instance list (`xInst`), which FTS5 has
    /// at hand for the row: measured at 100k, this is about twice as fast as walking each
    /// phrase's positions (`xPhraseFirst`/`xPhraseNext`); the floor, a function that returns a
    /// constant, is about half of what this costs.
    private static let rank: fts5_extension_function = { api, fts, context, argc, argv in
        guard let api, let fts else { return }
        let phrases = Int(api.pointee.xPhraseCount(fts))
        var instances: Int32 = 0
        guard phrases > 0, api.pointee.xInstCount(fts, &instances) == SQLITE_OK else {
            sqlite3_result_double(context, 0)
            return
        }
        // Hits by phrase and column (headline, standfirst, body), counted from the instances:
        // one pass over what FTS5 already holds for the row.
        let score = withUnsafeTemporaryAllocation(of: Int32.self, capacity: phrases * 3) { hits -> Double in
            hits.initialize(repeating: 0)
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            for instance in 0..<instances where api.pointee.xInst(fts, instance, &phrase, &column, &offset) == SQLITE_OK {
                hits[Int(phrase) * 3 + Int(min(max(column, 0), 2))] += 1
            }
            let counted = argc > 0 ? argv.map { min(phrases, max(0, Int(sqlite3_value_int64($0[0])))) } ?? phrases : phrases
            var total = 0.0
            for phrase in 0..<counted {
                let base = phrase * 3
                let columns = weights.0 * saturation(Int(hits[base])) + weights.1 * saturation(Int(hits[base + 1]))
                    + weights.2 * saturation(Int(hits[base + 2]))
                guard columns > 0 else { continue }
                if phrase + 1 < Int(argc), let value = argv?[phrase + 1] {
                    total += sqlite3_value_double(value) * columns
                } else {
                    total += columns
                }
            }
            return total
        }
        sqlite3_result_double(context, score)
    }
}
