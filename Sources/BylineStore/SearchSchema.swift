import GRDB

/// The search index's tables, in their own file (`index.sqlite3` beside the state store), built
/// by GRDB's `DatabaseMigrator`. A migration, once shipped, never changes.
///
/// ```sql
/// library (id INTEGER PRIMARY KEY, path TEXT UNIQUE,       -- the library's canonical path
///          nestedArticles INTEGER)                          -- how many are in subfolders
/// article (id INTEGER PRIMARY KEY,                          -- also the FTS5 rowid
///          libraryId → library, path TEXT,                  -- UNIQUE (libraryId, path)
///          fileSize, fileModified INTEGER,                  -- the file when it was indexed
///          headline TEXT)
/// articleText (id → article, standfirst TEXT, body BLOB)    -- body: zstd-compressed UTF-8
/// VIEW articleContent (id, headline, standfirst, body)      -- body unpacked by byline_unpack()
/// articleSearch USING fts5(headline, standfirst, body,      -- external content: articleContent
///          columnsize=0, unicode61 remove_diacritics 2)
/// speaker (id INTEGER PRIMARY KEY, name TEXT UNIQUE)        -- names in NFC
/// speakerSearch USING fts5(name)                            -- external content: speaker
/// quote (articleId → article, ordinal, speakerId → speaker, block, text)
///          PRIMARY KEY (articleId, ordinal) WITHOUT ROWID; INDEX (speakerId, articleId)
/// speakerCount (libraryId, nested, speakerId, quotes, articles)   -- kept up to date on writes
///          PRIMARY KEY (libraryId, nested, speakerId) WITHOUT ROWID
/// -- v2:
/// article.parser INTEGER DEFAULT 0                          -- the parser version of the model
///          INDEX articleByParser (parser)
/// articleModel (id → article, model BLOB)                   -- the parsed article, as bytes
/// ```
///
/// Only attributed quotes are kept (a pull quote that repeats a body quote is not counted
/// twice). `articleText` is apart from `article` so that loading a library's signatures, or the
/// rows of a results page, never reads the text.
///
/// `articleModel` keeps the whole parsed article (`ArticleModelCodec` in BylineModel) but the
/// texts found verbatim in the article's file, kept as where they start there (the reader reads
/// the file and cuts them from it; models of an earlier build leave the texts of the paragraphs
/// and crossheads to the lines of `articleText.body` instead), so that the reader shows an
/// article the index holds from the same file (size and time) without parsing it. The model is not compressed: it is small without the body (about 1.5 KB on the
/// generated corpus), and unpacking it cost about 27 k instructions a read. The parser version that made it is in `article.parser` (0: no
/// model, as for every article of a v1 index), indexed: the indexer's check of every file asks
/// for the articles of another version through that index (none, but after an upgrade) rather
/// than reading the column of every row (about 260 instructions a row, 2.6 M at 10,000), and
/// indexes them again, quotes and speakers with them.
enum SearchSchema {
    /// The tokenizer of both FTS5 tables (`unicode61 remove_diacritics 2`), for cutting queries
    /// and snippets the same way.
    static let tokenizer = FTS5TokenizerDescriptor.unicode61(diacritics: .remove)

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: articles, full text, speakers and quotes") { db in
            try db.execute(sql: """
                CREATE TABLE library (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    nestedArticles INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE article (
                    id INTEGER PRIMARY KEY,
                    libraryId INTEGER NOT NULL REFERENCES library(id),
                    path TEXT NOT NULL,
                    fileSize INTEGER NOT NULL,
                    fileModified INTEGER NOT NULL,
                    headline TEXT NOT NULL,
                    UNIQUE (libraryId, path)
                );
                CREATE TABLE articleText (
                    id INTEGER PRIMARY KEY REFERENCES article(id),
                    standfirst TEXT NOT NULL,
                    body BLOB NOT NULL
                );
                CREATE VIEW articleContent AS
                    SELECT article.id AS id, article.headline AS headline, articleText.standfirst AS standfirst,
                           byline_unpack(articleText.body) AS body
                    FROM article JOIN articleText ON articleText.id = article.id;
                CREATE VIRTUAL TABLE articleSearch USING fts5(
                    headline, standfirst, body,
                    content = 'articleContent', content_rowid = 'id', columnsize = 0,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                CREATE TABLE speaker (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE
                );
                CREATE VIRTUAL TABLE speakerSearch USING fts5(
                    name, content = 'speaker', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                CREATE TABLE quote (
                    articleId INTEGER NOT NULL REFERENCES article(id),
                    ordinal INTEGER NOT NULL,
                    speakerId INTEGER NOT NULL REFERENCES speaker(id),
                    block INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (articleId, ordinal)
                ) WITHOUT ROWID;
                CREATE INDEX quoteBySpeaker ON quote (speakerId, articleId);
                CREATE TABLE speakerCount (
                    libraryId INTEGER NOT NULL,
                    nested INTEGER NOT NULL,
                    speakerId INTEGER NOT NULL,
                    quotes INTEGER NOT NULL,
                    articles INTEGER NOT NULL,
                    PRIMARY KEY (libraryId, nested, speakerId)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2: parsed articles") { db in
            try db.execute(sql: """
                ALTER TABLE article ADD COLUMN parser INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX articleByParser ON article (parser);
                CREATE TABLE articleModel (
                    id INTEGER PRIMARY KEY REFERENCES article(id),
                    model BLOB NOT NULL
                );
                """)
        }
        return migrator
    }()
}
