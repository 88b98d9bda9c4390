import GRDB

/// The store's tables, built by GRDB's `DatabaseMigrator`. A migration, once shipped, never
/// changes: a new need is a new migration appended here. (The search index has a file and a
/// migrator of its own: ``SearchSchema``.)
///
/// ```sql
/// library (id INTEGER PRIMARY KEY, path TEXT UNIQUE,   -- the library's canonical path
///          lastSelected TEXT, sortOrder TEXT)
/// articleState (libraryId → library ON DELETE CASCADE, path TEXT,
///               PRIMARY KEY (libraryId, path)) WITHOUT ROWID:
///          readAt INTEGER,                               -- seconds since 1970; NULL = unread
///          block, offset, blockCount,                    -- the reading position; NULL = top
///          fileSize, fileModified, fileHash, anchor,     -- the file and block it was saved for
///          savedAt INTEGER
/// ```
/// `articleState` is clustered by library (`WITHOUT ROWID`): a library's rows are read in one
/// sequential range scan, and there is no second index to keep. A row exists only while it
/// holds something (a mark, or a position).
enum StoreSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: libraries and articles") { db in
            for (_, statement) in v1 { try db.execute(sql: statement) }
        }
        return migrator
    }()

    /// The first migration's statements, one table each, by name. SQLite keeps each
    /// statement's text as written (without its semicolon) as the table's definition, so these
    /// are also what ``expectedDefinitions`` compares a store with.
    static let v1: KeyValuePairs<String, String> = [
        "library": """
            CREATE TABLE library (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                lastSelected TEXT,
                sortOrder TEXT
            )
            """,
        "articleState": """
            CREATE TABLE articleState (
                libraryId INTEGER NOT NULL REFERENCES library(id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                readAt INTEGER,
                block INTEGER,
                offset INTEGER,
                blockCount INTEGER,
                fileSize INTEGER,
                fileModified INTEGER,
                fileHash INTEGER,
                anchor INTEGER,
                savedAt INTEGER,
                PRIMARY KEY (libraryId, path)
            ) WITHOUT ROWID
            """,
    ]

    /// The text SQLite keeps of each table and index the migrations make (autoindexes have
    /// none), by name: what a store whose migrations are done must hold. Taken from the
    /// migrations' own statements (a test checks that migrating an empty database gives
    /// exactly these), so opening a store does not build one in memory to find out (that cost
    /// 4 M instructions at the first write of a session); a later migration that adds or
    /// alters a table changes this too, or that test fails. GRDB's own bookkeeping table is
    /// left out (its text is GRDB's, and may change with GRDB).
    static let expectedDefinitions: [String: String] = Dictionary(uniqueKeysWithValues: v1.map { ($0.key, $0.value) })

    /// The definitions of `db`'s own tables and indexes (see ``expectedDefinitions``).
    static func definitions(_ db: Database) throws -> [String: String] {
        var found: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
            """) {
            found[try row.decode(atIndex: 0)] = try row.decode(String.self, atIndex: 1)
        }
        return found
    }

    /// Whether a store whose migrations are all done holds the tables they make, as they make
    /// them: a damaged definition (one bit of `PRIMARY KEY` changed makes the library's id an
    /// ordinary column that can be NULL) would lose what is saved without an error.
    static func holdsExpectedDefinitions(_ db: Database) throws -> Bool {
        try definitions(db) == expectedDefinitions
    }

    /// Brings the schema up to date. Two processes opening a new store at once may both try
    /// the first migration: GRDB's migrator reads what is applied before it takes the write
    /// lock, so the loser fails ("table already exists", or "no such table" while the winner
    /// is half-way), having waited for the winner's lock. It then tries again, and finds
    /// everything applied.
    /// (The search index's migrator goes the same way.)
    static func migrate(_ writer: some DatabaseWriter, with migrator: DatabaseMigrator = StoreSchema.migrator) throws {
        for attempt in 1...5 {
            do {
                try migrator.migrate(writer)
                return
            } catch {
                if try writer.read(migrator.hasCompletedMigrations) { return }
                if attempt == 5 { throw error }
            }
        }
    }
}
