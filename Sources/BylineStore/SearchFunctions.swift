import Foundation
import GRDB
import GRDBSQLite

/// The SQL functions the search index needs on every connection.
///
/// - `byline_unpack(blob)`: an article body back from its compressed copy (the
///   `articleContent` view, which FTS5 reads for snippets and to take an article out).
/// - `byline_rank(articleSearch, df1, df2, …)`: the relevance of a match, an FTS5 auxiliary
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
        return data.withUnsafeBytes { TextCompression.decompress($0) }
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

    /// BM25 without its length normalisation: for each phrase of the query, its inverse
    /// document frequency times, over the columns, the column's weight times the saturated
    /// count of its hits there. Arguments after the table: each phrase's document frequency
    /// (in the order the phrases are written; missing ones count as 1).
    ///
    /// Why not FTS5's own `bm25()`: it normalises by each column's length, which it reads from
    /// the `docsize` table, one B-tree lookup per matching row. For a word in most of 100,000
    /// articles that lookup is most of the query's time (about 15 ms per 10,000 matches here,
    /// against about 3 ms without). The index is built with `columnsize=0`, so there is no
    /// such table; the document frequencies are looked up once per query, by the caller,
    /// in the terms' vocabulary (instead of FTS5 counting each phrase's rows again).
    private static let rank: fts5_extension_function = { api, fts, context, argc, argv in
        guard let api, let fts else { return }
        let functions = api.pointee
        var documents: Int64 = 0
        _ = functions.xRowCount?(fts, &documents)
        let phrases = functions.xPhraseCount?(fts) ?? 0
        var score = 0.0
        var iterator = Fts5PhraseIter()
        for phrase in 0..<phrases {
            var column: Int32 = 0
            var offset: Int32 = 0
            var hits = (0, 0, 0)
            guard functions.xPhraseFirst?(fts, phrase, &iterator, &column, &offset) == SQLITE_OK else { continue }
            while column >= 0 {
                switch column {
                case 0: hits.0 += 1
                case 1: hits.1 += 1
                default: hits.2 += 1
                }
                functions.xPhraseNext?(fts, &iterator, &column, &offset)
            }
            guard hits != (0, 0, 0) else { continue }
            var containing: Int64 = 1
            if phrase < argc, let value = argv?[Int(phrase)] {
                containing = sqlite3_value_int64(value)
            }
            let columns = weights.0 * saturation(hits.0) + weights.1 * saturation(hits.1) + weights.2 * saturation(hits.2)
            score += idf(documents: documents, containing: containing) * columns
        }
        sqlite3_result_double(context, score)
    }
}
