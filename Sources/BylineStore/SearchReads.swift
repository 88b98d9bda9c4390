import Foundation
import GRDB
import GRDBSQLite

/// The SQL behind searching the index, listing people and their quotes: each function runs
/// inside the caller's read.
enum SearchReads {
    /// What is indexed of a library: each article's path and the file it was read from.
    static func signatures(_ db: Database, library: String) throws -> [String: FileSignature] {
        var result: [String: FileSignature] = [:]
        try forEachIndexed(db, library: library) { result[$0] = $1 }
        return result
    }

    /// The same, one article at a time.
    static func forEachIndexed(_ db: Database, library: String, _ body: (String, FileSignature) -> Void) throws {
        try forEachIndexedUTF8(db, library: library) { bytes, signature in
            body(String(decoding: bytes, as: UTF8.self), signature)
        }
    }

    /// The paths of a library's articles whose model was made by another parser than `parser`
    /// (or that have none), through the index on `article.parser`: two empty ranges when every
    /// model is of this parser.
    static func otherModels(_ db: Database, library: String, parser: Int) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT path FROM article
            WHERE (parser < ?1 OR parser > ?1) AND +libraryId = (SELECT id FROM library WHERE path = ?2)
            """), arguments: [parser, library])
    }

    /// The same with each path as SQLite's UTF-8 bytes (valid only during the call).
    static func forEachIndexedUTF8(_ db: Database, library: String, _ body: (UnsafeBufferPointer<UInt8>, FileSignature) -> Void) throws {
        // With one library in the index, every article is this library's: reading the table
        // straight through costs about half of finding each row from the (libraryId, path)
        // index, which SQLite picks otherwise (at 10,000 articles, about 15 M instructions
        // of the 45 M the reader's check of every file cost at a start).
        // (Counted through the statement itself: GRDB's generic `fetchOne` costs a first
        // use's type look-ups, about 1 M instructions.)
        // And when that one library is this one, no row needs its library compared: the
        // comparison with the subquery's answer cost about 240 instructions a row (2.4 M at
        // 10,000). (Every article's library is listed: the index keeps foreign keys.)
        let count = try db.makeStatement(sql: "SELECT count(*), max(path = ?) FROM library")
        try count.setArguments([library])
        let stepped = sqlite3_step(count.sqliteStatement) == SQLITE_ROW
        let alone = stepped && sqlite3_column_int64(count.sqliteStatement, 0) == 1
        let thisOne = alone && sqlite3_column_int64(count.sqliteStatement, 1) == 1
        sqlite3_reset(count.sqliteStatement)
        if alone && !thisOne { return }
        let statement: Statement
        if thisOne {
            statement = try db.makeStatement(sql: "SELECT path, fileSize, fileModified FROM article")
        } else {
            statement = try db.makeStatement(sql: """
                SELECT article.path, fileSize, fileModified FROM article
                WHERE libraryId = (SELECT id FROM library WHERE path = ?)
                """)
            try statement.setArguments([library])
        }
        // Stepped and read straight from SQLite: a folder's check reads every row (10,000 at a
        // start), and rows through GRDB's cursor cost about twice SQLite's own step.
        let sqlite = statement.sqliteStatement
        defer { sqlite3_reset(sqlite) }
        while true {
            let code = sqlite3_step(sqlite)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
            let text = sqlite3_column_text(sqlite, 0)
            let path = UnsafeBufferPointer(start: text, count: text == nil ? 0 : Int(sqlite3_column_bytes(sqlite, 0)))
            body(path, FileSignature(size: sqlite3_column_int64(sqlite, 1), modified: sqlite3_column_int64(sqlite, 2)))
        }
    }

    /// ``model(_:key:signature:parser:)``'s statement.
    private static let modelSQL = """
        SELECT articleModel.model, CASE WHEN substr(articleModel.model, 2, 1) = x'01' THEN articleText.body END FROM article
        JOIN articleModel ON articleModel.id = article.id JOIN articleText ON articleText.id = article.id
        WHERE article.libraryId = (SELECT id FROM library WHERE path = ?) AND article.path = ?
          AND article.fileSize = ? AND article.fileModified = ? AND article.parser = ?
        """

    /// Prepares ``model(_:key:signature:parser:)``'s statement on `db` and keeps it in the
    /// connection's cache (reading the schema on the way, on a connection just opened).
    static func prepareModel(_ db: Database) throws {
        _ = try db.cachedStatement(sql: modelSQL)
    }

    /// The model and compressed body of the article at `key`, if its model was made by parser
    /// `parser` from a file of exactly this size and time (nil otherwise, or when there is none).
    /// The body only for a model that leaves its paragraphs to it (its second byte 1, see
    /// `ArticleModelCodec` in BylineModel); empty for the others, which do not need it.
    ///
    /// One row, by the `(libraryId, path)` index, through a cached statement stepped straight
    /// from SQLite: the reader asks it at each move of the list.
    static func model(_ db: Database, key: ArticleKey, signature: FileSignature, parser: Int) throws -> (model: [UInt8], body: [UInt8])? {
        let statement = try db.cachedStatement(sql: modelSQL)
        try statement.setArguments([key.library, key.path, signature.size, signature.modified, parser])
        let sqlite = statement.sqliteStatement
        // Last: after the statement is reset, so none of its pages is held.
        defer { keepCacheSmall(db) }
        defer { sqlite3_reset(sqlite) }
        let code = sqlite3_step(sqlite)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
        func blob(_ column: Int32) -> [UInt8] {
            let count = Int(sqlite3_column_bytes(sqlite, column))
            guard let bytes = sqlite3_column_blob(sqlite, column), count > 0 else { return [] }
            return [UInt8](UnsafeRawBufferPointer(start: bytes, count: count))
        }
        return (blob(0), blob(1))
    }

    /// The most a reading connection's page cache may hold after a kept article's read. Those
    /// reads come at every move of the list and touch a few pages each, so without a bound they
    /// fill every reading connection's cache (``SearchIndexOpener/readerCacheKiB``) and keep it
    /// (searches' caches are given back when searches pause; these reads never pause).
    static let modelReadCacheBytes: Int32 = 64 << 10

    /// Frees the connection's unused cached pages when they pass ``modelReadCacheBytes``.
    static func keepCacheSmall(_ db: Database) {
        guard cacheUsed(db) > Int(modelReadCacheBytes) else { return }
        sqlite3_db_release_memory(db.sqliteConnection)
    }

    /// The bytes the connection's page cache holds now (`SQLITE_DBSTATUS_CACHE_USED`; 0 if
    /// SQLite does not say).
    static func cacheUsed(_ db: Database) -> Int {
        var used: Int32 = 0, highest: Int32 = 0
        guard sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_USED, &used, &highest, 0) == SQLITE_OK else { return 0 }
        return Int(used)
    }

    /// How many articles of the scope are indexed.
    static func articleCount(_ db: Database, scope: SearchScope) throws -> Int {
        let filter = try ScopeFilter(db, scope)
        guard let ids = filter.articleIds else {
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(ids))", arguments: filter.arguments) ?? 0
    }

    // MARK: - Search

    /// A page of the articles matching `query` in `scope`, best first. `aside`: starts reading
    /// the query's count and phrase weights (``SearchTally``) on another connection, giving
    /// what waits for them, or nil when it cannot (see ``firstPage(_:plan:filter:limit:tally:)``).
    static func search(_ db: Database, _ query: SearchQuery, scope: SearchScope, offset: Int, limit: Int,
                       caches: SearchCaches, aside: (() -> (() throws -> SearchTally)?)? = nil,
                       exists: (String) -> Bool) throws -> SearchPage {
        let plan = try plan(db, query)
        if let problem = plan.problem { return SearchPage(problem: problem) }
        let filter = try ScopeFilter(db, scope)
        guard !filter.isEmpty else { return SearchPage() }
        // The first page ranks for its rows alone; a later one (scrolling on, or a script
        // printing everything) ranks every match once and pages through that.
        let ranking: Ranking
        if offset == 0 {
            if try !weighed(plan, caches.frequencies), let tally = aside?() {
                ranking = try firstPage(db, plan: plan, filter: filter, limit: limit, tally: tally)
            } else {
                let tally = try SearchTally.read(db, plan: plan, filter: filter, caches: caches)
                let order = Order(plan: plan, filter: filter, weights: tally.weights)
                ranking = try order.rank(db, limit: limit, total: tally.total)
            }
        } else {
            let weights = try phraseWeights(db, plan: plan, cache: caches.frequencies)
            let order = Order(plan: plan, filter: filter, weights: weights)
            let key = RankingKey(plan: plan, scope: scope)
            ranking = try caches.rankings.ranking(for: key) { try order.rank(db, limit: nil) }
        }
        guard ranking.total > offset else { return SearchPage(total: ranking.total) }
        let range = offset == 0 ? ranking.ids.indices.prefix(limit)
            : ranking.ids.indices.dropFirst(offset).prefix(limit)
        let ids = Array(ranking.ids[range])
        let scores = Dictionary(uniqueKeysWithValues: zip(ids, ranking.scores[range]))
        let snippets = plan.match == nil ? try quoteSnippets(db, plan: plan, ids: ids) : try self.snippets(db, plan: plan, ids: ids)
        let hits = try articles(db, ids: ids).map { id, key, headline in
            let snippet = snippets[id] ?? Snippet(text: "", matches: [])
            return SearchHit(article: key, headline: headline, snippet: snippet.text, matches: snippet.matches,
                             missing: !exists(key.fullPath), score: scores[id] ?? 0)
        }
        return SearchPage(hits: hits, total: ranking.total)
    }

    /// What the index runs for `query`, its terms cut by the index's tokenizer.
    static func plan(_ db: Database, _ query: SearchQuery) throws -> SearchPlan {
        let tokenizer = try db.makeTokenizer(SearchSchema.tokenizer)
        return SearchPlan(query) { text in
            ((try? tokenizer.tokenize(query: text)) ?? []).filter { !$0.flags.contains(.colocated) }.map(\.token)
        }
    }

    /// Whether the phrases' weights are known without counting (or not needed: a query of one
    /// phrase, or of speakers alone).
    private static func weighed(_ plan: SearchPlan, _ cache: FrequencyCache) throws -> Bool {
        guard plan.match != nil, plan.phrases.count > 1 else { return true }
        return cache.knows(FrequencyCache.allArticles)
            && plan.phrases.prefix(weightedPhrases).allSatisfy { cache.knows(SearchPlan.phrase($0.tokens, prefix: $0.prefix)) }
    }

    /// The first `limit` matches and how many there are, when the phrases' weights are still
    /// to be counted, which ``tally`` does on another connection meanwhile.
    ///
    /// The weights, the count and the ranking walk the same lists one after another; but the
    /// matches with a phrase in the headline can be read before the weights are known, each
    /// with its phrases' column values (``SearchFunctions``' `byline_columns`). Scored once the
    /// weights are there, they give the page when the last of their best `limit` scores above
    /// the ceiling of every match left out (see ``Order/rank(_:limit:total:skipping:)``);
    /// otherwise the page is ranked as usual, the headline's matches skipped.
    private static func firstPage(_ db: Database, plan: SearchPlan, filter: ScopeFilter, limit: Int,
                                  tally: () throws -> SearchTally) throws -> Ranking {
        let candidates = limit > 0 ? try Order.headlineCandidates(db, plan: plan, filter: filter) : nil
        let counted = try tally()
        let order = Order(plan: plan, filter: filter, weights: counted.weights)
        guard counted.total > 0, limit > 0 else { return Ranking(total: counted.total) }
        if let candidates, let narrowing = order.narrowings.first,
           let page = candidates.best(limit, weights: counted.weights), let last = page.scores.last, last > narrowing.ceiling {
            return Ranking(ids: page.ids, scores: page.scores, total: counted.total)
        }
        return try order.rank(db, limit: limit, total: counted.total, skipping: candidates == nil ? 0 : 1)
    }

    /// The matches of a query, best first: words ranked by FTS5 and ``SearchFunctions``, or
    /// for speakers alone, the articles quoting them most.
    struct Order {
        /// `SELECT id, score FROM … ORDER BY score DESC, id` and the count of its rows.
        var select: String
        var count: String
        var arguments: StatementArguments
        var countArguments: StatementArguments
        /// Narrower matches to rank a first page from, each with the ceiling of the score of
        /// any match left out of it (see ``rank(_:limit:total:skipping:)``).
        var narrowings: [(arguments: StatementArguments, ceiling: Double)] = []

        /// `weights`: the phrases' weights (``phraseWeights(_:plan:cache:)``).
        init(plan: SearchPlan, filter: ScopeFilter, weights: [Double]) {
            let (conditions, filters) = Self.conditions(plan: plan, filter: filter)
            if let match = plan.match {
                let rankArguments = String(repeating: ", ?", count: weights.count + 1)
                select = """
                    SELECT rowid, byline_rank(articleSearch\(rankArguments)) AS score FROM articleSearch
                    WHERE articleSearch MATCH ?\(conditions) ORDER BY score DESC, rowid
                    """
                count = "SELECT count(*) FROM articleSearch WHERE articleSearch MATCH ?\(conditions)"
                let ranked = StatementArguments([plan.matchPhraseCount]) + StatementArguments(weights)
                arguments = ranked + [match] + filters
                countArguments = [match] + filters
                // The phrases left out score nothing: a row that matches has none of them.
                let all = weights + Array(repeating: 1, count: max(0, plan.phrases.count - weights.count))
                narrowings = Self.narrowings(plan, match: match).map { narrower, outside in
                    (ranked + [narrower] + filters, SearchFunctions.ceiling(weights: all, outside: outside))
                }
            } else {
                let driving = plan.speakers.firstIndex { !$0.excluded }
                let first = driving.map { plan.speakers[$0].match } ?? ""
                let from = "FROM quote WHERE speakerId IN (SELECT rowid FROM speakerSearch WHERE speakerSearch MATCH ?)\(conditions)"
                select = "SELECT articleId, count(*) AS quotes \(from) GROUP BY articleId ORDER BY quotes DESC, articleId"
                count = "SELECT count(DISTINCT articleId) \(from)"
                arguments = [first] + filters
                countArguments = arguments
            }
        }

        /// The SQL that keeps a match in scope and applies the speaker filters (and, without
        /// words, the exclusions), with its arguments.
        private static func conditions(plan: SearchPlan, filter: ScopeFilter) -> (String, StatementArguments) {
            // Without words, the first speaker to find drives the query and the others filter it.
            let driving = plan.match == nil ? plan.speakers.firstIndex { !$0.excluded } : nil
            // `+rowid`: an IN list on the FTS5 table's own rowid would make FTS5 look each id up
            // (about 30 ms per 1,000 ids here); as an expression it filters the matches instead.
            let column = plan.match == nil ? "articleId" : "+rowid"
            var conditions = filter.condition(on: column)
            var filters = filter.arguments
            var speakers: [String] = []
            for (index, speaker) in plan.speakers.enumerated() where index != driving {
                speakers.append("\(column) \(speaker.excluded ? "NOT IN" : "IN") (SELECT articleId FROM quote WHERE speakerId IN (SELECT rowid FROM speakerSearch WHERE speakerSearch MATCH ?))")
                filters += [speaker.match]
            }
            if !speakers.isEmpty { conditions += " AND " + Self.all(speakers[...]) }
            if plan.match == nil, let exclusion = plan.exclusion {
                conditions += " AND articleId NOT IN (SELECT rowid FROM articleSearch WHERE articleSearch MATCH ?)"
                filters += [exclusion]
            }
            return (conditions, filters)
        }

        /// The matches with a phrase to find in the headline (the first narrowing), each with
        /// its phrases' column values, unweighed; nil when the query cannot be narrowed so.
        static func headlineCandidates(_ db: Database, plan: SearchPlan, filter: ScopeFilter) throws -> Candidates? {
            guard let match = plan.match, let narrower = narrowings(plan, match: match).first?.0 else { return nil }
            let (conditions, filters) = Self.conditions(plan: plan, filter: filter)
            let statement = try db.makeStatement(sql: """
                SELECT rowid, byline_columns(articleSearch, ?) FROM articleSearch WHERE articleSearch MATCH ?\(conditions)
                """)
            try statement.setArguments([plan.matchPhraseCount, narrower] + filters)
            var candidates = Candidates(stride: plan.matchPhraseCount)
            // Stepped and read straight from SQLite: a word in many headlines gives thousands of rows.
            let sqlite = statement.sqliteStatement
            defer { sqlite3_reset(sqlite) }
            while true {
                let code = sqlite3_step(sqlite)
                if code == SQLITE_DONE { return candidates }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
                }
                let bytes = Int(sqlite3_column_bytes(sqlite, 1))
                let blob = sqlite3_column_blob(sqlite, 1).map { UnsafeRawBufferPointer(start: $0, count: bytes) }
                candidates.append(sqlite3_column_int64(sqlite, 0), blob ?? UnsafeRawBufferPointer(start: nil, count: 0))
            }
        }

        /// The matches that have a phrase to find in the headline, then those that have one in
        /// the headline or the standfirst, each with the columns the others score in. None
        /// when a phrase is searched in the headline alone (every match has it there) or for
        /// more phrases than are weighed.
        private static func narrowings(_ plan: SearchPlan, match: String) -> [(String, SearchFunctions.Columns)] {
            guard !plan.phrases.isEmpty, plan.phrases.count <= weightedPhrases,
                  !plan.phrases.contains(where: \.headlineOnly) else { return [] }
            let found = plan.phrases.map { SearchPlan.phrase($0.tokens, prefix: $0.prefix) }.joined(separator: " OR ")
            return [("(\(match)) AND {headline} : (\(found))", .standfirstAndBody),
                    ("(\(match)) AND {headline standfirst} : (\(found))", .body)]
        }

        /// `conditions` joined by AND as a balanced tree: SQLite reads `a AND b AND c …` as a
        /// chain as deep as it is long, and refuses one deeper than 1,000 (a query pasted with
        /// that many `by:`; the `search` fuzz target found it).
        static func all(_ conditions: ArraySlice<String>) -> String {
            guard conditions.count > 1 else { return conditions.first ?? "1" }
            let middle = conditions.startIndex + conditions.count / 2
            return "(\(all(conditions[..<middle])) AND \(all(conditions[middle...])))"
        }

        /// The first `limit` of the `total` matches; with no limit, all of them (and `total`
        /// is counted from them).
        ///
        /// A first page of a query with many matches is ranked from a narrower match when that
        /// gives the same page: the matches with a phrase in the headline (then in the headline
        /// or standfirst) are few, and any match left out of them scores below the narrowing's
        /// ceiling. When the last of the narrower match's best `limit` scores above that
        /// ceiling, those are the best `limit` of all, in the same order. Otherwise every match
        /// is ranked. At 100k, where the common words are in 80–90% of the articles, this ranks
        /// a few thousand instead of 90,000. `skipping`: narrowings tried already.
        func rank(_ db: Database, limit: Int?, total: Int = 0, skipping: Int = 0) throws -> Ranking {
            var ranking = Ranking(total: total)
            if let limit {
                guard ranking.total > 0, limit > 0 else { return ranking }
                if ranking.total > limit * Self.narrowingAbove {
                    for narrowing in narrowings.dropFirst(skipping) {
                        let page = try fetch(db, arguments: narrowing.arguments, limit: limit)
                        if page.ids.count == limit, let last = page.scores.last, last > narrowing.ceiling {
                            return Ranking(ids: page.ids, scores: page.scores, total: ranking.total)
                        }
                    }
                }
            }
            let all = try fetch(db, arguments: arguments, limit: limit)
            ranking.ids = all.ids
            ranking.scores = all.scores
            if limit == nil { ranking.total = ranking.ids.count }
            return ranking
        }

        /// Narrowing to the headline and standfirst is tried when there are more than this
        /// many matches per row of the page (10,000 for the reader's page of 50): below,
        /// ranking them all costs about what trying the narrower match does (at 100k, 3–4 ms
        /// for 8,000 matches, as much as the narrower match when it has too few).
        static let narrowingAbove = 200

        private func fetch(_ db: Database, arguments: StatementArguments, limit: Int?) throws -> (ids: [Int64], scores: [Double]) {
            var ids: [Int64] = []
            var scores: [Double] = []
            let rows = try Row.fetchCursor(db, sql: select + (limit == nil ? "" : " LIMIT ?"),
                                           arguments: limit.map { arguments + [$0] } ?? arguments)
            while let row = try rows.next() {
                ids.append(try row.decode(atIndex: 0))
                scores.append(try row.decode(atIndex: 1))
            }
            return (ids, scores)
        }
    }

    /// Matches with their phrases' column values (``SearchFunctions``' `byline_columns`), to be
    /// scored once the weights are known.
    struct Candidates {
        /// Values per match: the phrases counted.
        let stride: Int
        private(set) var ids: [Int64] = []
        private var values: [Double] = []

        init(stride: Int) {
            self.stride = stride
        }

        /// A match and its blob of values (an empty one: no hit counted, every value 0).
        mutating func append(_ id: Int64, _ blob: UnsafeRawBufferPointer) {
            ids.append(id)
            let doubles = blob.count / MemoryLayout<Double>.size
            for index in 0..<stride {
                values.append(index < doubles ? blob.loadUnaligned(fromByteOffset: index * MemoryLayout<Double>.size, as: Double.self) : 0)
            }
        }

        /// The best `limit` matches scored with `weights`, in the order of `ORDER BY score DESC,
        /// rowid` (byline_rank's scores, to the bit); nil when there are fewer than `limit`.
        func best(_ limit: Int, weights: [Double]) -> (ids: [Int64], scores: [Double])? {
            guard ids.count >= limit else { return nil }
            let scores = values.withUnsafeBufferPointer { all in
                ids.indices.map { row in
                    SearchFunctions.score(UnsafeBufferPointer(rebasing: all[row * stride ..< (row + 1) * stride]), weights: weights)
                }
            }
            let order = ids.indices.sorted { a, b in
                scores[a] != scores[b] ? scores[a] > scores[b] : ids[a] < ids[b]
            }.prefix(limit)
            return (order.map { ids[$0] }, order.map { scores[$0] })
        }
    }

    /// For speakers without words, each article's first quote by the first of them.
    private static func quoteSnippets(_ db: Database, plan: SearchPlan, ids: [Int64]) throws -> [Int64: Snippet] {
        guard let first = plan.speakers.first(where: { !$0.excluded }), !ids.isEmpty else { return [:] }
        var snippets: [Int64: Snippet] = [:]
        let quotes = try Row.fetchCursor(db, sql: """
            SELECT quote.articleId, quote.text, speaker.name FROM quote JOIN speaker ON speaker.id = quote.speakerId
            WHERE quote.articleId IN (\(list(ids))) AND quote.speakerId IN (SELECT rowid FROM speakerSearch WHERE speakerSearch MATCH ?)
            ORDER BY quote.articleId, quote.ordinal
            """, arguments: [first.match])
        while let row = try quotes.next() {
            let id: Int64 = try row.decode(atIndex: 0)
            guard snippets[id] == nil else { continue }
            snippets[id] = Snippet(quote: try row.decode(atIndex: 1), speaker: try row.decode(atIndex: 2))
        }
        return snippets
    }

    /// Each phrase's weight in the ranking: its inverse document frequency, from how many
    /// articles hold it; none for a single phrase, whose weight changes no order. Counting a
    /// phrase's articles costs about what counting the matches does (FTS5 keeps no count per
    /// term: its `fts5vocab` table walks the term's list just the same). Only the first
    /// ``weightedPhrases`` are weighed.
    static func phraseWeights(_ db: Database, plan: SearchPlan, cache: FrequencyCache) throws -> [Double] {
        guard plan.phrases.count > 1 else { return [] }
        let documents = try cache.count(of: FrequencyCache.allArticles) {
            try Int64.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
        }
        return try plan.phrases.prefix(weightedPhrases).map { phrase in
            let match = SearchPlan.phrase(phrase.tokens, prefix: phrase.prefix)
            let containing = try cache.count(of: match) {
                try Int64.fetchOne(db, sql: "SELECT count(*) FROM articleSearch WHERE articleSearch MATCH ?", arguments: [match]) ?? 0
            }
            return SearchFunctions.idf(documents: documents, containing: containing)
        }
    }

    /// How many phrases of a query are weighed by their document frequency: each is an
    /// argument of `byline_rank`, and SQLite takes at most 127 arguments to a function
    /// (`SQLITE_MAX_FUNCTION_ARG` before 3.48, the table and the count of phrases included).
    /// A query pasted with more words ranks the rest by their hits alone (the `search` fuzz
    /// target found the error).
    static let weightedPhrases = 100

    /// One line around the match for each article: in the body, else the standfirst, else the
    /// body's opening (when only the headline matched).
    private static func snippets(_ db: Database, plan: SearchPlan, ids: [Int64]) throws -> [Int64: Snippet] {
        guard !ids.isEmpty else { return [:] }
        let maker = try SnippetMaker(db, phrases: plan.phrases.filter { !$0.headlineOnly }.map { ($0.tokens, $0.prefix) })
        var result: [Int64: Snippet] = [:]
        let codec = TextCompression()
        let rows = try Row.fetchCursor(db, sql: "SELECT id, standfirst, body FROM articleText WHERE id IN (\(list(ids)))")
        while let row = try rows.next() {
            let body = try row.withUnsafeData(atIndex: 2) { data in data?.withUnsafeBytes { codec.decompress($0) } ?? [] }
            let standfirst = Array(try row.decode(String.self, atIndex: 1).utf8)
            let id: Int64 = try row.decode(atIndex: 0)
            result[id] = maker.snippet(body) ?? maker.snippet(standfirst) ?? maker.opening(body.isEmpty ? standfirst : body)
        }
        return result
    }

    /// Each article's key and headline, in the order of `ids`.
    private static func articles(_ db: Database, ids: [Int64]) throws -> [(Int64, ArticleKey, String)] {
        guard !ids.isEmpty else { return [] }
        var found: [Int64: (ArticleKey, String)] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT article.id, library.path, article.path, article.headline FROM article
            JOIN library ON library.id = article.libraryId WHERE article.id IN (\(list(ids)))
            """) {
            let id: Int64 = try row.decode(atIndex: 0)
            found[id] = (ArticleKey(library: try row.decode(atIndex: 1), path: try row.decode(atIndex: 2)), try row.decode(atIndex: 3))
        }
        return ids.compactMap { id in found[id].map { (id, $0.0, $0.1) } }
    }

    /// Integers as an SQL list (never user text).
    static func list(_ ids: [Int64]) -> String {
        ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")
    }

    // MARK: - People

    /// The speakers of the scope with their numbers of quotes and articles, most quoted first;
    /// with `matching`, only those with a word of their name starting so (accents ignored).
    static func people(_ db: Database, scope: SearchScope, matching: String) throws -> [SpeakerSummary] {
        let filter = try ScopeFilter(db, scope)
        guard !filter.isEmpty else { return [] }
        var nameCondition = ""
        var nameArguments: StatementArguments = []
        if let match = try nameMatch(db, matching) {
            nameCondition = " AND speaker.id IN (SELECT rowid FROM speakerSearch WHERE speakerSearch MATCH ?)"
            nameArguments = [match]
        } else if !matching.isEmpty && matching.contains(where: { !$0.isWhitespace }) {
            return []
        }
        let rows: [Row]
        if let libraries = filter.libraries {
            let (condition, arguments) = countCondition(libraries)
            rows = try Row.fetchAll(db, sql: """
                SELECT speaker.name, sum(quotes) AS quoted, sum(articles) FROM speakerCount
                JOIN speaker ON speaker.id = speakerCount.speakerId
                WHERE (\(condition))\(nameCondition)
                GROUP BY speakerCount.speakerId HAVING quoted > 0 ORDER BY quoted DESC, speaker.name
                """, arguments: arguments + nameArguments)
        } else {
            rows = try Row.fetchAll(db, sql: """
                SELECT speaker.name, count(*) AS quoted, count(DISTINCT quote.articleId) FROM quote
                JOIN speaker ON speaker.id = quote.speakerId
                WHERE 1\(filter.condition(on: "quote.articleId"))\(nameCondition)
                GROUP BY quote.speakerId ORDER BY quoted DESC, speaker.name
                """, arguments: filter.arguments + nameArguments)
        }
        return try rows.map { SpeakerSummary(name: try $0.decode(atIndex: 0), quotes: try $0.decode(atIndex: 1), articles: try $0.decode(atIndex: 2)) }
    }

    /// A page of the quotes by the speaker named exactly `name` (as People gives it), in the
    /// order the articles were indexed and the quotes stand in them.
    static func quotes(_ db: Database, by name: String, scope: SearchScope, offset: Int, limit: Int,
                       exists: (String) -> Bool) throws -> SpeakerQuotes {
        let filter = try ScopeFilter(db, scope)
        guard !filter.isEmpty,
              let speaker = try Int64.fetchOne(db, sql: "SELECT id FROM speaker WHERE name = ?",
                                               arguments: [SearchWrites.speakerName(name)]) else { return SpeakerQuotes() }
        let total: Int
        if let libraries = filter.libraries {
            let (condition, arguments) = countCondition(libraries)
            total = try Int.fetchOne(db, sql: "SELECT sum(quotes) FROM speakerCount WHERE speakerId = ? AND (\(condition))",
                                     arguments: [speaker] + arguments) ?? 0
        } else {
            total = try Int.fetchOne(db, sql: "SELECT count(*) FROM quote WHERE speakerId = ?\(filter.condition(on: "articleId"))",
                                     arguments: [speaker] + filter.arguments) ?? 0
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT library.path, article.path, article.headline, quote.block, quote.text FROM quote
            JOIN article ON article.id = quote.articleId JOIN library ON library.id = article.libraryId
            WHERE quote.speakerId = ?\(filter.condition(on: "quote.articleId"))
            ORDER BY quote.articleId, quote.ordinal LIMIT ? OFFSET ?
            """, arguments: [speaker] + filter.arguments + [limit, offset])
        let quotes = try rows.map { row in
            let key = ArticleKey(library: try row.decode(atIndex: 0), path: try row.decode(atIndex: 1))
            return SpeakerQuote(article: key, headline: try row.decode(atIndex: 2), block: try row.decode(atIndex: 3),
                                text: try row.decode(atIndex: 4), missing: !exists(key.fullPath))
        }
        return SpeakerQuotes(quotes: quotes, total: total)
    }

    /// `(libraryId = ? AND nested = 0) OR libraryId = ? …` over `speakerCount`.
    private static func countCondition(_ libraries: [(id: Int64, nested: Bool)]) -> (String, StatementArguments) {
        guard !libraries.isEmpty else { return ("0", []) }
        let sql = libraries.map { $0.nested ? "speakerCount.libraryId = ?" : "(speakerCount.libraryId = ? AND speakerCount.nested = 0)" }
        return (sql.joined(separator: " OR "), StatementArguments(libraries.map(\.id)))
    }

    /// A name filter as a prefix phrase for the speaker index, or nil for none.
    private static func nameMatch(_ db: Database, _ text: String) throws -> String? {
        let tokens = try db.makeTokenizer(SearchSchema.tokenizer).tokenize(query: text)
            .filter { !$0.flags.contains(.colocated) }.map(\.token)
        return tokens.isEmpty ? nil : SearchPlan.phrase(tokens, prefix: true)
    }
}
