import Foundation
import GRDB

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
        let rows = try Row.fetchCursor(db, sql: """
            SELECT article.path, fileSize, fileModified FROM article
            WHERE libraryId = (SELECT id FROM library WHERE path = ?)
            """, arguments: [library])
        while let row = try rows.next() {
            body(row[0], FileSignature(size: row[1], modified: row[2]))
        }
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

    /// A page of the articles matching `query` in `scope`, best first.
    static func search(_ db: Database, _ query: SearchQuery, scope: SearchScope, offset: Int, limit: Int,
                       frequencies: FrequencyCache, exists: (String) -> Bool) throws -> SearchPage {
        let tokenizer = try db.makeTokenizer(SearchSchema.tokenizer)
        let plan = SearchPlan(query) { text in
            ((try? tokenizer.tokenize(query: text)) ?? []).filter { !$0.flags.contains(.colocated) }.map(\.token)
        }
        if let problem = plan.problem { return SearchPage(problem: problem) }
        let filter = try ScopeFilter(db, scope)
        guard !filter.isEmpty else { return SearchPage() }
        // Without words, the first speaker to find drives the query and the others filter it.
        let driving = plan.match == nil ? plan.speakers.firstIndex { !$0.excluded } : nil
        // `+rowid`: an IN list on the FTS5 table's own rowid would make FTS5 look each id up
        // (about 30 ms per 1,000 ids here); as an expression it filters the matches instead.
        let column = plan.match == nil ? "articleId" : "+rowid"
        var speakers = ""
        var speakerArguments: StatementArguments = []
        for (index, speaker) in plan.speakers.enumerated() where index != driving {
            speakers += " AND \(column) \(speaker.excluded ? "NOT IN" : "IN") (SELECT articleId FROM quote WHERE speakerId IN (SELECT rowid FROM speakerSearch WHERE speakerSearch MATCH ?))"
            speakerArguments += [speaker.match]
        }
        if let match = plan.match {
            return try ranked(db, match: match, plan: plan, filter: filter, speakers: (speakers, speakerArguments),
                              offset: offset, limit: limit, frequencies: frequencies, exists: exists)
        }
        return try bySpeaker(db, plan: plan, filter: filter, speakers: (speakers, speakerArguments),
                             offset: offset, limit: limit, exists: exists)
    }

    /// Words to find: FTS5 ranks them.
    private static func ranked(_ db: Database, match: String, plan: SearchPlan, filter: ScopeFilter,
                               speakers: (sql: String, arguments: StatementArguments),
                               offset: Int, limit: Int, frequencies cache: FrequencyCache,
                               exists: (String) -> Bool) throws -> SearchPage {
        let frequencies = try documentFrequencies(db, plan: plan, cache: cache)
        let rankArguments = frequencies.map { _ in ", ?" }.joined()
        let conditions = filter.condition(on: "+rowid") + speakers.sql
        var arguments = StatementArguments(frequencies) + [match] + filter.arguments + speakers.arguments
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM articleSearch WHERE articleSearch MATCH ?\(conditions)",
                                     arguments: [match] + filter.arguments + speakers.arguments) ?? 0
        guard total > offset else { return SearchPage(total: total) }
        arguments += [limit, offset]
        let rows = try Row.fetchAll(db, sql: """
            SELECT rowid, byline_rank(articleSearch\(rankArguments)) AS score FROM articleSearch
            WHERE articleSearch MATCH ?\(conditions)
            ORDER BY score DESC, rowid LIMIT ? OFFSET ?
            """, arguments: arguments)
        let ids: [Int64] = rows.map { $0[0] }
        let scores: [Int64: Double] = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) })
        let snippets = try self.snippets(db, plan: plan, ids: ids)
        let hits = try articles(db, ids: ids).map { id, key, headline in
            let snippet = snippets[id] ?? Snippet(text: "", matches: [])
            return SearchHit(article: key, headline: headline, snippet: snippet.text, matches: snippet.matches,
                             missing: !exists(key.fullPath), score: scores[id] ?? 0)
        }
        return SearchPage(hits: hits, total: total)
    }

    /// Speakers without words: articles with quotes by them, those with the most first.
    private static func bySpeaker(_ db: Database, plan: SearchPlan, filter: ScopeFilter,
                                  speakers: (sql: String, arguments: StatementArguments),
                                  offset: Int, limit: Int, exists: (String) -> Bool) throws -> SearchPage {
        guard let first = plan.speakers.first(where: { !$0.excluded }) else { return SearchPage() }
        var conditions = filter.condition(on: "articleId") + speakers.sql
        var arguments: StatementArguments = [first.match] + filter.arguments + speakers.arguments
        if let exclusion = plan.exclusion {
            conditions += " AND articleId NOT IN (SELECT rowid FROM articleSearch WHERE articleSearch MATCH ?)"
            arguments += [exclusion]
        }
        let from = """
            FROM quote WHERE speakerId IN (SELECT rowid FROM speakerSearch WHERE speakerSearch MATCH ?)\(conditions)
            """
        let total = try Int.fetchOne(db, sql: "SELECT count(DISTINCT articleId) \(from)", arguments: arguments) ?? 0
        guard total > offset else { return SearchPage(total: total) }
        let rows = try Row.fetchAll(db, sql: """
            SELECT articleId, count(*) AS quotes \(from) GROUP BY articleId ORDER BY quotes DESC, articleId LIMIT ? OFFSET ?
            """, arguments: arguments + [limit, offset])
        let ids: [Int64] = rows.map { $0[0] }
        let counts: [Int64: Int] = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) })
        var snippets: [Int64: Snippet] = [:]
        let quotes = try Row.fetchAll(db, sql: """
            SELECT quote.articleId, quote.text, speaker.name FROM quote JOIN speaker ON speaker.id = quote.speakerId
            WHERE quote.articleId IN (\(list(ids))) AND quote.speakerId IN (SELECT rowid FROM speakerSearch WHERE speakerSearch MATCH ?)
            ORDER BY quote.articleId, quote.ordinal
            """, arguments: [first.match])
        for row in quotes {
            let id: Int64 = row[0]
            guard snippets[id] == nil else { continue }
            snippets[id] = Snippet(quote: row[1], speaker: row[2])
        }
        let hits = try articles(db, ids: ids).map { id, key, headline in
            let snippet = snippets[id] ?? Snippet(text: "", matches: [])
            return SearchHit(article: key, headline: headline, snippet: snippet.text, matches: snippet.matches,
                             missing: !exists(key.fullPath), score: Double(counts[id] ?? 0))
        }
        return SearchPage(hits: hits, total: total)
    }

    /// How many articles hold each phrase to find, for its weight in the ranking; none for a
    /// single phrase, whose weight changes no order. Counting a phrase's articles costs about
    /// what counting the matches does (FTS5 keeps no count per term: its `fts5vocab` table
    /// walks the term's list just the same).
    private static func documentFrequencies(_ db: Database, plan: SearchPlan, cache: FrequencyCache) throws -> [Int64] {
        guard plan.phrases.count > 1 else { return [] }
        return try plan.phrases.map { phrase in
            let match = SearchPlan.phrase(phrase.tokens, prefix: phrase.prefix)
            return try cache.count(of: match) {
                try Int64.fetchOne(db, sql: "SELECT count(*) FROM articleSearch WHERE articleSearch MATCH ?", arguments: [match]) ?? 0
            }
        }
    }

    /// One line around the match for each article: in the body, else the standfirst, else the
    /// body's opening (when only the headline matched).
    private static func snippets(_ db: Database, plan: SearchPlan, ids: [Int64]) throws -> [Int64: Snippet] {
        guard !ids.isEmpty else { return [:] }
        let maker = try SnippetMaker(db, phrases: plan.phrases.filter { !$0.headlineOnly }.map { ($0.tokens, $0.prefix) })
        var result: [Int64: Snippet] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, standfirst, body FROM articleText WHERE id IN (\(list(ids)))")
        while let row = try rows.next() {
            let body = try row.withUnsafeData(atIndex: 2) { data in data?.withUnsafeBytes { TextCompression.decompress($0) } ?? "" }
            let standfirst: String = row[1]
            result[row[0]] = maker.snippet(body) ?? maker.snippet(standfirst) ?? maker.opening(body.isEmpty ? standfirst : body)
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
            found[row[0]] = (ArticleKey(library: row[1], path: row[2]), row[3])
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
        return rows.map { SpeakerSummary(name: $0[0], quotes: $0[1], articles: $0[2]) }
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
        let quotes = rows.map { row in
            let key = ArticleKey(library: row[0], path: row[1])
            return SpeakerQuote(article: key, headline: row[2], block: row[3], text: row[4], missing: !exists(key.fullPath))
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
