import Foundation
import GRDB

/// The SQL that keeps the search index: each function runs inside the caller's transaction.
///
/// An article's FTS5 entry is taken out with FTS5's `delete` command, which needs the text
/// that was indexed: it comes back from the compressed copy through the `articleContent` view.
/// Speaker counts are kept as quotes come and go, so People never counts a million rows.
struct SearchWrites {
    private let db: Database
    private let libraryId: Int64
    /// Speakers by name, as found or made during this batch.
    private var speakers: [String: Int64] = [:]
    /// Speakers that lost quotes: removed at the end if none is left.
    private var orphans: Set<Int64> = []
    private let codec = TextCompression()

    /// Starts a batch for the library keyed `library` (made if new).
    init(_ db: Database, library: String) throws {
        self.db = db
        try db.execute(sql: "INSERT INTO library (path) VALUES (?) ON CONFLICT (path) DO NOTHING", arguments: [library])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM library WHERE path = ?", arguments: [library]) else {
            throw DatabaseError(message: "the library row vanished")
        }
        libraryId = id
    }

    /// Whether a path lies in a subfolder of its library.
    static func isNested(_ path: String) -> Bool { path.utf8.contains(UInt8(ascii: "/")) }

    /// Adds an article, or replaces what was indexed of it. One already indexed from the same
    /// file (size and time; another Byline may have just done it) is left as it is. Returns
    /// whether anything was written.
    @discardableResult
    mutating func put(_ article: IndexedArticle) throws -> Bool {
        let nested = Self.isNested(article.path)
        let id: Int64
        if let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, fileSize, fileModified, parser FROM article WHERE libraryId = ? AND path = ?
            """), arguments: [libraryId, article.path]) {
            id = try row.decode(atIndex: 0)
            let size: Int64 = try row.decode(atIndex: 1)
            let modified: Int64 = try row.decode(atIndex: 2)
            let parser: Int = try row.decode(atIndex: 3)
            if size == article.signature.size && modified == article.signature.modified && parser == article.parser {
                return false
            }
            try unindex(id, nested: nested)
            try db.cachedStatement(sql: "UPDATE article SET fileSize = ?, fileModified = ?, headline = ?, parser = ? WHERE id = ?")
                .execute(arguments: [article.signature.size, article.signature.modified, article.headline, article.parser, id])
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO article (libraryId, path, fileSize, fileModified, headline, parser) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [libraryId, article.path, article.signature.size, article.signature.modified,
                                         article.headline, article.parser])
            id = db.lastInsertedRowID
            if nested { try changeNested(by: 1) }
        }
        try db.cachedStatement(sql: "INSERT INTO articleText (id, standfirst, body) VALUES (?, ?, ?)")
            .execute(arguments: [id, article.standfirst, Data(codec.compress(article.body))])
        if !article.model.isEmpty {
            try db.cachedStatement(sql: "INSERT INTO articleModel (id, model) VALUES (?, ?)")
                .execute(arguments: [id, Data(article.model)])
        }
        try db.cachedStatement(sql: "INSERT INTO articleSearch (rowid, headline, standfirst, body) VALUES (?, ?, ?, ?)")
            .execute(arguments: [id, article.headline, article.standfirst, article.body])
        try addQuotes(article.quotes, to: id, nested: nested)
        return true
    }

    /// Takes an article out of the index; returns whether it was there.
    @discardableResult
    mutating func remove(path: String) throws -> Bool {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM article WHERE libraryId = ? AND path = ?"),
                                          arguments: [libraryId, path]) else { return false }
        let nested = Self.isNested(path)
        try unindex(id, nested: nested)
        try db.cachedStatement(sql: "DELETE FROM article WHERE id = ?").execute(arguments: [id])
        if nested { try changeNested(by: -1) }
        return true
    }

    /// Ends the batch: speakers left without any quote go.
    mutating func finish() throws {
        var gone: Set<Int64> = []
        for id in orphans.sorted() {
            let used = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM quote WHERE speakerId = ?)"),
                                         arguments: [id]) ?? true
            guard !used else { continue }
            try db.cachedStatement(sql: """
                INSERT INTO speakerSearch (speakerSearch, rowid, name) SELECT 'delete', id, name FROM speaker WHERE id = ?
                """).execute(arguments: [id])
            try db.cachedStatement(sql: "DELETE FROM speaker WHERE id = ?").execute(arguments: [id])
            gone.insert(id)
        }
        orphans.removeAll()
        if !gone.isEmpty { speakers = speakers.filter { !gone.contains($0.value) } }
    }

    // MARK: - Parts

    /// Takes the article's text out of FTS5, its quotes out of the counts and its parsed model
    /// away (its row stays).
    private mutating func unindex(_ id: Int64, nested: Bool) throws {
        try db.cachedStatement(sql: """
            INSERT INTO articleSearch (articleSearch, rowid, headline, standfirst, body)
            SELECT 'delete', id, headline, standfirst, body FROM articleContent WHERE id = ?
            """).execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM articleText WHERE id = ?").execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM articleModel WHERE id = ?").execute(arguments: [id])
        let counts = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT speakerId, count(*) FROM quote WHERE articleId = ? GROUP BY speakerId
            """), arguments: [id])
        for row in counts {
            let speaker: Int64 = try row.decode(atIndex: 0)
            let quotes: Int64 = try row.decode(atIndex: 1)
            try db.cachedStatement(sql: """
                UPDATE speakerCount SET quotes = quotes - ?, articles = articles - 1
                WHERE libraryId = ? AND nested = ? AND speakerId = ?
                """).execute(arguments: [quotes, libraryId, nested, speaker])
            try db.cachedStatement(sql: """
                DELETE FROM speakerCount WHERE libraryId = ? AND nested = ? AND speakerId = ? AND articles <= 0
                """).execute(arguments: [libraryId, nested, speaker])
            orphans.insert(speaker)
        }
        try db.cachedStatement(sql: "DELETE FROM quote WHERE articleId = ?").execute(arguments: [id])
    }

    private mutating func addQuotes(_ quotes: [IndexedQuote], to id: Int64, nested: Bool) throws {
        var perSpeaker: [Int64: Int] = [:]
        for (ordinal, quote) in quotes.enumerated() {
            let speaker = try speakerId(quote.speaker)
            try db.cachedStatement(sql: "INSERT INTO quote (articleId, ordinal, speakerId, block, text) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [id, ordinal, speaker, quote.block, quote.text])
            perSpeaker[speaker, default: 0] += 1
        }
        for (speaker, count) in perSpeaker.sorted(by: { $0.key < $1.key }) {
            try db.cachedStatement(sql: """
                INSERT INTO speakerCount (libraryId, nested, speakerId, quotes, articles) VALUES (?, ?, ?, ?, 1)
                ON CONFLICT (libraryId, nested, speakerId) DO UPDATE SET quotes = quotes + excluded.quotes, articles = articles + 1
                """).execute(arguments: [libraryId, nested, speaker, count])
        }
    }

    /// The speaker's id, made (and added to the name index) when new.
    private mutating func speakerId(_ name: String) throws -> Int64 {
        let key = Self.speakerName(name)
        if let known = speakers[key] { return known }
        let id: Int64
        if let found = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM speaker WHERE name = ?"), arguments: [key]) {
            id = found
        } else {
            try db.cachedStatement(sql: "INSERT INTO speaker (name) VALUES (?)").execute(arguments: [key])
            id = db.lastInsertedRowID
            try db.cachedStatement(sql: "INSERT INTO speakerSearch (rowid, name) VALUES (?, ?)").execute(arguments: [id, key])
        }
        speakers[key] = id
        return id
    }

    /// A speaker's name as kept: NFC, spaces collapsed, so one person written with precomposed
    /// or combining accents is one speaker.
    static func speakerName(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func changeNested(by delta: Int) throws {
        try db.cachedStatement(sql: "UPDATE library SET nestedArticles = nestedArticles + ? WHERE id = ?")
            .execute(arguments: [delta, libraryId])
    }
}
