import Foundation
import GRDB
import GRDBSQLite

/// The SQL functions the search index needs on every connection.
///
/// - `byline_unpack(blob)`: an article body back from its compressed copy (the
///   `articleContent` view, which FTS5 reads to take an article out).
/// - `byline_rank(articleSearch, phrases, weight1, weight2, …)`: the relevance of a match, an FTS5 auxiliary
///   function (see ``rank``).
/// - `byline_columns(articleSearch, phrases)`: the same relevance before it is weighed, phrase
///   by phrase (see ``columns``).
enum SearchFunctions {
    static func register(on db: Database) throws {
        db.add(function: unpack)
        let api = UnsafeMutablePointer(mutating: FTS5.api(db))
        guard let create = api.pointee.xCreateFunction else { throw DatabaseError(message: "FTS5 has no xCreateFunction") }
        for (name, function) in [("byline_rank", rank), ("byline_columns", columns)] {
            let code = create(api, name, nil, function, nil)
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot add \(name)") }
        }
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
        let counted = argc > 0 ? argv.map { Int(sqlite3_value_int64($0[0])) } ?? Int.max : Int.max
        let score = withPhraseColumns(api, fts, counted: counted) { columns in
            combine(columns) { phrase in
                guard phrase + 1 < Int(argc), let value = argv?[phrase + 1] else { return nil }
                return sqlite3_value_double(value)
            }
        }
        sqlite3_result_double(context, score ?? 0)
    }

    /// `byline_columns(articleSearch, phrases)`: for each of the first `phrases` phrases of the
    /// match, what ``rank`` weighs it by (the column weights times the saturated hits), as a
    /// blob of native `Double`s. A first page is ranked from these when the phrases' weights are
    /// still being counted on another connection (see `SearchReads`): ``score(_:weights:)`` then
    /// gives each row exactly the score ``rank`` would.
    private static let columns: fts5_extension_function = { api, fts, context, argc, argv in
        guard let api, let fts else { return }
        let counted = argc > 0 ? argv.map { Int(sqlite3_value_int64($0[0])) } ?? Int.max : Int.max
        let done = withPhraseColumns(api, fts, counted: counted) { columns -> Bool in
            let bytes = UnsafeRawBufferPointer(columns)
            sqlite3_result_blob(context, bytes.baseAddress, Int32(bytes.count), transient)
            return true
        }
        if done == nil { sqlite3_result_zeroblob(context, 0) }
    }

    /// SQLite's `SQLITE_TRANSIENT` (copy the value now), which Swift does not import.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// A row's score from its phrases' column values (``columns``' blob) and the weights that
    /// ``rank`` is given: the same arithmetic in the same order, so the same `Double`.
    static func score(_ columns: UnsafeBufferPointer<Double>, weights: [Double]) -> Double {
        combine(columns) { phrase in phrase < weights.count ? weights[phrase] : nil }
    }

    /// Σ weight × columns over the phrases that have a hit (a phrase without a weight counts
    /// its columns as they are).
    @inline(__always)
    private static func combine(_ columns: UnsafeBufferPointer<Double>, weight: (Int) -> Double?) -> Double {
        var total = 0.0
        for phrase in columns.indices {
            let value = columns[phrase]
            guard value > 0 else { continue }
            if let weight = weight(phrase) {
                total += weight * value
            } else {
                total += value
            }
        }
        return total
    }

    /// Hands `body` the column values of the row's first `counted` phrases (each: the column
    /// weights times the saturated hits there), counted from FTS5's instance list (`xInst`):
    /// one pass over what FTS5 already holds for the row. Nil when FTS5 has no phrases or
    /// instances for the row.
    @inline(__always)
    private static func withPhraseColumns<T>(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, counted: Int,
                                            _ body: (UnsafeBufferPointer<Double>) -> T) -> T? {
        let phrases = Int(api.pointee.xPhraseCount(fts))
        var instances: Int32 = 0
        guard phrases > 0, api.pointee.xInstCount(fts, &instances) == SQLITE_OK else { return nil }
        let counted = min(phrases, max(0, counted))
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: phrases * 3) { hits -> T in
            hits.initialize(repeating: 0)
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            for instance in 0..<instances where api.pointee.xInst(fts, instance, &phrase, &column, &offset) == SQLITE_OK {
                hits[Int(phrase) * 3 + Int(min(max(column, 0), 2))] += 1
            }
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, counted)) { columns -> T in
                for phrase in 0..<counted {
                    let base = phrase * 3
                    columns[phrase] = weights.0 * saturation(Int(hits[base])) + weights.1 * saturation(Int(hits[base + 1]))
                        + weights.2 * saturation(Int(hits[base + 2]))
                }
                return body(UnsafeBufferPointer(rebasing: columns[0..<counted]))
            }
        }
    }
}
